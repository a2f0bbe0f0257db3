extension GrayImage {
    /// Resamples the image: output pixel (x, y) takes the source pixel at `transform(x + 0.5, y + 0.5)`
    /// (bilinear), white outside the source.
    public func warped(by transform: AffineTransform, width outWidth: Int, height outHeight: Int, fill: UInt8 = 255) -> GrayImage {
        var out = GrayImage(width: outWidth, height: outHeight, fill: fill, dpi: dpi)
        let w = width, h = height
        pixels.withUnsafeBufferPointer { src in
            out.pixels.withUnsafeMutableBufferPointer { dst in
                for oy in 0..<outHeight {
                    let fy = Double(oy) + 0.5
                    var sx = transform.a * 0.5 + transform.b * fy + transform.tx - 0.5
                    var sy = transform.c * 0.5 + transform.d * fy + transform.ty - 0.5
                    for ox in 0..<outWidth {
                        // For sx, sy ≥ 0 truncation is floor (no libm call per pixel); a negative
                        // coordinate is outside the source either way.
                        if sx >= 0, sy >= 0, case let x0 = Int(sx), case let y0 = Int(sy), x0 + 1 < w, y0 + 1 < h {
                            let fx = sx - Double(x0), fyy = sy - Double(y0)
                            let i = y0 * w + x0
                            let top = Double(src[i]) * (1 - fx) + Double(src[i + 1]) * fx
                            let bottom = Double(src[i + w]) * (1 - fx) + Double(src[i + w + 1]) * fx
                            dst[oy * outWidth + ox] = UInt8(top * (1 - fyy) + bottom * fyy + 0.5)
                        }
                        sx += transform.a
                        sy += transform.c
                    }
                }
            }
        }
        return out
    }
}

extension GrayImage {
    /// The image resampled by `factor` (0.7 shrinks to 70 %), keeping its nominal dpi.
    public func resized(by factor: Double) -> GrayImage {
        let w = max(1, Int((Double(width) * factor).rounded())), h = max(1, Int((Double(height) * factor).rounded()))
        return warped(by: .scale(1 / factor), width: w, height: h)
    }
}
