import CTesseract
import Foundation
import Testing
@testable import YomitoriOCR
import YomitoriVision

/// The direct JPEG path must give exactly Leptonica's pixels and resolution (colour ones after
/// Leptonica's conversion to grey), and refuse damaged files naming the file.
@Suite("JPEG decoding without Leptonica's copy")
struct JPEGDecoderTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized

    /// The committed degraded sample scans: greyscale JPEGs at 300 and 200 dpi.
    @Test("Sample scans decode exactly as Leptonica decodes them")
    func samples() throws {
        let scans = Self.root.appendingPathComponent("samples/scans")
        let names = try FileManager.default.contentsOfDirectory(atPath: scans.path).filter { $0.hasSuffix(".jpg") }.sorted()
        #expect(names.count >= 6)
        for name in names.prefix(8) {
            let data = try Data(contentsOf: scans.appendingPathComponent(name))
            let fast = try #require(try JPEGDecoder.decode(data), "\(name) takes the direct path")
            let reference = try #require(ScanFile.leptonicaGray(data))
            #expect(fast.width == reference.width && fast.height == reference.height, "\(name)")
            #expect(fast.pixels == reference.pixels, "\(name)")
            #expect(fast.dpi == reference.dpi && fast.dpi > 0, "\(name)")
        }
    }

    @Test("A colour JPEG decodes to exactly Leptonica's pixels after its conversion to grey")
    func colour() throws {
        let path = Self.root.appendingPathComponent("Tests/Fixtures/colour-scan.jpg").path
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let fast = try #require(try JPEGDecoder.decode(data), "colour takes the direct path")
        let reference = try #require(ScanFile.leptonicaGray(data))
        #expect(fast == reference)
        let page = try ScanFile(path: path).page(0)
        #expect(page == reference)
        #expect(page.width == 64 && page.height == 48 && page.dpi == 200)
    }

    /// Colour JPEGs with every grey a weighted sum can give: random colours, 4:2:0 and 4:4:4, made
    /// by Leptonica's own writer.
    @Test("Random colour JPEGs decode exactly as Leptonica decodes and converts them", arguments: [0, 1])
    func colourExact(sampling: Int32) throws {
        let width: Int32 = 97, height: Int32 = 61
        var pix: UnsafeMutablePointer<PIX>? = pixCreate(width, height, 32)
        defer { pixDestroy(&pix) }
        var rng = SystemRandomNumberGenerator()
        for y in 0..<height {
            for x in 0..<width {
                pixSetRGBPixel(pix, x, y, Int32.random(in: 0...255, using: &rng), Int32.random(in: 0...255, using: &rng),
                               Int32.random(in: 0...255, using: &rng))
            }
        }
        pixSetResolution(pix, 300, 300)
        var bytes: UnsafeMutablePointer<UInt8>?
        var size = 0
        pixSetChromaSampling(pix, sampling)
        #expect(pixWriteMemJpeg(&bytes, &size, pix, 90, 0) == 0)
        defer { free(bytes) }
        let data = Data(bytes: try #require(bytes), count: size)
        let fast = try #require(try JPEGDecoder.decode(data))
        let reference = try #require(ScanFile.leptonicaGray(data))
        #expect(fast.pixels == reference.pixels)
        #expect(fast.width == 97 && fast.height == 61 && fast.dpi == reference.dpi)
    }

    @Test("A damaged colour JPEG is refused by the direct path (libjpeg's warnings counted, not printed)")
    func damagedColour() throws {
        let data = try Data(contentsOf: Self.root.appendingPathComponent("Tests/Fixtures/colour-scan.jpg"))
        let cut = data.prefix(data.count * 2 / 3)
        #expect(throws: JPEGDecoder.Failure.self) { _ = try JPEGDecoder.decode(Data(cut)) }
    }

    @Test("A truncated JPEG is refused: the error names the file and says corrupt or truncated",
          arguments: [0.5, 0.9, 0.02])
    func truncated(keep: Double) throws {
        let sample = Self.root.appendingPathComponent("samples/scans/a_juminhyo-degraded-02.jpg")
        let data = try Data(contentsOf: sample)
        let cut = data.prefix(Int(Double(data.count) * keep))
        #expect(throws: JPEGDecoder.Failure.self) { _ = try JPEGDecoder.decode(Data(cut)) }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("yomitori-jpeg-\(UUID().uuidString) 申請.jpg").path
        try Data(cut).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            _ = try ScanFile(path: path).page(0)
        } throws: { error in
            let text = "\(error)"
            return (error as? OCRError)?.code == .corrupt && text.contains(path) && text.contains("corrupt or truncated")
        }
    }

    @Test("Bytes that are not a JPEG are not taken by the direct path")
    func notJPEG() throws {
        #expect(try JPEGDecoder.decode(Data()) == nil)
        #expect(try JPEGDecoder.decode(Data("not a jpeg at all".utf8)) == nil)
    }

    @Test("A size over the limit is refused before pixels are allocated")
    func sizeCheck() throws {
        let data = try Data(contentsOf: Self.root.appendingPathComponent("samples/scans/a_juminhyo-degraded-02.jpg"))
        struct TooBig: Error {}
        #expect(throws: TooBig.self) { _ = try JPEGDecoder.decode(data) { w, h in if w * h > 1_000_000 { throw TooBig() } } }
    }
}
