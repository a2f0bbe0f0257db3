internal import CDeflate
import Foundation
import YomitoriVision

/// Decodes the PNG scans scanners and capture tools write — 8-bit or 1-bit greyscale, not
/// interlaced — straight into a ``GrayImage``: the compressed data is inflated in one call by
/// libdeflate and unfiltered where it lies; for 8-bit images that buffer becomes the page.
///
/// Through Leptonica the same page costs three times as much: zlib's streaming inflate, libpng's row
/// buffers, a `PIX`, and a copy out of it. Any other kind of PNG (colour, palette, 16-bit,
/// interlaced) returns `nil` here and is decoded by Leptonica, as before.
enum PNGDecoder {
    struct Failure: Error, Equatable {
        let reason: String
    }

    /// What the header (IHDR) says.
    struct Header: Equatable {
        var width: Int
        var height: Int
        var bitDepth: Int
        var colorType: Int
        var interlaced: Bool

        /// The layouts decoded here; others go to Leptonica.
        var isFastPath: Bool { colorType == 0 && (bitDepth == 8 || bitDepth == 1) && !interlaced }
        /// Bytes per filtered row, without the filter-type byte.
        var rowBytes: Int { (width * bitDepth + 7) / 8 }
    }

    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The decoded page, or `nil` for a PNG layout this decoder leaves to Leptonica.
    /// `check` sees the size before any pixel memory is allocated (and may throw to refuse it).
    /// Throws ``Failure`` for a damaged file: bad signature, chunk CRC, truncated or corrupt data.
    static func decode(_ data: Data, check: (Int, Int) throws -> Void = { _, _ in }) throws -> GrayImage? {
        try data.withUnsafeBytes { raw -> GrayImage? in
            let bytes = raw.bindMemory(to: UInt8.self)
            return try decode(bytes, check: check)
        }
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, check: (Int, Int) throws -> Void) throws -> GrayImage? {
        guard bytes.count >= 8, Array(bytes[0..<8]) == signature else { throw Failure(reason: "not a PNG signature") }
        var header: Header?
        var dpi = 0.0
        var idat: [(offset: Int, length: Int)] = []
        var compressedBytes = 0
        var offset = 8
        var sawEnd = false
        while offset + 8 <= bytes.count {
            let length = Int(readUInt32(bytes, offset))
            let typeStart = offset + 4
            let dataStart = offset + 8
            guard length <= Int(Int32.max), dataStart + length + 4 <= bytes.count else {
                throw Failure(reason: "chunk at byte \(offset) runs past the end of the file (truncated)")
            }
            let type = String(decoding: UnsafeBufferPointer(rebasing: bytes[typeStart..<typeStart + 4]), as: UTF8.self)
            let critical = bytes[typeStart] & 0x20 == 0
            if critical {
                let stored = readUInt32(bytes, dataStart + length)
                let computed = UInt32(libdeflate_crc32(0, bytes.baseAddress! + typeStart, length + 4))
                guard stored == computed else { throw Failure(reason: "\(type) chunk fails its CRC check (corrupt file)") }
            }
            switch type {
            case "IHDR":
                guard length == 13 else { throw Failure(reason: "IHDR chunk has the wrong length") }
                let h = Header(
                    width: Int(readUInt32(bytes, dataStart)), height: Int(readUInt32(bytes, dataStart + 4)),
                    bitDepth: Int(bytes[dataStart + 8]), colorType: Int(bytes[dataStart + 9]),
                    interlaced: bytes[dataStart + 12] != 0
                )
                guard h.width > 0, h.height > 0 else { throw Failure(reason: "image has no pixels (\(h.width)×\(h.height))") }
                guard h.isFastPath else { return nil }
                try check(h.width, h.height)
                header = h
            case "pHYs" where length == 9 && bytes[dataStart + 8] == 1:
                // Pixels per metre, as Leptonica converts them.
                dpi = (Double(readUInt32(bytes, dataStart)) / 39.37).rounded()
            case "IDAT":
                guard header != nil else { throw Failure(reason: "image data before the header") }
                idat.append((dataStart, length))
                compressedBytes += length
            case "IEND":
                sawEnd = true
            default:
                break
            }
            if sawEnd { break }
            offset = dataStart + length + 4
        }
        guard let header else { throw Failure(reason: "no IHDR header chunk") }
        guard !idat.isEmpty else { throw Failure(reason: "no image data (truncated)") }

        let stride = header.rowBytes + 1
        let (expected, overflow) = stride.multipliedReportingOverflow(by: header.height)
        guard !overflow else { throw Failure(reason: "image is too large") }
        // The zlib stream, contiguous (most files hold it in several IDAT chunks).
        var compressed = [UInt8](repeating: 0, count: compressedBytes)
        compressed.withUnsafeMutableBufferPointer { out in
            var at = 0
            for chunk in idat {
                UnsafeMutableRawPointer(out.baseAddress! + at).copyMemory(from: bytes.baseAddress! + chunk.offset, byteCount: chunk.length)
                at += chunk.length
            }
        }
        // Not zeroed first: libdeflate writes every byte, or the result is refused below.
        var filtered = [UInt8](unsafeUninitializedCapacity: expected) { _, count in count = expected }
        var produced = 0
        let result = compressed.withUnsafeBytes { input in
            filtered.withUnsafeMutableBytes { output in
                guard let inflater = libdeflate_alloc_decompressor() else { return LIBDEFLATE_INSUFFICIENT_SPACE }
                defer { libdeflate_free_decompressor(inflater) }
                return libdeflate_zlib_decompress(inflater, input.baseAddress, input.count, output.baseAddress, output.count, &produced)
            }
        }
        switch result {
        case LIBDEFLATE_SUCCESS where produced == expected:
            break
        case LIBDEFLATE_SUCCESS, LIBDEFLATE_SHORT_OUTPUT:
            throw Failure(reason: "image data ends early: \(produced) of \(expected) bytes (truncated)")
        case LIBDEFLATE_INSUFFICIENT_SPACE:
            throw Failure(reason: "image data is longer than the header says (corrupt)")
        default:
            throw Failure(reason: "image data cannot be inflated (corrupt or truncated)")
        }
        try unfilterInPlace(&filtered, header: header)
        let w = header.width, h = header.height
        let dpiOrZero = dpi > 1 ? dpi : 0
        if header.bitDepth == 8 {
            // The filter-type bytes squeezed out: the inflated buffer becomes the page, with no
            // second page-sized buffer to allocate, zero and fill.
            filtered.withUnsafeMutableBufferPointer { all in
                let base = all.baseAddress!
                for y in 0..<h { memmove(base + y * w, base + y * stride + 1, w) }  // overlapping, moving down
            }
            filtered.removeLast(h)
            return GrayImage(width: w, height: h, pixels: filtered, dpi: dpiOrZero)
        }
        // 1 bit: each bit expanded to 0 / 255.
        var pixels = [UInt8](unsafeUninitializedCapacity: w * h) { _, count in count = w * h }
        filtered.withUnsafeBufferPointer { src in
            pixels.withUnsafeMutableBufferPointer { page in
                for y in 0..<h {
                    let bits = src.baseAddress! + y * stride + 1, row = page.baseAddress! + y * w
                    for x in 0..<w { row[x] = (bits[x >> 3] >> (7 - UInt8(x & 7))) & 1 == 0 ? 0 : 255 }
                }
            }
        }
        return GrayImage(width: w, height: h, pixels: pixels, dpi: dpiOrZero)
    }

    /// Undoes each row's filter (PNG spec 9.2) where it lies: a row's previous row is the one
    /// above it in the same buffer. The filter-type byte at the start of each row stays.
    static func unfilterInPlace(_ buffer: inout [UInt8], header: Header) throws {
        let rowBytes = header.rowBytes, stride = rowBytes + 1, h = header.height
        precondition(buffer.count == stride * h)
        let zeroRow = [UInt8](repeating: 0, count: rowBytes)
        var badFilter: UInt8?
        buffer.withUnsafeMutableBufferPointer { all in
            zeroRow.withUnsafeBufferPointer { zero in
                let base = all.baseAddress!
                for y in 0..<h {
                    let row = base + y * stride
                    let prev = y == 0 ? zero.baseAddress! : UnsafePointer(row - stride + 1)
                    // raw and out are the same bytes: each byte is read before it is written.
                    guard unfilterRow(type: row[0], raw: UnsafePointer(row + 1), previous: prev, out: row + 1, count: rowBytes) else {
                        badFilter = row[0]
                        return
                    }
                }
            }
        }
        if let badFilter { throw Failure(reason: "unknown row filter type \(badFilter) (corrupt file)") }
    }

    /// One row, one byte per filter unit (greyscale, so the "left" byte is the previous byte).
    @inline(__always)
    private static func unfilterRow(
        type: UInt8, raw: UnsafePointer<UInt8>, previous up: UnsafePointer<UInt8>, out: UnsafeMutablePointer<UInt8>, count: Int
    ) -> Bool {
        switch type {
        case 0:
            out.update(from: raw, count: count)
        case 1:
            var left: UInt8 = 0
            for x in 0..<count {
                left = raw[x] &+ left
                out[x] = left
            }
        case 2:
            // Sixteen bytes at a time (the byte sums do not depend on each other), the rest one by one.
            let from = UnsafeRawPointer(raw), above = UnsafeRawPointer(up), to = UnsafeMutableRawPointer(out)
            var x = 0
            while x &+ 16 <= count {
                let sum = from.loadUnaligned(fromByteOffset: x, as: SIMD16<UInt8>.self)
                    &+ above.loadUnaligned(fromByteOffset: x, as: SIMD16<UInt8>.self)
                to.storeBytes(of: sum, toByteOffset: x, as: SIMD16<UInt8>.self)
                x &+= 16
            }
            while x < count {
                out[x] = raw[x] &+ up[x]
                x &+= 1
            }
        case 3:
            var left: UInt8 = 0
            for x in 0..<count {
                left = raw[x] &+ UInt8((UInt16(left) + UInt16(up[x])) >> 1)
                out[x] = left
            }
        case 4:
            var left = 0, upLeft = 0
            for x in 0..<count {
                let above = Int(up[x])
                let value = raw[x] &+ UInt8(truncatingIfNeeded: paeth(left, above, upLeft))
                out[x] = value
                left = Int(value)
                upLeft = above
            }
        default:
            return false
        }
        return true
    }

    /// The Paeth predictor of `left`, `above` and `upLeft` (bytes), in the branch-free form of
    /// stb_image: with t = 3·upLeft − left − above, the predictor is the larger of left and
    /// above when t ≤ the smaller, else the smaller when the larger ≤ t, else upLeft. Equal to
    /// the PNG specification's formulation for every triple of bytes (PNGDecoderTests checks all
    /// 2²⁴), with a short chain of selects from one byte to the next instead of branches.
    @inline(__always)
    static func paeth(_ left: Int, _ above: Int, _ upLeft: Int) -> Int {
        let threshold = upLeft &* 3 &- (left &+ above)
        let low = left < above ? left : above, high = left < above ? above : left
        let middle = high <= threshold ? low : upLeft
        return threshold <= low ? high : middle
    }

    private static func readUInt32(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt32 {
        UInt32(bytes[at]) << 24 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 8 | UInt32(bytes[at + 3])
    }
}
