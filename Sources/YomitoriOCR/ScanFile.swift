internal import CTesseract
import Foundation
public import YomitoriVision

/// A scanned input file: one image, a multi-page TIFF, or a PDF, opened for page-by-page reading.
///
/// Pages are decoded one at a time when asked for, so a 300-page PDF never holds more than one
/// decoded page in memory (and, read in order, the compressed JPEGs of at most ``pdfWindowPages``
/// scanned pages). Problems with the file (empty, truncated, not an image, too large, encrypted)
/// are thrown as ``OCRError`` naming the file.
public final class ScanFile {
    public enum Format: String, Sendable {
        case png, jpeg, tiff, pdf, bmp, pnm, webp, gif, other
    }

    public let path: String
    public let format: Format
    public let pageCount: Int
    public let limits: ScanLimits
    private let data: Data
    /// PDF page sizes in points from `pdfinfo` (empty for other formats).
    private let pdfPageSizes: [(Double, Double)]
    /// PDF pages that are one scanned JPEG each, with its dpi (read without rasterising).
    private let pdfEmbeddedImages: [Int: Double]
    /// The scanned PDF pages taken out of the file together with the last one asked for.
    private var pdfWindow: PDFWindow?
    /// The last scanned PDF page asked for: reading in order takes the next ones out together.
    private var lastPDFPage: Int?

    public init(path: String, limits: ScanLimits = ScanLimits()) throws {
        LeptonicaLog.silence()
        self.path = path
        self.limits = limits
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
            throw OCRError(code: .unreadable, file: path, message: "no such file")
        }
        guard !isDir.boolValue else { throw OCRError(code: .unreadable, file: path, message: "is a directory, not a scan") }
        let size = (try? fm.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        guard size > 0 else { throw OCRError(code: .emptyFile, file: path, message: "the file is empty (0 bytes)") }
        guard size <= limits.maxFileBytes else {
            throw OCRError(code: .tooLarge, file: path, message: "the file is \(size) bytes; the limit is \(limits.maxFileBytes)")
        }
        let bytes: Data
        do {
            bytes = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch {
            throw OCRError(code: .unreadable, file: path, message: "cannot be read (\(ScanFile.reason(error)))")
        }
        self.data = bytes
        let format = ScanFile.detectFormat(bytes)
        self.format = format
        var pdfPageSizes: [(Double, Double)] = []
        var pdfEmbeddedImages: [Int: Double] = [:]
        switch format {
        case .pdf:
            let info = try PDFRasteriser.info(path: path, maxPages: limits.maxPages)
            pageCount = info.pageCount
            pdfPageSizes = info.pageSizes
            pdfEmbeddedImages = info.embeddedImages
        case .tiff:
            pageCount = ScanFile.tiffPageCount(bytes)
            guard pageCount > 0 else { throw OCRError(code: .corrupt, file: path, message: "TIFF file has no readable pages (corrupt or truncated)") }
        case .other:
            throw OCRError(code: .notAnImage, file: path, message: "not an image or PDF (unrecognised content; expected PNG, JPEG, TIFF or PDF)")
        default:
            pageCount = 1
        }
        self.pdfPageSizes = pdfPageSizes
        self.pdfEmbeddedImages = pdfEmbeddedImages
        guard pageCount <= limits.maxPages else {
            throw OCRError(code: .tooManyPages, file: path, message: "has \(pageCount) pages; the limit is \(limits.maxPages) per file (split the file or raise the limit)")
        }
        if format != .pdf && format != .tiff { try checkHeader() }
    }

    /// Decodes page `index` (0-based) as greyscale.
    public func page(_ index: Int) throws -> GrayImage {
        guard index >= 0, index < pageCount else {
            throw OCRError(code: .noSuchPage, file: path, message: "has no page \(index + 1) (it has \(pageCount))")
        }
        switch format {
        case .pdf:
            let size = index < pdfPageSizes.count ? pdfPageSizes[index] : nil
            if let dpi = pdfEmbeddedImages[index], let image = embeddedPage(index, dpi: dpi) { return image }
            let pgm = try PDFRasteriser.rasterise(path: path, page: index, size: size, limits: limits)
            var image = try GrayImage(pgm: pgm).map { image in
                try checkSize(width: image.width, height: image.height)
                return image
            } ?? decode(pgm, label: "page \(index + 1) of the PDF")
            image.dpi = Double(limits.pdfDPI)
            return image
        case .tiff:
            return try decodeTIFFPage(index)
        case .jpeg:
            return try decodeJPEG()
        case .png:
            return try decodePNG()
        default:
            return try decode(data, label: "image")
        }
    }

    // MARK: - Decoding

    private func checkHeader() throws {
        var format: Int32 = 0, w: Int32 = 0, h: Int32 = 0, bps: Int32 = 0, spp: Int32 = 0, cmap: Int32 = 0
        let rc = data.withUnsafeBytes { raw in
            pixReadHeaderMem(raw.bindMemory(to: UInt8.self).baseAddress, raw.count, &format, &w, &h, &bps, &spp, &cmap)
        }
        guard rc == 0 else {
            throw OCRError(code: .corrupt, file: path, message: "\(self.format.rawValue.uppercased()) header cannot be read (corrupt or truncated file)")
        }
        try checkSize(width: Int(w), height: Int(h))
    }

    private func checkSize(width: Int, height: Int) throws {
        guard width > 0, height > 0 else {
            throw OCRError(code: .corrupt, file: path, message: "image has no pixels (\(width)×\(height))")
        }
        if width > limits.maxSide || height > limits.maxSide || width * height > limits.maxPixels {
            throw OCRError(
                code: .tooLarge, file: path,
                message: "image is \(width)×\(height) px; the limit is \(limits.maxSide) px a side and \(limits.maxPixels / 1_000_000) megapixels"
            )
        }
    }

    private func decode(_ bytes: Data, label: String) throws -> GrayImage {
        let pix: UnsafeMutablePointer<PIX>? = bytes.withUnsafeBytes { raw in
            pixReadMem(raw.bindMemory(to: UInt8.self).baseAddress, raw.count)
        }
        guard let pix else {
            throw OCRError(code: .corrupt, file: path, message: "\(label) cannot be decoded (corrupt or truncated \(format.rawValue.uppercased()))")
        }
        return try grayImage(taking: pix)
    }

    /// Greyscale PNGs (what scanners write) through ``PNGDecoder``; any other PNG through Leptonica.
    private func decodePNG() throws -> GrayImage {
        do {
            if let image = try PNGDecoder.decode(data, check: checkSize) { return image }
        } catch let failure as PNGDecoder.Failure {
            throw OCRError(code: .corrupt, file: path, message: "PNG cannot be decoded (corrupt or truncated): \(failure.reason)")
        }
        return try decode(data, label: "image")
    }

    /// A PDF page that is one scanned JPEG, taken out of the file and checked against a 20 dpi
    /// rendering of the page; nil when anything differs (the page is then rasterised).
    ///
    /// When the pages are read in order (this one right after the one before), the JPEGs and
    /// renderings of the run of such pages starting here (at most ``pdfWindowPages``) come from
    /// one `pdfimages` and one `pdftoppm` call: two tool starts per run of pages instead of per
    /// page. A page asked for on its own (the review station's page view) is taken out alone.
    private func embeddedPage(_ index: Int, dpi: Double) -> GrayImage? {
        let inOrder = index > 0 && lastPDFPage == index - 1
        lastPDFPage = index
        if pdfWindow?.pages.contains(index) != true {
            let limit = inOrder ? min(pageCount, index + Self.pdfWindowPages) : index + 1
            var end = index + 1
            while end < limit, pdfEmbeddedImages[end] != nil { end += 1 }
            let pages = index..<end
            pdfWindow = PDFWindow(
                pages: pages,
                jpegs: PDFEmbeddedImages.extractJPEGs(path: path, pages: pages, timeout: limits.pdfPageTimeout),
                previews: PDFRasteriser.previews(path: path, pages: pages, dpi: 20, timeout: limits.pdfPageTimeout)
            )
        }
        guard let jpeg = pdfWindow?.jpegs[index], var image = try? decodeJPEG(jpeg), let preview = pdfWindow?.previews[index],
              PDFEmbeddedImages.matches(image, preview: preview) else { return nil }
        image.dpi = dpi
        return image
    }

    /// Scanned PDF pages taken out together: their JPEG bytes and 20 dpi renderings.
    private struct PDFWindow {
        var pages: Range<Int>
        var jpegs: [Int: Data]
        var previews: [Int: GrayImage]
    }

    /// At most this many scanned PDF pages are taken out of the file together.
    static let pdfWindowPages = 8

    /// Greyscale and colour JPEGs through ``JPEGDecoder``; CMYK and 12-bit ones through Leptonica.
    private func decodeJPEG(_ data: Data? = nil) throws -> GrayImage {
        let data = data ?? self.data
        do {
            if let image = try JPEGDecoder.decode(data, check: checkSize) { return image }
        } catch let failure as JPEGDecoder.Failure {
            throw OCRError(code: .corrupt, file: path, message: "JPEG \(failure.reason)")
        }
        var warnings: Int32 = 0
        let pix: UnsafeMutablePointer<PIX>? = data.withUnsafeBytes { raw in
            pixReadMemJpeg(raw.bindMemory(to: UInt8.self).baseAddress, raw.count, 0, 1, &warnings, 0)
        }
        guard let pix else {
            throw OCRError(code: .corrupt, file: path, message: "JPEG cannot be decoded (corrupt or truncated)")
        }
        if warnings > 0 {
            var p: UnsafeMutablePointer<PIX>? = pix
            pixDestroy(&p)
            throw OCRError(code: .corrupt, file: path, message: "JPEG is corrupt or truncated (the decoder reported damaged data)")
        }
        return try grayImage(taking: pix)
    }

    private func decodeTIFFPage(_ index: Int) throws -> GrayImage {
        let pix: UnsafeMutablePointer<PIX>? = data.withUnsafeBytes { raw in
            pixReadMemTiff(raw.bindMemory(to: UInt8.self).baseAddress, raw.count, Int32(index))
        }
        guard let pix else {
            throw OCRError(code: .corrupt, file: path, message: "page \(index + 1) of the TIFF cannot be decoded (corrupt or truncated)")
        }
        return try grayImage(taking: pix)
    }

    /// Converts to 8-bit grey and copies into a ``GrayImage``; destroys `pix`.
    private func grayImage(taking pix: UnsafeMutablePointer<PIX>) throws -> GrayImage {
        var source: UnsafeMutablePointer<PIX>? = pix
        defer { pixDestroy(&source) }
        try checkSize(width: Int(pixGetWidth(pix)), height: Int(pixGetHeight(pix)))
        guard let image = ScanFile.copyGray(pix) else {
            throw OCRError(code: .corrupt, file: path, message: "image cannot be converted to greyscale")
        }
        return image
    }

    /// Leptonica's decoding of an image file's bytes as 8-bit grey (the tests hold ``PNGDecoder``
    /// to it pixel for pixel).
    static func leptonicaGray(_ bytes: Data) -> GrayImage? {
        var pix: UnsafeMutablePointer<PIX>? = bytes.withUnsafeBytes { raw in
            pixReadMem(raw.bindMemory(to: UInt8.self).baseAddress, raw.count)
        }
        defer { pixDestroy(&pix) }
        return pix.flatMap(copyGray)
    }

    /// `pix` as 8-bit grey, copied into a ``GrayImage`` (`pix` is not destroyed).
    private static func copyGray(_ pix: UnsafeMutablePointer<PIX>) -> GrayImage? {
        let w = Int(pixGetWidth(pix)), h = Int(pixGetHeight(pix))
        let dpi = Double(pixGetXRes(pix))
        var gray: UnsafeMutablePointer<PIX>? = pixGetDepth(pix) == 8 && pixGetColormap(pix) == nil
            ? pixClone(pix)
            : pixConvertTo8(pix, 0)
        defer { pixDestroy(&gray) }
        guard let g = gray, let words = pixGetData(g) else { return nil }
        let wpl = Int(pixGetWpl(g))
        // Not filled first: every row is written in full below.
        var pixels = [UInt8](unsafeUninitializedCapacity: w * h) { _, count in count = w * h }
        // Leptonica stores 8-bit pixels in native 32-bit words, most significant byte first:
        // on a little-endian machine each word's bytes are reversed, four pixels at a time.
        let bytes = UnsafeRawPointer(words).assumingMemoryBound(to: UInt8.self)
        pixels.withUnsafeMutableBufferPointer { out in
            guard let base = out.baseAddress else { return }
            let raw = UnsafeMutableRawPointer(base)
            let whole = w / 4
            for y in 0..<h {
                let line = UnsafeRawPointer(words) + y * wpl * 4
                let row = y * w
                for i in 0..<whole {
                    let word = line.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)
                    raw.storeBytes(of: UInt32(bigEndian: word), toByteOffset: row + i * 4, as: UInt32.self)
                }
                let linePixels = bytes + y * wpl * 4
                for x in (whole * 4)..<w { out[row + x] = linePixels[x ^ 3] }
            }
        }
        return GrayImage(width: w, height: h, pixels: pixels, dpi: dpi > 1 ? dpi : 0)
    }

    // MARK: - Format detection

    static func detectFormat(_ bytes: Data) -> Format {
        let head = [UInt8](bytes.prefix(8))
        if head.starts(with: [0x25, 0x50, 0x44, 0x46]) { return .pdf }  // %PDF
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return .png }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if head.starts(with: [0x49, 0x49, 0x2A, 0x00]) || head.starts(with: [0x4D, 0x4D, 0x00, 0x2A]) { return .tiff }
        if head.starts(with: [0x42, 0x4D]) { return .bmp }
        if head.count >= 2, head[0] == 0x50, (0x31...0x36).contains(head[1]) { return .pnm }
        if head.starts(with: [0x47, 0x49, 0x46, 0x38]) { return .gif }
        if head.starts(with: [0x52, 0x49, 0x46, 0x46]) { return .webp }
        return .other
    }

    static func tiffPageCount(_ bytes: Data) -> Int {
        var copy = bytes
        return copy.withUnsafeMutableBytes { raw -> Int in
            guard let base = raw.baseAddress, let fp = fmemopen(base, raw.count, "rb") else { return 0 }
            defer { fclose(fp) }
            var n: Int32 = 0
            guard tiffGetCount(fp, &n) == 0 else { return 0 }
            return Int(n)
        }
    }

    static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSCocoaErrorDomain, ns.code == NSFileReadNoPermissionError { return "permission denied" }
        return ns.localizedDescription
    }
}
