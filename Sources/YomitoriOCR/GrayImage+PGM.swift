import Foundation
import YomitoriVision

extension GrayImage {
    /// Decodes binary 8-bit PGM (`P5`, maxval 255), as `pdftoppm -gray` writes it, by copying the
    /// pixel bytes: no second decoder pass. Returns nil for any other PNM variant (Leptonica reads
    /// those) and for data too short for the size it declares.
    init?(pgm data: Data) {
        guard let (w, h, start) = Self.pgmHeader(data, at: 0) else { return nil }
        let pixels = [UInt8](data[data.startIndex + start ..< data.startIndex + start + w * h])
        self.init(width: w, height: h, pixels: pixels, dpi: 0)
    }

    /// The pages of several binary PGMs written one after another (`pdftoppm -gray` over a
    /// range of pages to standard output), in order; nil when any of them cannot be read or
    /// bytes are left over.
    static func pgmSequence(_ data: Data) -> [GrayImage]? {
        var images: [GrayImage] = []
        var offset = 0
        while offset < data.count {
            guard let (w, h, start) = pgmHeader(data, at: offset) else { return nil }
            let from = data.startIndex + start
            images.append(GrayImage(width: w, height: h, pixels: [UInt8](data[from ..< from + w * h]), dpi: 0))
            offset = start + w * h
        }
        return images
    }

    /// Width, height and where the pixels start (from the start of `data`) of the binary 8-bit
    /// PGM at `offset`, when `data` holds all of its pixels.
    private static func pgmHeader(_ data: Data, at offset: Int) -> (Int, Int, Int)? {
        data.withUnsafeBytes { raw -> (Int, Int, Int)? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard bytes.count > offset + 2, bytes[offset] == UInt8(ascii: "P"), bytes[offset + 1] == UInt8(ascii: "5") else { return nil }
            var i = offset + 2
            func number() -> Int? {
                // White space and comments before each header number.
                while i < bytes.count {
                    let c = bytes[i]
                    if c == UInt8(ascii: "#") {
                        while i < bytes.count, bytes[i] != 0x0A { i += 1 }
                    } else if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D {
                        i += 1
                    } else {
                        break
                    }
                }
                var value = 0, digits = 0
                while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]), digits < 9 {
                    value = value * 10 + Int(bytes[i] - UInt8(ascii: "0"))
                    i += 1
                    digits += 1
                }
                return digits > 0 ? value : nil
            }
            guard let w = number(), let h = number(), let maxval = number(), maxval == 255,
                  w > 0, h > 0, i < bytes.count else { return nil }
            // Exactly one white-space character separates the header from the pixels.
            let start = i + 1
            guard bytes.count - start >= w * h else { return nil }
            return (w, h, start)
        }
    }
}
