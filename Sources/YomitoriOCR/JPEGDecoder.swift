internal import CJPEG
import Foundation
import YomitoriVision

/// JPEG scans, decoded by libjpeg straight into the page's buffer: greyscale ones as they are,
/// colour ones (YCbCr or RGB) turned grey row by row.
///
/// Leptonica decodes the same way (libjpeg, default settings) but copies every byte into its own
/// image, which yomitori then copies out again: about 100 M instructions a 300 dpi A4 page. The
/// pixels are the same (the tests compare them with Leptonica's, colour ones after its
/// conversion to grey). Through Leptonica, libjpeg's own warnings about a damaged file went to
/// stderr without the file's name; here they are counted and the page is refused naming it.
/// CMYK and 12-bit JPEGs are left to Leptonica.
enum JPEGDecoder {
    /// A JPEG libjpeg refused or found damaged.
    struct Failure: Error {
        var reason: String
    }

    /// The page, or nil when the file is not an 8-bit greyscale or three-component colour JPEG (or
    /// its header cannot be read): the caller then decodes it through Leptonica, which gives its
    /// own error.
    /// `check` sees the size before the pixels are allocated.
    /// - Throws: ``Failure`` when the data is damaged or truncated.
    static func decode(_ data: Data, check: (Int, Int) throws -> Void = { _, _ in }) throws -> GrayImage? {
        try data.withUnsafeBytes { raw -> GrayImage? in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self), raw.count > 0 else { return nil }
            var header = yomitori_jpeg_header()
            var message = [CChar](repeating: 0, count: 256)
            guard yomitori_jpeg_read_header(base, raw.count, &header, &message, message.count) == 0,
                  header.isGray == 1 || header.isColour == 1, header.width > 0, header.height > 0 else { return nil }
            let width = Int(header.width), height = Int(header.height)
            try check(width, height)
            var warnings: Int32 = 0
            var status: Int32 = 0
            // Not filled first: libjpeg writes every row, or the page is thrown away.
            let pixels = [UInt8](unsafeUninitializedCapacity: width * height) { buffer, count in
                if header.isGray == 1 {
                    status = yomitori_jpeg_decode_gray(base, raw.count, buffer.baseAddress, width * height, &warnings, &message, message.count)
                } else {
                    var row = [UInt8](repeating: 0, count: 3 * width)
                    status = yomitori_jpeg_decode_colour_to_gray(
                        base, raw.count, buffer.baseAddress, width * height, &row, row.count, &warnings, &message, message.count)
                }
                count = width * height
            }
            guard status == 0 else {
                throw Failure(reason: "cannot be decoded (corrupt or truncated): \(String(cString: message))")
            }
            guard warnings == 0 else {
                throw Failure(reason: "is corrupt or truncated (the decoder reported damaged data)")
            }
            return GrayImage(width: width, height: height, pixels: pixels, dpi: header.dpi > 1 ? Double(header.dpi) : 0)
        }
    }
}
