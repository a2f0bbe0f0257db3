import Foundation
import Testing
@testable import YomitoriOCR
import YomitoriVision

private func fixture(_ name: String) -> String {
    Bundle.module.path(forResource: "Fixtures/\(name)", ofType: nil) ?? "missing-fixture-\(name)"
}

@Suite("Scan files: decoding and bad input")
struct ScanFileTests {
    @Test("PNG, JPEG decode to greyscale with their resolution", arguments: ["digits.png", "digits.jpg"])
    func decodesImages(name: String) throws {
        let file = try ScanFile(path: fixture(name))
        #expect(file.pageCount == 1)
        let page = try file.page(0)
        #expect(page.width == 400 && page.height == 120)
        #expect(page.dpi == 300)
        // Ink where the digits are, paper elsewhere.
        #expect(page.darkRatio(in: PixelRect(x: 20, y: 30, width: 200, height: 60)) > 0.1)
        #expect(page.darkRatio(in: PixelRect(x: 300, y: 0, width: 100, height: 20)) == 0)
    }

    @Test("A multi-page TIFF and a PDF give one page each")
    func multiPage() throws {
        for name in ["two-pages.tif", "two-pages.pdf"] {
            let file = try ScanFile(path: fixture(name))
            #expect(file.pageCount == 2, "\(name)")
            let second = try file.page(1)
            #expect(second.width > 0)
            #expect(throws: OCRError.self) { try file.page(2) }
        }
    }

    @Test("Bad input gives a one-line error naming the file and the problem", arguments: [
        ("empty.png", "empty_file", "empty"),
        ("truncated.png", "corrupt", "corrupt or truncated"),
        ("truncated.jpg", "corrupt", "corrupt or truncated"),
        ("not-an-image.png", "not_an_image", "not an image"),
        ("huge-30000x30000.png", "too_large", "30000×30000"),
        ("broken.pdf", "corrupt", "PDF is broken"),
        ("encrypted.pdf", "encrypted_pdf", "encrypted"),
        ("no-such-file.png", "unreadable", "no such file"),
    ])
    func badInput(name: String, code: String, phrase: String) {
        let path = name == "no-such-file.png" ? "/nonexistent/\(name)" : fixture(name)
        do {
            let file = try ScanFile(path: path)
            _ = try file.page(0)
            Issue.record("\(name) was accepted")
        } catch let error as OCRError {
            #expect(error.code.description == code, "\(name): \(error)")
            #expect(error.description.contains(path), "the message names the file: \(error)")
            #expect(error.description.contains(phrase), "\(error)")
            #expect(!error.description.contains("\n"))
        } catch {
            Issue.record("unexpected error type \(error)")
        }
    }

    @Test("A file over the page limit is refused before rasterising")
    func pageLimit() {
        var limits = ScanLimits()
        limits.maxPages = 1
        #expect(throws: OCRError.self) { try ScanFile(path: fixture("two-pages.pdf"), limits: limits) }
    }

    @Test("Odd file names are read as they are")
    func oddNames() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yomitori-odd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["-starts-with-dash.pdf", "空白 と 日本語 (1).pdf", "quote'and\"semicolon;.pdf"] {
            let target = dir.appendingPathComponent(name).path
            try FileManager.default.copyItem(atPath: fixture("two-pages.pdf"), toPath: target)
            let file = try ScanFile(path: target)
            #expect(try file.page(0).width > 0, "\(name)")
        }
    }

    @Test("A PDF page rasterised to raw PGM has the same pixels as through PNG, at the PDF dpi")
    func pdfPageAsPGM() throws {
        let path = fixture("two-pages.pdf")
        #expect(try ScanFile(path: path).page(1).dpi == 300)
        // The rasterising path itself (ScanFile takes this plain scan's JPEG out instead).
        let page = try #require(GrayImage(pgm: try PDFRasteriser.rasterise(path: path, page: 1, size: nil, limits: ScanLimits())))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yomitori-pgm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let png = dir.appendingPathComponent("page").path
        let tool = Process()
        tool.executableURL = URL(fileURLWithPath: "/usr/bin/pdftoppm")
        tool.arguments = ["-r", "300", "-gray", "-png", "-f", "2", "-l", "2", "-singlefile", path, png]
        try tool.run()
        tool.waitUntilExit()
        let reference = try ScanFile(path: png + ".png").page(0)
        #expect(page.width == reference.width && page.height == reference.height)
        #expect(page.pixels == reference.pixels)
    }

    @Test("A poster-sized PDF page is refused from pdfinfo's page size, before rasterising")
    func posterPDF() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yomitori-poster-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("poster.pdf").path
        // 200 × 200 inches: 60000 × 60000 px at 300 dpi.
        let pdf = "%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n"
            + "3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 14400 14400]>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
        try pdf.write(toFile: path, atomically: true, encoding: .ascii)
        let file = try ScanFile(path: path)
        let start = Date()
        do {
            _ = try file.page(0)
            Issue.record("a 60000 px page was rasterised")
        } catch let error as OCRError {
            #expect(error.code.description == "too_large", "\(error)")
            #expect(error.description.contains("60000"), "\(error)")
        }
        #expect(Date().timeIntervalSince(start) < 5)
    }
}
