import Foundation
import Testing
@testable import YomitoriOCR
import YomitoriVision

/// The fast PNG path must give exactly the pixels Leptonica gives, for every row filter and both
/// bit depths it takes, and refuse damaged files as Leptonica would.
@Suite("PNG decoding without Leptonica")
struct PNGDecoderTests {
    /// The committed sample scans (8-bit grey, written by Pillow with adaptive filters).
    @Test("Sample scans decode exactly as Leptonica decodes them")
    func samples() throws {
        let scans = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../samples/scans").standardized
        let names = try FileManager.default.contentsOfDirectory(atPath: scans.path).filter { $0.hasSuffix(".png") }.sorted()
        #expect(names.count >= 6)
        for name in names.prefix(6) {
            let data = try Data(contentsOf: scans.appendingPathComponent(name))
            let fast = try #require(try PNGDecoder.decode(data), "\(name) takes the fast path")
            let reference = try #require(ScanFile.leptonicaGray(data))
            #expect(fast.width == reference.width && fast.height == reference.height, "\(name)")
            #expect(fast.pixels == reference.pixels, "\(name)")
            #expect(fast.dpi == reference.dpi, "\(name)")
        }
    }

    @Test("Every row filter, 8-bit and 1-bit, odd widths", arguments: [(8, 37), (8, 64), (1, 37), (1, 8), (1, 1)])
    func filters(bitDepth: Int, width: Int) throws {
        let height = 15  // three rows of each filter type 0…4
        let png = TestPNG.make(width: width, height: height, bitDepth: bitDepth, ppm: 11811) { x, y in
            UInt8(truncatingIfNeeded: (x * 37 + y * 91 + (x * y) % 13) * (bitDepth == 1 ? 1 : 7))
        }
        let fast = try #require(try PNGDecoder.decode(png))
        let reference = try #require(ScanFile.leptonicaGray(png))
        #expect(fast.width == width && fast.height == height)
        #expect(fast.pixels == reference.pixels)
        #expect(fast.dpi == 300 && reference.dpi == 300)
        if bitDepth == 1 { #expect(Set(fast.pixels).isSubset(of: [0, 255])) }
    }

    @Test("The branch-free Paeth predictor is the specification's for every triple of bytes")
    func paethPredictor() {
        func specification(_ a: Int, _ b: Int, _ c: Int) -> Int {
            let p = a + b - c
            let pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
            if pa <= pb && pa <= pc { return a }
            return pb <= pc ? b : c
        }
        var mismatches = 0
        for a in 0..<256 {
            for b in 0..<256 {
                for c in 0..<256 where PNGDecoder.paeth(a, b, c) != specification(a, b, c) { mismatches += 1 }
            }
        }
        #expect(mismatches == 0)
    }

    @Test("Colour, 16-bit and interlaced PNGs are left to Leptonica")
    func otherLayouts() throws {
        for (bitDepth, colorType, interlace): (UInt8, UInt8, UInt8) in [(8, 2, 0), (8, 3, 0), (16, 0, 0), (8, 0, 1), (8, 4, 0)] {
            let png = TestPNG.make(width: 4, height: 4, bitDepth: 8, header: (bitDepth, colorType, interlace)) { x, _ in UInt8(x) }
            #expect(try PNGDecoder.decode(png) == nil, "depth \(bitDepth), colour type \(colorType), interlace \(interlace)")
        }
    }

    @Test("Damaged files are refused with a reason", arguments: ["crc", "truncated", "filter", "short"])
    func damaged(kind: String) throws {
        var png = TestPNG.make(width: 40, height: 20, bitDepth: 8) { x, y in UInt8(x * y % 256) }
        switch kind {
        case "crc": png[png.count - 20] ^= 0xFF  // inside the IDAT data: its CRC no longer matches
        case "truncated": png = png.prefix(png.count / 2)
        case "filter": png = TestPNG.make(width: 40, height: 20, bitDepth: 8, filterOverride: 9) { _, _ in 1 }
        default: png = TestPNG.make(width: 40, height: 20, bitDepth: 8, dropLastRow: true) { _, _ in 1 }
        }
        #expect(throws: PNGDecoder.Failure.self) { try PNGDecoder.decode(png) }
    }

    @Test("ScanFile names the file and says corrupt or truncated")
    func scanFileError() throws {
        let png = TestPNG.make(width: 40, height: 20, bitDepth: 8, dropLastRow: true) { _, _ in 1 }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("yomitori-png-\(UUID().uuidString).png").path
        try png.write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try ScanFile(path: path)
        #expect {
            _ = try file.page(0)
        } throws: { error in
            let text = "\(error)"
            return (error as? OCRError)?.code == .corrupt && text.contains(path) && text.contains("corrupt or truncated")
        }
    }

    @Test("A size over the limit is refused before pixels are allocated")
    func sizeCheck() throws {
        let png = TestPNG.make(width: 40, height: 20, bitDepth: 8) { _, _ in 1 }
        struct TooBig: Error {}
        #expect(throws: TooBig.self) { try PNGDecoder.decode(png) { w, h in if w * h > 100 { throw TooBig() } } }
    }
}

/// A PNG writer for the tests: each row's filter is chosen by its index (0…4 in turn), the zlib
/// stream is stored (uncompressed) blocks, every chunk carries its CRC.
enum TestPNG {
    static func make(
        width: Int, height: Int, bitDepth: Int, ppm: UInt32? = nil, filterOverride: UInt8? = nil, dropLastRow: Bool = false,
        header: (bitDepth: UInt8, colorType: UInt8, interlace: UInt8)? = nil, pixel: (Int, Int) -> UInt8
    ) -> Data {
        let rowBytes = (width * bitDepth + 7) / 8
        var rows: [[UInt8]] = []
        for y in 0..<height {
            var row = [UInt8](repeating: 0, count: rowBytes)
            for x in 0..<width {
                let v = pixel(x, y)
                if bitDepth == 8 {
                    row[x] = v
                } else if v & 1 == 1 {
                    row[x / 8] |= 0x80 >> UInt8(x % 8)
                }
            }
            rows.append(row)
        }
        var raw: [UInt8] = []
        for y in 0..<(dropLastRow ? height - 1 : height) {
            let type = filterOverride ?? UInt8(y % 5)
            let cur = rows[y], up = y > 0 ? rows[y - 1] : [UInt8](repeating: 0, count: rowBytes)
            raw.append(type)
            for x in 0..<rowBytes {
                let a = x > 0 ? Int(cur[x - 1]) : 0, b = Int(up[x]), c = x > 0 ? Int(up[x - 1]) : 0
                let predictor: Int
                switch type {
                case 1: predictor = a
                case 2: predictor = b
                case 3: predictor = (a + b) / 2
                case 4:
                    let p = a + b - c
                    let pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    predictor = pa <= pb && pa <= pc ? a : (pb <= pc ? b : c)
                default: predictor = 0
                }
                raw.append(cur[x] &- UInt8(truncatingIfNeeded: predictor))
            }
        }
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var ihdr = be(UInt32(width)) + be(UInt32(height))
        ihdr += header.map { [$0.bitDepth, $0.colorType, 0, 0, $0.interlace] } ?? [UInt8(bitDepth), 0, 0, 0, 0]
        png += chunk("IHDR", ihdr)
        if let ppm { png += chunk("pHYs", be(ppm) + be(ppm) + [1]) }
        png += chunk("IDAT", zlibStored(raw))
        png += chunk("IEND", [])
        return png
    }

    static func be(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }

    static func chunk(_ type: String, _ data: [UInt8]) -> Data {
        let body = Array(type.utf8) + data
        return Data(be(UInt32(data.count)) + body + be(crc32(body)))
    }

    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var at = 0
        repeat {
            let n = min(65535, data.count - at)
            let last: UInt8 = at + n == data.count ? 1 : 0
            out += [last, UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8((~n >> 8) & 0xFF)]
            out += data[at..<at + n]
            at += n
        } while at < data.count
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        return out + be(b << 16 | a)
    }

    static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
