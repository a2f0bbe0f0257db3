import CTesseract
import Testing
@testable import YomitoriOCR
import YomitoriVision

/// The engine is handed a Leptonica image built a word at a time. It must be the image
/// `TessBaseAPISetImage` builds from the same bytes (`pixCreate`, then `SET_DATA_BYTE` per
/// pixel): the same words, padding included, and no resolution.
@Suite("Zones handed to Tesseract")
struct LeptonicaImageTests {
    @Test("Word by word equals pixel by pixel, padding zero, every row length modulo 4", arguments: [1, 2, 3, 4, 5, 6, 7, 8, 9, 31, 64])
    func sameWords(width: Int) throws {
        let height = 5
        var image = GrayImage(width: width, height: height, fill: 255)
        for i in image.pixels.indices { image.pixels[i] = UInt8(truncatingIfNeeded: i &* 37 &+ 11) }
        var fast: UnsafeMutablePointer<PIX>? = try #require(TesseractEngine.leptonicaImage(image))
        var plain: UnsafeMutablePointer<PIX>? = try #require(pixCreate(Int32(width), Int32(height), 8))
        defer { pixDestroy(&fast); pixDestroy(&plain) }
        for y in 0..<height {
            for x in 0..<width { pixSetPixel(plain, Int32(x), Int32(y), UInt32(image[x, y])) }
        }
        let wpl = Int(pixGetWpl(plain))
        #expect(Int(pixGetWpl(fast)) == wpl)
        let fastWords = Array(UnsafeBufferPointer(start: pixGetData(fast), count: wpl * height))
        let plainWords = Array(UnsafeBufferPointer(start: pixGetData(plain), count: wpl * height))
        #expect(fastWords == plainWords)
        #expect(pixGetXRes(fast) == 0 && pixGetYRes(fast) == 0 && pixGetSpp(fast) == 1)
    }
}
