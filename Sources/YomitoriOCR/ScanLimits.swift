/// Bounds that keep one bad or huge input from exhausting the machine.
///
/// Defaults fit A3 scans at 600 dpi with room to spare; a 30000×30000 px image is refused
/// before it is decoded.
public struct ScanLimits: Sendable, Equatable {
    /// Largest file read, in bytes.
    public var maxFileBytes: Int = 512 * 1024 * 1024
    /// Largest page, in pixels (width × height).
    public var maxPixels: Int = 120_000_000
    /// Longest side of a page, in pixels.
    public var maxSide: Int = 16_000
    /// Most pages taken from one file (PDF or multi-page TIFF).
    public var maxPages: Int = 500
    /// PDF pages are rasterised at this resolution.
    public var pdfDPI: Int = 300
    /// Seconds allowed to rasterise one PDF page.
    public var pdfPageTimeout: Double = 120

    public init() {}
}
