import Foundation
import FuzzSupport
import Testing
@testable import YomitoriOCR
import YomitoriVision

/// Damaged scans, made by mutating small real ones, are each decoded or refused with an
/// ``OCRError`` naming the file: never a crash, which would stop every other file of the run.
///
/// The mutations are deterministic (a fixed seed per format), so CI runs the same files every
/// time; see ``FuzzSettings`` for a longer search by hand.
@Suite("Decoder fuzzing: damaged PNG, JPEG, TIFF and PDF files")
struct DecoderFuzzTests {
    static let iterations = FuzzSettings.iterations(default: 120)

    /// Limits that keep a header made huge by a mutation from allocating much (the limits
    /// themselves are tested in `ScanFileTests`).
    static var limits: ScanLimits {
        var limits = ScanLimits()
        limits.maxPixels = 16_000_000
        limits.maxSide = 8_000
        limits.maxPages = 20
        limits.pdfPageTimeout = 20
        return limits
    }

    @Test("Damaged files are decoded or refused with an error naming the file", arguments: [
        ("digits.png", 1), ("digits.jpg", 1), ("colour-scan.jpg", 1), ("two-pages.tif", 1), ("two-pages.pdf", 8),
    ])
    func damagedFiles(name: String, share: Int) throws {
        let original = try Data(contentsOf: URL(fileURLWithPath: try #require(
            Bundle.module.path(forResource: "Fixtures/\(name)", ofType: nil))))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yomitori-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var random = SplitMix64(seed: SplitMix64.seed(FuzzSettings.seed, for: name))
        let ext = (name as NSString).pathExtension
        var decoded = 0, refused = 0
        // PDFs go through poppler's tools (a process each): fewer of them.
        for index in 0..<max(1, Self.iterations / share) {
            let mutated = Mutator.mutate(original, format: ext, random: &random)
            let path = dir.appendingPathComponent("case-\(index).\(ext)").path
            try mutated.write(to: URL(fileURLWithPath: path))
            do {
                let file = try ScanFile(path: path, limits: Self.limits)
                for page in 0..<min(file.pageCount, 3) {
                    let image = try file.page(page)
                    #expect(image.width > 0 && image.height > 0 && image.pixels.count == image.width * image.height, "\(path)")
                }
                decoded += 1
            } catch let error as OCRError {
                #expect(error.description.contains(path), "the message names the file: \(error)")
                #expect(!error.description.contains("\n"), "one line: \(error)")
                refused += 1
            } catch {
                Issue.record("case \(index) of \(name): not an OCRError: \(error)")
            }
            try? FileManager.default.removeItem(atPath: path)
        }
        // Both outcomes occur: the mutations reach past the first check.
        #expect(refused > 0)
        #expect(decoded > 0 || ext == "pdf", "\(name): no damaged copy decoded")
    }
}

/// Damage to a scan: the general kinds (``ByteMutation``), and for a PNG — so that the damage
/// gets past its checksums — a chunk changed with its CRC made right again (the header's size,
/// depth and colour type, or the compressed pixels).
enum Mutator {
    static func mutate(_ data: Data, format: String, random: inout SplitMix64) -> Data {
        var bytes = [UInt8](data)
        let kind = random.below(ByteMutation.kinds + (format == "png" ? 2 : 0))
        switch kind - ByteMutation.kinds {
        case 0:  // PNG header fields changed, CRC fixed
            mutateChunk(&bytes, type: "IHDR", random: &random) { data, random in
                let field = random.below(5)
                switch field {
                case 0, 1:  // width or height: small, large or zero
                    let value = [0, 1, 7, 65535, 1 << 24, 0x7FFF_FFFF, random.below(5000)][random.below(7)]
                    let at = field * 4
                    for k in 0..<4 { data[at + k] = UInt8(truncatingIfNeeded: value >> (24 - 8 * k)) }
                case 2: data[8] = [0, 1, 2, 3, 4, 8, 16, 255][random.below(8)]  // bit depth
                case 3: data[9] = [0, 1, 2, 3, 4, 6, 7][random.below(7)]  // colour type
                default: data[12] = UInt8(random.below(3))  // interlace
                }
            }
        case 1:  // compressed pixels changed, CRC fixed
            mutateChunk(&bytes, type: "IDAT", random: &random) { data, random in
                for _ in 0...random.below(6) where !data.isEmpty {
                    data[random.below(data.count)] = UInt8(truncatingIfNeeded: random.next())
                }
            }
        default:
            ByteMutation.apply(kind, to: &bytes, random: &random)
        }
        return Data(bytes)
    }

    /// Applies `change` to the data of the first chunk of `type` and writes its CRC again.
    static func mutateChunk(
        _ bytes: inout [UInt8], type: String, random: inout SplitMix64, _ change: (inout [UInt8], inout SplitMix64) -> Void
    ) {
        var offset = 8
        while offset + 12 <= bytes.count {
            let length = Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            guard offset + 12 + length <= bytes.count else { return }
            if String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self) == type {
                var data = Array(bytes[(offset + 8)..<(offset + 8 + length)])
                change(&data, &random)
                bytes.replaceSubrange((offset + 8)..<(offset + 8 + length), with: data)
                let crc = TestPNG.crc32(Array(bytes[(offset + 4)..<(offset + 8 + length)]))
                for k in 0..<4 { bytes[offset + 8 + length + k] = UInt8(truncatingIfNeeded: crc >> (24 - 8 * UInt32(k))) }
                return
            }
            offset += 12 + length
        }
    }
}
