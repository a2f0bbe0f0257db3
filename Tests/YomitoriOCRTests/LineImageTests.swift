import CLineImages
import CTesseract
import Testing
@testable import YomitoriOCR
import YomitoriVision

/// Tesseract writes every text line it recognises as a PNG in memory and reads it straight back.
/// While a worker recognises, those PNGs are stored rather than deflated (CLineImages); every
/// other PNG written through Leptonica keeps the compression its caller asked for.
@Suite("Tesseract's line images", .serialized)
struct LineImageTests {
    /// Leptonica's PNG of `image` in memory, in bytes.
    static func pngSize(_ image: GrayImage) throws -> Int {
        var pix: UnsafeMutablePointer<PIX>? = try #require(TesseractEngine.leptonicaImage(image))
        defer { pixDestroy(&pix) }
        var bytes: UnsafeMutablePointer<UInt8>?
        var size = 0
        #expect(pixWriteMem(&bytes, &size, pix, Int32(IFF_PNG)) == 0)
        free(bytes)
        return size
    }

    /// A page-like image: white with dark strokes, which deflate shrinks to a small part.
    static let strokes: GrayImage = {
        var image = GrayImage(width: 600, height: 120, fill: 255)
        for y in 40..<80 {
            for x in 20..<580 where (x / 7) % 3 == 0 { image[x, y] = 20 }
        }
        return image
    }()

    @Test("Recognition writes them stored, and reads as before")
    func storedDuringRecognition() throws {
        let engine = try TesseractEngine(languages: "eng")
        let image = try digitsImage()
        let before = TesseractEngine.lineImagesStored
        let rec = engine.recognize(image, mode: .singleLine, whitelist: "0123456789")
        #expect(rec.text == "2024")
        // At least one line image per recognition went through the program's own function.
        #expect(TesseractEngine.lineImagesStored > before)
    }

    @Test("Other PNGs keep their compression; only the recognising thread stores")
    func otherWritersUnchanged() throws {
        let raw = Self.strokes.width * Self.strokes.height
        let compressed = try Self.pngSize(Self.strokes)
        #expect(compressed < raw / 10, "deflated as libpng's default: \(compressed) bytes")

        yomitori_line_images_stored_begin()
        let stored = try Self.pngSize(Self.strokes)
        // Meanwhile another thread writes as its caller asks.
        let elsewhere = onAnotherThread { try? Self.pngSize(Self.strokes) }
        yomitori_line_images_stored_end()

        #expect(stored > raw, "stored blocks hold every byte: \(stored) bytes")
        #expect(elsewhere == compressed)
        #expect(try Self.pngSize(Self.strokes) == compressed)
    }
}
