import Foundation
import Testing
@testable import YomitoriOCR
import YomitoriVision

/// Scanner PDFs: a page that is one full-page JPEG is read from that JPEG, without rasterising;
/// anything else about the page (a flipped placement, a drawing on top) sends it to `pdftoppm`.
@Suite("PDF pages read from their scanned image")
struct PDFEmbeddedImageTests {
    static let scan = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../samples/scans/a_juminhyo-degraded-01.jpg").standardized

    /// A4 in points, the sample scan's size at 300 dpi.
    static let pageWidth = 2480.0 * 72 / 300, pageHeight = 3508.0 * 72 / 300

    private func withPDF(_ content: String, _ body: (String) throws -> Void) throws {
        try withPDF(pages: [content], body)
    }

    private func withPDF(pages contents: [String], _ body: (String) throws -> Void) throws {
        let jpeg = try Data(contentsOf: Self.scan)
        let pdf = TestPDF.pages(jpeg: jpeg, imageWidth: 2480, imageHeight: 3508, pageWidth: Self.pageWidth, pageHeight: Self.pageHeight, contents: contents)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("yomitori-pdfimg-\(UUID().uuidString).pdf").path
        try pdf.write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        try body(path)
    }

    private var place: String { String(format: "q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q", Self.pageWidth, Self.pageHeight) }

    @Test("A page that is one JPEG gives that JPEG's own pixels, at its resolution")
    func plainScan() throws {
        let direct = try ScanFile(path: Self.scan.path).page(0)
        try withPDF(place) { path in
            let info = try PDFRasteriser.info(path: path, maxPages: 10)
            #expect(info.embeddedImages == [0: 300])
            let page = try ScanFile(path: path).page(0)
            #expect(page.width == direct.width && page.height == direct.height)
            #expect(page.pixels == direct.pixels, "the scanner's pixels, not a rendering")
            #expect(page.dpi == 300)
        }
    }

    @Test("A flipped placement or a drawing over the image is rasterised instead", arguments: ["flipped", "drawn over"])
    func notPlain(kind: String) throws {
        let direct = try ScanFile(path: Self.scan.path).page(0)
        let content = kind == "flipped"
            ? String(format: "q %.2f 0 0 %.2f 0 %.2f cm /Im0 Do Q", Self.pageWidth, -Self.pageHeight, Self.pageHeight)
            : place + " 0 g 100 300 250 120 re f"
        try withPDF(content) { path in
            #expect(try PDFRasteriser.info(path: path, maxPages: 10).embeddedImages == [0: 300], "structurally it looks like a scan")
            let page = try ScanFile(path: path).page(0)
            #expect(page.width == direct.width && page.height == direct.height)
            #expect(page.pixels != direct.pixels, "rendered by poppler, not taken from the JPEG")
            // What poppler drew is on the page: the black box (PDF y grows upwards).
            if kind == "drawn over" {
                let x = Int(150.0 / 72 * 300), y = Int((Self.pageHeight - 360) / 72 * 300)
                #expect(page[x, y] < 60)
            }
        }
    }

    @Test("Read in order, scanned pages are taken out several at a time; a flipped page among them is still rasterised")
    func severalPages() throws {
        let direct = try ScanFile(path: Self.scan.path).page(0)
        let flipped = String(format: "q %.2f 0 0 %.2f 0 %.2f cm /Im0 Do Q", Self.pageWidth, -Self.pageHeight, Self.pageHeight)
        let contents = [place, flipped, place] + Array(repeating: place, count: ScanFile.pdfWindowPages)
        try withPDF(pages: contents) { path in
            let file = try ScanFile(path: path)
            #expect(file.pageCount == contents.count)
            for index in 0..<file.pageCount {
                let page = try file.page(index)
                #expect(page.width == direct.width && page.height == direct.height, "page \(index + 1)")
                #expect((page.pixels == direct.pixels) == (index != 1), "page \(index + 1): the JPEG's own pixels unless flipped")
            }
            // Asked for again or out of order, a page is the same.
            #expect(try file.page(2).pixels == direct.pixels)
            #expect(try file.page(2).pixels == direct.pixels)
            #expect(try file.page(1).pixels != direct.pixels)
        }
    }

    @Test("pdftoppm's pages written one after another are split into their images")
    func pgmSequence() {
        func pgm(_ w: Int, _ h: Int, _ v: UInt8) -> Data { Data("P5\n\(w) \(h)\n255\n".utf8) + Data(repeating: v, count: w * h) }
        let images = GrayImage.pgmSequence(pgm(3, 2, 7) + pgm(1, 4, 9) + pgm(2, 2, 0))
        #expect(images?.map(\.width) == [3, 1, 2])
        #expect(images?.map(\.height) == [2, 4, 2])
        #expect(images?[1].pixels == [9, 9, 9, 9])
        #expect(GrayImage.pgmSequence(pgm(3, 2, 7) + Data("P5\n3 2\n255\n".utf8)) == nil, "a truncated last page")
    }

    @Test("pdfimages -list rows are parsed")
    func parseList() {
        let text = """
        page   num  type   width height color comp bpc  enc interp  object ID x-ppi y-ppi size ratio
        --------------------------------------------------------------------------------------------
           1     0 image    2480  3508  gray    1   8  jpeg   no         1  0   300   300  353K 4.2%
           2     1 smask     100   100  gray    1   8  image  no         5  0    72    72  1K 1%
        """
        let rows = PDFEmbeddedImages.parseList(text)
        #expect(rows.count == 2)
        #expect(rows[0] == .init(page: 1, type: "image", width: 2480, height: 3508, color: "gray", bitsPerComponent: 8, encoding: "jpeg", xPPI: 300, yPPI: 300))
        #expect(rows[1].type == "smask")
    }
}

/// A PDF around a JPEG (DCTDecode image XObject): one page per content stream, each drawing
/// the same image its own way.
enum TestPDF {
    static func onePage(jpeg: Data, imageWidth: Int, imageHeight: Int, pageWidth: Double, pageHeight: Double, content: String) -> Data {
        pages(jpeg: jpeg, imageWidth: imageWidth, imageHeight: imageHeight, pageWidth: pageWidth, pageHeight: pageHeight, contents: [content])
    }

    static func pages(jpeg: Data, imageWidth: Int, imageHeight: Int, pageWidth: Double, pageHeight: Double, contents: [String]) -> Data {
        var pdf = Data("%PDF-1.4\n".utf8)
        var offsets: [Int] = []
        func object(_ body: Data) {
            offsets.append(pdf.count)
            pdf += Data("\(offsets.count) 0 obj\n".utf8) + body + Data("\nendobj\n".utf8)
        }
        // Objects: 1 catalog, 2 pages, 3 image, then a page and its content stream per page.
        let kids = contents.indices.map { "\(4 + 2 * $0) 0 R" }.joined(separator: " ")
        object(Data("<< /Type /Catalog /Pages 2 0 R >>".utf8))
        object(Data("<< /Type /Pages /Kids [\(kids)] /Count \(contents.count) >>".utf8))
        object(Data("<< /Type /XObject /Subtype /Image /Width \(imageWidth) /Height \(imageHeight) /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length \(jpeg.count) >>\nstream\n".utf8) + jpeg + Data("\nendstream".utf8))
        for (i, content) in contents.enumerated() {
            object(Data(String(format: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << /Im0 3 0 R >> >> /Contents %d 0 R >>", pageWidth, pageHeight, 5 + 2 * i).utf8))
            let stream = Data(content.utf8)
            object(Data("<< /Length \(stream.count) >>\nstream\n".utf8) + stream + Data("\nendstream".utf8))
        }
        let xref = pdf.count
        var table = "xref\n0 \(offsets.count + 1)\n0000000000 65535 f \n"
        for o in offsets { table += String(format: "%010d 00000 n \n", o) }
        table += "trailer\n<< /Size \(offsets.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return pdf + Data(table.utf8)
    }
}
