internal import CFreeType
import Foundation

/// Rasterises text (Japanese included) with FreeType and a Japanese font found on the system.
final class GlyphRenderer {
    private var library: FT_Library?
    private var face: FT_Face?
    let pixelSize: Int

    /// Fonts tried in order (Debian packages fonts-ipafont-gothic, fonts-noto-cjk).
    static let candidates = [
        "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf",
        "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf",
        "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    ]

    /// nil when FreeType or no Japanese font is available (previews then show boxes only).
    init?(pixelSize: Int) {
        self.pixelSize = pixelSize
        guard FT_Init_FreeType(&library) == 0, let library else { return nil }
        for path in GlyphRenderer.candidates where FileManager.default.fileExists(atPath: path) {
            if FT_New_Face(library, path, 0, &face) == 0 { break }
        }
        guard let face else {
            FT_Done_FreeType(library)
            return nil
        }
        FT_Set_Pixel_Sizes(face, 0, FT_UInt(pixelSize))
    }

    deinit {
        if let face { FT_Done_Face(face) }
        if let library { FT_Done_FreeType(library) }
    }

    /// Draws `text` with its baseline-left at (x, y); returns the advance width.
    @discardableResult
    func draw(_ text: String, x: Int, y: Int, on canvas: inout RGBCanvas, color: RGB) -> Int {
        guard let face else { return 0 }
        var penX = x
        for scalar in text.unicodeScalars {
            guard FT_Load_Char(face, FT_ULong(scalar.value), FT_Int32(FT_LOAD_RENDER)) == 0,
                  let slot = face.pointee.glyph else { continue }
            let bitmap = slot.pointee.bitmap
            let left = penX + Int(slot.pointee.bitmap_left)
            let top = y - Int(slot.pointee.bitmap_top)
            if let buffer = bitmap.buffer {
                for row in 0..<Int(bitmap.rows) {
                    for col in 0..<Int(bitmap.width) {
                        let alpha = Double(buffer[row * Int(bitmap.pitch) + col]) / 255
                        if alpha > 0 { canvas.blend(x: left + col, y: top + row, color: color, alpha: alpha) }
                    }
                }
            }
            penX += Int(slot.pointee.advance.x >> 6)
        }
        return penX - x
    }

    /// Width of `text` in pixels.
    func measure(_ text: String) -> Int {
        guard let face else { return 0 }
        var width = 0
        for scalar in text.unicodeScalars where FT_Load_Char(face, FT_ULong(scalar.value), FT_Int32(FT_LOAD_DEFAULT)) == 0 {
            width += Int((face.pointee.glyph?.pointee.advance.x ?? 0) >> 6)
        }
        return width
    }
}
