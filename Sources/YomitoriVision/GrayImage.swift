/// An 8-bit greyscale raster: 0 is black ink, 255 is white paper.
///
/// Every stage after decoding works on this one type, so registration, zone cleaning and
/// checkbox decisions need no C library and can be tested with images built in memory.
public struct GrayImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// Row-major pixels, `width * height` bytes, no padding.
    public var pixels: [UInt8]
    /// Resolution the page was scanned at, in dots per inch (0 when unknown).
    public var dpi: Double

    public init(width: Int, height: Int, pixels: [UInt8], dpi: Double = 0) {
        precondition(width >= 0 && height >= 0 && pixels.count == width * height, "pixel count must be width*height")
        self.width = width
        self.height = height
        self.pixels = pixels
        self.dpi = dpi
    }

    /// A blank (white by default) image.
    public init(width: Int, height: Int, fill: UInt8 = 255, dpi: Double = 0) {
        self.init(width: width, height: height, pixels: [UInt8](repeating: fill, count: width * height), dpi: dpi)
    }

    @inlinable
    public subscript(x: Int, y: Int) -> UInt8 {
        get { pixels[y * width + x] }
        set { pixels[y * width + x] = newValue }
    }

    /// The pixel at (x, y), or white outside the image.
    @inlinable
    public func pixel(x: Int, y: Int) -> UInt8 {
        guard x >= 0, y >= 0, x < width, y < height else { return 255 }
        return pixels[y * width + x]
    }

    /// A copy of the part of the image inside `rect`, clipped to the image (white where outside).
    public func cropped(to rect: PixelRect) -> GrayImage {
        let w = max(0, rect.width), h = max(0, rect.height)
        var out = GrayImage(width: w, height: h, fill: 255, dpi: dpi)
        let x0 = max(0, rect.x), y0 = max(0, rect.y)
        let x1 = min(width, rect.x + w), y1 = min(height, rect.y + h)
        guard x0 < x1, y0 < y1 else { return out }
        pixels.withUnsafeBufferPointer { source in
            out.pixels.withUnsafeMutableBufferPointer { target in
                for y in y0..<y1 {
                    (target.baseAddress! + (y - rect.y) * w + (x0 - rect.x))
                        .update(from: source.baseAddress! + y * width + x0, count: x1 - x0)
                }
            }
        }
        return out
    }
}

/// An axis-aligned rectangle in whole pixels.
public struct PixelRect: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    /// The rectangle grown by `dx`, `dy` on every side (shrunk when negative).
    public func insetBy(dx: Int, dy: Int) -> PixelRect {
        PixelRect(x: x + dx, y: y + dy, width: width - 2 * dx, height: height - 2 * dy)
    }

    public func intersection(_ other: PixelRect) -> PixelRect {
        let nx = max(x, other.x), ny = max(y, other.y)
        let mx = min(maxX, other.maxX), my = min(maxY, other.maxY)
        return PixelRect(x: nx, y: ny, width: max(0, mx - nx), height: max(0, my - ny))
    }

    public var description: String { "\(width)x\(height)+\(x)+\(y)" }
}
