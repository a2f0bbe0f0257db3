import Foundation

/// Copies of scans whose bytes differ (a PNG `tEXt` chunk or a JPEG comment with a serial number),
/// so that a job's duplicate detection (same SHA-256) does not skip them. Pixels are unchanged.
enum UniqueCopies {
    /// Writes `count` copies of `sources` (PNG and JPEG only, used in turn) into `folder`.
    static func write(count: Int, from sources: [String], into folder: String) throws -> Int {
        let images = sources.filter { ["png", "jpg", "jpeg"].contains(($0 as NSString).pathExtension.lowercased()) }
        guard !images.isEmpty else { throw BenchError("no PNG or JPEG scans to copy into the backlog inbox") }
        let contents = try images.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        for i in 0..<count {
            let k = i % images.count
            let ext = (images[k] as NSString).pathExtension.lowercased()
            let tag = Array("yomitori-bench \(i)".utf8)
            let bytes = ext == "png" ? png(contents[k], tag: tag) : jpeg(contents[k], tag: tag)
            let name = String(format: "backlog-%05d.%@", i, ext)
            guard FileManager.default.createFile(atPath: folder + "/" + name, contents: bytes) else {
                throw BenchError("cannot write \(folder)/\(name)")
            }
        }
        return count
    }

    /// A `tEXt` chunk inserted before IEND (the last 12 bytes).
    private static func png(_ data: Data, tag: [UInt8]) -> Data {
        let body = Array("Comment".utf8) + [0] + tag
        var chunk = [UInt8]()
        let n = UInt32(body.count)
        chunk += [UInt8(n >> 24), UInt8((n >> 16) & 0xff), UInt8((n >> 8) & 0xff), UInt8(n & 0xff)]
        let typed = Array("tEXt".utf8) + body
        chunk += typed
        let crc = crc32(typed)
        chunk += [UInt8(crc >> 24), UInt8((crc >> 16) & 0xff), UInt8((crc >> 8) & 0xff), UInt8(crc & 0xff)]
        var out = data
        out.insert(contentsOf: chunk, at: data.count - 12)
        return out
    }

    /// A COM segment right after SOI.
    private static func jpeg(_ data: Data, tag: [UInt8]) -> Data {
        let length = tag.count + 2
        var out = data
        out.insert(contentsOf: [0xFF, 0xFE, UInt8(length >> 8), UInt8(length & 0xff)] + tag, at: 2)
        return out
    }

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            c ^= UInt32(byte)
            for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        }
        return c ^ 0xFFFF_FFFF
    }
}
