import Foundation
import YomitoriVision

/// PDF pages as images, through poppler's `pdfinfo` and `pdftoppm` (package poppler-utils).
///
/// `pdfinfo` runs once per file (page count and sizes); each page is rasterised on its own, as
/// uncompressed grey PGM straight to memory (PNG would cost a second per page to compress and
/// decompress again): no temporary files are left behind.
enum PDFRasteriser {
    /// What `pdfinfo` says about a PDF: its page count and each page's size in points.
    struct Info {
        var pageCount: Int
        /// Sizes of the first pages (up to the page limit), index 0 = page 1.
        var pageSizes: [(Double, Double)]
        /// Pages (index 0 = page 1) that are one scanned JPEG each, with its resolution
        /// (see ``PDFEmbeddedImages``).
        var embeddedImages: [Int: Double] = [:]
    }

    /// Runs `pdfinfo` once for the whole file: the page count and every page's size (so the
    /// size check before rasterising each page needs no further call).
    static func info(path: String, maxPages: Int) throws -> Info {
        guard let tool = ToolRunner.locate("pdfinfo") else {
            throw OCRError(code: .missingTool, file: path, message: "reading PDF needs pdfinfo; install it with: apt-get install poppler-utils")
        }
        let out: ToolRunner.Output
        do {
            // pdfinfo clamps -l to the last page; the limit keeps a huge file's output small.
            out = try ToolRunner.run(tool, ["-f", "1", "-l", String(max(1, maxPages)), safePath(path)], timeout: 60)
        } catch {
            throw OCRError(code: .missingTool, file: path, message: "pdfinfo could not be started (\(error))")
        }
        let text = String(decoding: out.stdout, as: UTF8.self)
        if out.status != 0 {
            let detail = out.stderr.split(separator: "\n").first.map(String.init) ?? "exit \(out.status)"
            if detail.localizedCaseInsensitiveContains("password") {
                throw OCRError(code: .encryptedPDF, file: path, message: "PDF is encrypted (password protected); save it without a password and scan again")
            }
            throw OCRError(code: .corrupt, file: path, message: "PDF is broken or truncated (pdfinfo: \(detail))")
        }
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Pages:") }),
              let n = Int(line.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)), n > 0 else {
            throw OCRError(code: .corrupt, file: path, message: "PDF has no pages")
        }
        let sizes = pageSizesPoints(text)
        let hasForm = text.split(separator: "\n").contains { $0.hasPrefix("Form:") && !$0.hasSuffix("none") }
        let embedded = PDFEmbeddedImages.candidates(
            path: path, maxPages: min(n, maxPages), pageSizes: sizes, rotations: pageRotations(text), hasForm: hasForm
        )
        return Info(pageCount: n, pageSizes: sizes, embeddedImages: embedded)
    }

    /// Page rotations in degrees from pdfinfo's "Page N rot:" lines.
    static func pageRotations(_ text: String) -> [Int] {
        text.split(separator: "\n").compactMap { line -> Int? in
            guard line.hasPrefix("Page"), line.contains("rot:") else { return nil }
            return line.split(separator: ":", maxSplits: 1).last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        }
    }

    /// Raw PGM bytes (8-bit grey, no compression) of page `index` (0-based) at `limits.pdfDPI`;
    /// `size` is the page's size in points from ``info(path:maxPages:)``, checked first.
    static func rasterise(path: String, page index: Int, size: (Double, Double)?, limits: ScanLimits) throws -> Data {
        let dpi = limits.pdfDPI
        guard let tool = ToolRunner.locate("pdftoppm") else {
            throw OCRError(code: .missingTool, file: path, message: "reading PDF needs pdftoppm; install it with: apt-get install poppler-utils")
        }
        let n = String(index + 1)
        // A poster-sized page at 300 dpi would exhaust memory: check the page size first.
        if let size {
            let w = Int(size.0 / 72 * Double(dpi)), h = Int(size.1 / 72 * Double(dpi))
            if w > limits.maxSide || h > limits.maxSide || w * h > limits.maxPixels {
                throw OCRError(
                    code: .tooLarge, file: path,
                    message: "page \(n) of the PDF would be \(w)×\(h) px at \(dpi) dpi; the limit is \(limits.maxSide) px a side"
                )
            }
        }
        let out: ToolRunner.Output
        do {
            out = try ToolRunner.run(tool, ["-r", String(dpi), "-gray", "-f", n, "-l", n, safePath(path)], timeout: limits.pdfPageTimeout)
        } catch {
            throw OCRError(code: .missingTool, file: path, message: "pdftoppm could not be started (\(error))")
        }
        if out.timedOut {
            throw OCRError(code: .corrupt, file: path, message: "page \(n) of the PDF took longer than \(Int(limits.pdfPageTimeout)) s to rasterise")
        }
        guard out.status == 0, !out.stdout.isEmpty else {
            let detail = out.stderr.split(separator: "\n").first.map(String.init) ?? "exit \(out.status)"
            throw OCRError(code: .corrupt, file: path, message: "page \(n) of the PDF cannot be rasterised (pdftoppm: \(detail))")
        }
        return out.stdout
    }

    /// Low-resolution renderings of `pages` (0-based) from one `pdftoppm` call, by page; empty
    /// when poppler fails or does not give one image per page (the caller then rasterises).
    static func previews(path: String, pages: Range<Int>, dpi: Int, timeout: Double) -> [Int: GrayImage] {
        guard !pages.isEmpty, let tool = ToolRunner.locate("pdftoppm"),
              let out = try? ToolRunner.run(
                  tool, ["-r", String(dpi), "-gray", "-f", String(pages.lowerBound + 1), "-l", String(pages.upperBound), safePath(path)],
                  timeout: timeout * Double(pages.count)
              ),
              out.status == 0, !out.timedOut, let images = GrayImage.pgmSequence(out.stdout), images.count == pages.count else {
            return [:]
        }
        return Dictionary(uniqueKeysWithValues: zip(pages, images))
    }

    /// Page sizes in points from pdfinfo's "Page N size:" lines (or its single "Page size:" line).
    static func pageSizesPoints(_ text: String) -> [(Double, Double)] {
        var sizes: [(Double, Double)] = []
        for line in text.split(separator: "\n") where line.hasPrefix("Page") && line.contains("size:") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let numbers = parts[1].split(separator: " ").compactMap { Double($0) }
            if numbers.count >= 2 { sizes.append((numbers[0], numbers[1])) }
        }
        return sizes
    }

    /// A path that a tool cannot mistake for an option (file names may start with '-').
    static func safePath(_ path: String) -> String {
        path.hasPrefix("-") ? "./" + path : path
    }
}
