internal import CTesseract
import YomitoriOCR
import YomitoriVision

/// A colour.
struct RGB {
    var r: UInt8, g: UInt8, b: UInt8
    static let blue = RGB(r: 20, g: 90, b: 230)
    static let green = RGB(r: 0, g: 150, b: 60)
    static let red = RGB(r: 220, g: 30, b: 30)
    static let orange = RGB(r: 235, g: 120, b: 0)
    static let white = RGB(r: 255, g: 255, b: 255)
}

/// An RGB image to draw a preview on; written as PNG through Leptonica.
struct RGBCanvas {
    let width: Int
    let height: Int
    var pixels: [UInt8]

    /// The scan, lightened so that drawings stand out.
    init(background: GrayImage) {
        width = background.width
        height = background.height
        pixels = [UInt8](repeating: 255, count: width * height * 3)
        for i in 0..<(width * height) {
            let v = UInt8(155 + Int(background.pixels[i]) * 100 / 255)
            pixels[3 * i] = v
            pixels[3 * i + 1] = v
            pixels[3 * i + 2] = v
        }
    }

    mutating func blend(x: Int, y: Int, color: RGB, alpha: Double) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let i = 3 * (y * width + x)
        pixels[i] = UInt8(Double(pixels[i]) * (1 - alpha) + Double(color.r) * alpha)
        pixels[i + 1] = UInt8(Double(pixels[i + 1]) * (1 - alpha) + Double(color.g) * alpha)
        pixels[i + 2] = UInt8(Double(pixels[i + 2]) * (1 - alpha) + Double(color.b) * alpha)
    }

    mutating func fill(_ rect: PixelRect, color: RGB, alpha: Double) {
        let r = rect.intersection(PixelRect(x: 0, y: 0, width: width, height: height))
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { blend(x: x, y: y, color: color, alpha: alpha) }
        }
    }

    /// A line of `thickness` px between two points.
    mutating func line(from a: Point, to b: Point, color: RGB, thickness: Int) {
        let steps = Int(max(abs(b.x - a.x), abs(b.y - a.y)).rounded(.up)) + 1
        let half = thickness / 2
        for s in 0...steps {
            let t = Double(s) / Double(steps)
            let x = Int((a.x + (b.x - a.x) * t).rounded()), y = Int((a.y + (b.y - a.y) * t).rounded())
            for dy in -half...half {
                for dx in -half...half { blend(x: x + dx, y: y + dy, color: color, alpha: 1) }
            }
        }
    }

    /// Writes the canvas as a PNG file.
    func writePNG(to path: String) throws {
        guard let pix = pixCreate(Int32(width), Int32(height), 32) else {
            throw OCRError(code: .engineFailed, file: path, message: "cannot allocate the preview image")
        }
        var owned: UnsafeMutablePointer<PIX>? = pix
        defer { pixDestroy(&owned) }
        guard let data = pixGetData(pix) else {
            throw OCRError(code: .engineFailed, file: path, message: "cannot allocate the preview image")
        }
        let wpl = Int(pixGetWpl(pix))
        for y in 0..<height {
            for x in 0..<width {
                let i = 3 * (y * width + x)
                data[y * wpl + x] = UInt32(pixels[i]) << 24 | UInt32(pixels[i + 1]) << 16 | UInt32(pixels[i + 2]) << 8 | 0xFF
            }
        }
        guard pixWrite(path, pix, Int32(IFF_PNG)) == 0 else {
            throw OCRError(code: .unreadable, file: path, message: "cannot write the preview PNG")
        }
    }
}
