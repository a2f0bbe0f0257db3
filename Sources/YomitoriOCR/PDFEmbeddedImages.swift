import Foundation
import YomitoriVision

/// Scanner PDFs hold each page as one JPEG that fills the page. Such a page is read by taking that
/// JPEG out of the file (`pdfimages -j`, a few milliseconds) instead of rasterising the page
/// (`pdftoppm`, about 100 ms at 300 dpi), and the pixels are the scanner's own, not resampled.
///
/// A page is taken this way only when everything says it is a plain scan: exactly one image on the
/// page (no mask, no second image), DCT-encoded grey or RGB at 8 bits, square pixels, covering the
/// whole page, the page not rotated, no fonts in the file (no text layer that could be visible) and
/// no interactive form. Even then, the extracted image must match a 20 dpi rendering of the page by
/// poppler (so a flipped placement, an inverting decode array or a drawing on top is noticed);
/// otherwise the page is rasterised as before.
enum PDFEmbeddedImages {
    /// One page's image as `pdfimages -list` describes it.
    struct Entry: Equatable {
        var page: Int
        var type: String
        var width: Int
        var height: Int
        var color: String
        var bitsPerComponent: Int
        var encoding: String
        var xPPI: Double
        var yPPI: Double
    }

    /// Pages (0-based) that qualify, with their image's resolution in dpi.
    static func candidates(
        path: String, maxPages: Int, pageSizes: [(Double, Double)], rotations: [Int], hasForm: Bool
    ) -> [Int: Double] {
        guard !hasForm, let tool = ToolRunner.locate("pdfimages"),
              let out = try? ToolRunner.run(tool, ["-list", "-f", "1", "-l", String(max(1, maxPages)), PDFRasteriser.safePath(path)], timeout: 60),
              out.status == 0, !out.timedOut else { return [:] }
        let entries = parseList(String(decoding: out.stdout, as: UTF8.self))
        var byPage: [Int: [Entry]] = [:]
        for entry in entries { byPage[entry.page, default: []].append(entry) }
        var result: [Int: Double] = [:]
        for (page, list) in byPage {
            let index = page - 1
            guard list.count == 1, let e = list.first, index >= 0, index < pageSizes.count else { continue }
            let rotation = index < rotations.count ? rotations[index] : 0
            guard e.type == "image", e.encoding == "jpeg", e.bitsPerComponent == 8, ["gray", "rgb"].contains(e.color),
                  rotation % 360 == 0, e.xPPI >= 100, e.xPPI <= 1200, abs(e.xPPI - e.yPPI) <= 1 else { continue }
            let (w, h) = pageSizes[index]
            let coversWidth = abs(Double(e.width) / e.xPPI * 72 - w) <= w * 0.02
            let coversHeight = abs(Double(e.height) / e.yPPI * 72 - h) <= h * 0.02
            if coversWidth && coversHeight { result[index] = e.xPPI }
        }
        guard !result.isEmpty, !hasFonts(path: path, maxPages: maxPages) else { return [:] }
        return result
    }

    /// The rows of `pdfimages -list` (two header lines, then one line per image).
    static func parseList(_ text: String) -> [Entry] {
        text.split(separator: "\n").compactMap { line in
            let f = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard f.count >= 14, let page = Int(f[0]), let width = Int(f[3]), let height = Int(f[4]),
                  let bpc = Int(f[7]), let x = Double(f[12]), let y = Double(f[13]) else { return nil }
            return Entry(page: page, type: f[2], width: width, height: height, color: f[5], bitsPerComponent: bpc,
                         encoding: f[8], xPPI: x, yPPI: y)
        }
    }

    /// Whether `pdffonts` lists any font on the first pages (a text layer, visible or not).
    /// When it cannot tell, the answer is yes: the page is then rasterised.
    static func hasFonts(path: String, maxPages: Int) -> Bool {
        guard let tool = ToolRunner.locate("pdffonts"),
              let out = try? ToolRunner.run(tool, ["-f", "1", "-l", String(max(1, maxPages)), PDFRasteriser.safePath(path)], timeout: 60),
              out.status == 0 else { return true }
        return String(decoding: out.stdout, as: UTF8.self).split(separator: "\n").count > 2
    }

    /// The JPEG bytes of each page of `pages` (0-based) for which `pdfimages` gives exactly one
    /// JPEG file, from one `pdfimages` call for the whole range. The files go through a private
    /// temporary folder that is always removed; a page missing from the result is rasterised.
    static func extractJPEGs(path: String, pages: Range<Int>, timeout: Double) -> [Int: Data] {
        guard !pages.isEmpty, let tool = ToolRunner.locate("pdfimages") else { return [:] }
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("yomitori-pdf-\(UUID().uuidString)")
        guard (try? fm.createDirectory(at: dir, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])) != nil else {
            return [:]
        }
        defer { try? fm.removeItem(at: dir) }
        // -p puts the page number in each name: p-PAGE-NUMBER.jpg.
        let arguments = ["-j", "-p", "-f", String(pages.lowerBound + 1), "-l", String(pages.upperBound),
                         PDFRasteriser.safePath(path), dir.appendingPathComponent("p").path]
        guard let out = try? ToolRunner.run(tool, arguments, timeout: timeout * Double(pages.count)),
              out.status == 0, !out.timedOut, let files = try? fm.contentsOfDirectory(atPath: dir.path) else {
            return [:]
        }
        var byPage: [Int: [String]] = [:]
        for name in files {
            let parts = name.split(separator: "-")
            guard parts.count == 3, parts[0] == "p", let page = Int(parts[1]) else { continue }
            byPage[page - 1, default: []].append(name)
        }
        var jpegs: [Int: Data] = [:]
        for (index, names) in byPage where pages.contains(index) && names.count == 1 && names[0].hasSuffix(".jpg") {
            jpegs[index] = try? Data(contentsOf: dir.appendingPathComponent(names[0]))
        }
        return jpegs
    }

    /// Whether `image` (the extracted page) looks like `preview` (poppler's rendering of the same
    /// page at low resolution): both reduced to the preview's size, at most 0.5 % of the preview's
    /// pixels may differ by more than a third of the grey range, and the mean difference must stay
    /// small. A flipped, rotated or inverted extraction, or a drawing over the image, fails.
    static func matches(_ image: GrayImage, preview: GrayImage) -> Bool {
        guard preview.width >= 8, preview.height >= 8 else { return false }
        let reduced = boxReduced(image, width: preview.width, height: preview.height)
        var total = 0, far = 0
        for i in 0..<reduced.count {
            let d = abs(Int(reduced[i]) - Int(preview.pixels[i]))
            total += d
            if d > 85 { far += 1 }
        }
        let mean = Double(total) / Double(reduced.count)
        return mean <= 12 && Double(far) <= Double(reduced.count) * 0.005
    }

    /// `image` averaged over boxes to `width` × `height`.
    static func boxReduced(_ image: GrayImage, width: Int, height: Int) -> [UInt8] {
        var out = [UInt8](repeating: 255, count: width * height)
        image.pixels.withUnsafeBufferPointer { src in
            for oy in 0..<height {
                let y0 = oy * image.height / height, y1 = max(y0 + 1, (oy + 1) * image.height / height)
                for ox in 0..<width {
                    let x0 = ox * image.width / width, x1 = max(x0 + 1, (ox + 1) * image.width / width)
                    var sum = 0
                    for y in y0..<min(y1, image.height) {
                        let row = y * image.width
                        for x in x0..<min(x1, image.width) { sum += Int(src[row + x]) }
                    }
                    let n = max(1, (min(y1, image.height) - y0) * (min(x1, image.width) - x0))
                    out[oy * width + ox] = UInt8(sum / n)
                }
            }
        }
        return out
    }
}
