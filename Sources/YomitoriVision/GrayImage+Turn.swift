extension GrayImage {
    /// The image turned clockwise by `degrees` (0, 90, 180 or 270; anything else is taken modulo
    /// 360 and rounded down to a quarter turn): an upside-down or sideways page made upright.
    /// Pixels are moved, not resampled, so a turned image is exactly the scan.
    public func turned(clockwise degrees: Int) -> GrayImage {
        let quarter = ((degrees % 360 + 360) % 360) / 90
        guard quarter != 0, width > 0, height > 0 else { return self }
        let w = width, h = height
        let outWidth = quarter == 2 ? w : h, outHeight = quarter == 2 ? h : w
        var out = GrayImage(width: outWidth, height: outHeight, fill: 255, dpi: dpi)
        pixels.withUnsafeBufferPointer { source in
            out.pixels.withUnsafeMutableBufferPointer { target in
                let src = source.baseAddress!, dst = target.baseAddress!
                switch quarter {
                case 2:
                    // (x, y) → (w−1−x, h−1−y): the whole buffer reversed.
                    let n = w * h
                    for i in 0..<n { dst[n - 1 - i] = src[i] }
                case 1:
                    // Clockwise: source (x, y) → (h−1−y, x); output row x is source column x, bottom up.
                    for y in 0..<h {
                        let row = src + y * w, column = h - 1 - y
                        for x in 0..<w { dst[x * outWidth + column] = row[x] }
                    }
                default:
                    // Anticlockwise (270° clockwise): source (x, y) → (y, w−1−x).
                    for y in 0..<h {
                        let row = src + y * w
                        for x in 0..<w { dst[(w - 1 - x) * outWidth + y] = row[x] }
                    }
                }
            }
        }
        return out
    }
}
