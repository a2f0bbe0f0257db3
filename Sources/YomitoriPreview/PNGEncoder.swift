import CTesseract
public import Foundation
public import YomitoriVision

/// Greyscale images as PNG bytes in memory (through Leptonica), for the review station's page
/// images and zone crops.
public enum PNGEncoder {
    /// The image as PNG.
    /// - Throws: ``PNGEncodingError`` when Leptonica cannot allocate or encode it.
    public static func encode(_ image: GrayImage) throws -> Data {
        guard image.width > 0, image.height > 0, let pix = pixCreate(Int32(image.width), Int32(image.height), 8) else {
            throw PNGEncodingError(message: "cannot allocate a \(image.width)×\(image.height) image")
        }
        var owned: UnsafeMutablePointer<PIX>? = pix
        defer { pixDestroy(&owned) }
        guard let data = pixGetData(pix) else { throw PNGEncodingError(message: "image has no pixel data") }
        let wpl = Int(pixGetWpl(pix))
        image.pixels.withUnsafeBufferPointer { pixels in
            for y in 0..<image.height {
                let row = y * image.width
                for word in 0..<wpl {
                    var value: UInt32 = 0
                    for byte in 0..<4 {
                        let x = word * 4 + byte
                        let gray = x < image.width ? UInt32(pixels[row + x]) : 0
                        value |= gray << UInt32(24 - 8 * byte)
                    }
                    data[y * wpl + word] = value
                }
            }
        }
        var bytes: UnsafeMutablePointer<UInt8>?
        var size = 0
        guard pixWriteMem(&bytes, &size, pix, Int32(IFF_PNG)) == 0, let bytes else {
            throw PNGEncodingError(message: "cannot encode PNG")
        }
        defer { free(bytes) }
        return Data(bytes: bytes, count: size)
    }
}

/// Leptonica could not produce a PNG.
public struct PNGEncodingError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
