import Foundation

/// PDF pages as images, through poppler's `pdfinfo` and `pdftoppm` (package poppler-utils).
///
/// One page is rasterised at a time, straight to memory: no temporary files are left behind.
enum PDFRasteriser {
    static func pageCount(path: String) throws -> Int {
        guard let tool = ToolRunner.locate("pdfinfo") else {
            throw OCRError(code: .missingTool, file: path, message: "reading PDF needs pdfinfo; install it with: apt-get install poppler-utils")
        }
        let out: ToolRunner.Output
        do {
            out = try ToolRunner.run(tool, [safePath(path)], timeout: 60)
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
        return n
    }

    /// PNG bytes of page `index` (0-based), greyscale at `limits.pdfDPI`.
    static func rasterise(path: String, page index: Int, limits: ScanLimits) throws -> Data {
        guard let tool = ToolRunner.locate("pdftoppm") else {
            throw OCRError(code: .missingTool, file: path, message: "reading PDF needs pdftoppm; install it with: apt-get install poppler-utils")
        }
        let n = String(index + 1)
        // A poster-sized page at 300 dpi would exhaust memory: check the page size first.
        if let info = ToolRunner.locate("pdfinfo"),
           let out = try? ToolRunner.run(info, ["-f", n, "-l", n, safePath(path)], timeout: 60),
           let size = pageSizePoints(String(decoding: out.stdout, as: UTF8.self)) {
            let w = Int(size.0 / 72 * Double(limits.pdfDPI)), h = Int(size.1 / 72 * Double(limits.pdfDPI))
            if w > limits.maxSide || h > limits.maxSide || w * h > limits.maxPixels {
                throw OCRError(
                    code: .tooLarge, file: path,
                    message: "page \(n) of the PDF would be \(w)×\(h) px at \(limits.pdfDPI) dpi; the limit is \(limits.maxSide) px a side"
                )
            }
        }
        let out = try ToolRunner.run(
            tool,
            ["-r", String(limits.pdfDPI), "-gray", "-png", "-f", n, "-l", n, safePath(path)],
            timeout: limits.pdfPageTimeout
        )
        if out.timedOut {
            throw OCRError(code: .corrupt, file: path, message: "page \(n) of the PDF took longer than \(Int(limits.pdfPageTimeout)) s to rasterise")
        }
        guard out.status == 0, !out.stdout.isEmpty else {
            let detail = out.stderr.split(separator: "\n").first.map(String.init) ?? "exit \(out.status)"
            throw OCRError(code: .corrupt, file: path, message: "page \(n) of the PDF cannot be rasterised (pdftoppm: \(detail))")
        }
        return out.stdout
    }

    /// Width and height in points from pdfinfo's "Page size:" or "Page N size:" line.
    static func pageSizePoints(_ text: String) -> (Double, Double)? {
        for line in text.split(separator: "\n") where line.hasPrefix("Page") && line.contains("size:") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let numbers = parts[1].split(separator: " ").compactMap { Double($0) }
            if numbers.count >= 2 { return (numbers[0], numbers[1]) }
        }
        return nil
    }

    /// A path that a tool cannot mistake for an option (file names may start with '-').
    static func safePath(_ path: String) -> String {
        path.hasPrefix("-") ? "./" + path : path
    }
}
