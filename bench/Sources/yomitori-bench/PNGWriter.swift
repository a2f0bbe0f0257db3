import Foundation
import YomitoriVision

/// Minimal PNG encoder for the naive baseline's zone crops: 8-bit greyscale, zlib "stored"
/// (uncompressed) blocks. Small zones only, so size does not matter; no library needed.
enum PNGWriter {
    static func data(_ image: GrayImage) -> Data {
        var raw = [UInt8]()
        raw.reserveCapacity((image.width + 1) * image.height)
        for y in 0..<image.height {
            raw.append(0)  // filter: none
            raw.append(contentsOf: image.pixels[(y * image.width)..<((y + 1) * image.width)])
        }
        var zlib: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let n = min(65535, raw.count - offset)
            let last: UInt8 = offset + n >= raw.count ? 1 : 0
            zlib.append(last)
            zlib.append(UInt8(n & 0xff)); zlib.append(UInt8(n >> 8))
            zlib.append(UInt8(~n & 0xff)); zlib.append(UInt8((~n >> 8) & 0xff))
            zlib.append(contentsOf: raw[offset..<(offset + n)])
            offset += n
        } while offset < raw.count
        zlib.append(contentsOf: bigEndian(adler32(raw)))

        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header = bigEndian(UInt32(image.width)) + bigEndian(UInt32(image.height))
        header += [8, 0, 0, 0, 0]  // 8 bits, greyscale, deflate, no filter, no interlace
        chunk("IHDR", header, into: &png)
        let ppm = UInt32(((image.dpi > 0 ? image.dpi : 300) / 0.0254).rounded())
        chunk("pHYs", bigEndian(ppm) + bigEndian(ppm) + [1], into: &png)
        chunk("IDAT", zlib, into: &png)
        chunk("IEND", [], into: &png)
        return Data(png)
    }

    private static func chunk(_ type: String, _ body: [UInt8], into out: inout [UInt8]) {
        out += bigEndian(UInt32(body.count))
        let typed = Array(type.utf8) + body
        out += typed
        out += bigEndian(crc32(typed))
    }

    private static func bigEndian(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8((v >> 16) & 0xff), UInt8((v >> 8) & 0xff), UInt8(v & 0xff)]
    }

    private static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        return (b << 16) | a
    }

    private static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for byte in bytes { c = table[Int((c ^ UInt32(byte)) & 0xff)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}
