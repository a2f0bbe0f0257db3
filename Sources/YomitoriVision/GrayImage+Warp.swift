extension GrayImage {
    /// Resamples the image: output pixel (x, y) takes the source pixel at `transform(x + 0.5, y + 0.5)`
    /// (bilinear), white outside the source.
    ///
    /// The source position advances by `transform.a`, `transform.c` per output pixel, added up
    /// along the row; the loop works on raw pointers so that no check or reload of the transform
    /// sits between the four taps.
    public func warped(by transform: AffineTransform, width outWidth: Int, height outHeight: Int, fill: UInt8 = 255) -> GrayImage {
        var out = GrayImage(width: outWidth, height: outHeight, fill: fill, dpi: dpi)
        guard outWidth > 0, outHeight > 0, width > 1, height > 1 else { return out }
        if transform.b == 0, transform.c == 0 {
            warpAxisAligned(by: transform, into: &out)
            return out
        }
        let w = width, lastX = Double(width - 1), lastY = Double(height - 1)
        let a = transform.a, b = transform.b, c = transform.c, d = transform.d
        let tx = transform.tx, ty = transform.ty
        let step = SIMD2(a, c), zero = SIMD2<Double>(repeating: 0)
        let lastXs = SIMD2(repeating: lastX), lastYs = SIMD2(repeating: lastY)
        GrayImage.byteValues.withUnsafeBufferPointer { value in
            pixels.withUnsafeBufferPointer { source in
                out.pixels.withUnsafeMutableBufferPointer { destination in
                    let src = source.baseAddress!, value = value.baseAddress!
                    for oy in 0..<outHeight {
                        let fy = Double(oy) + 0.5
                        // (sx, sy): the source position, advanced by (a, c) per output pixel.
                        var position = SIMD2(a * 0.5 + b * fy + tx - 0.5, c * 0.5 + d * fy + ty - 0.5)
                        let row = destination.baseAddress! + oy * outWidth
                        var ox = 0
                        // Two output pixels at a time, one in each SIMD lane: (sx, sy) still advances
                        // one pixel at a time, and each lane does exactly the single-pixel arithmetic.
                        // The last pixel of an odd row goes alone, its second lane switched off.
                        while ox < outWidth {
                            let pair = ox + 1 < outWidth
                            let first = position
                            position += step
                            let second = position
                            position += step
                            let xs = SIMD2(first.x, second.x), ys = SIMD2(first.y, second.y)
                            var inside = (xs .>= zero) .& (ys .>= zero) .& (xs .< lastXs) .& (ys .< lastYs)
                            inside[1] = inside[1] && pair
                            if any(inside) {
                                let (tapX, fx) = Self.floorAndFraction(xs)
                                let (tapY, fy) = Self.floorAndFraction(ys)
                                // Lanes outside the source read pixel 0 and are not stored.
                                let i0 = inside[0] ? tapY[0] &* w &+ tapX[0] : 0
                                let i1 = inside[1] ? tapY[1] &* w &+ tapX[1] : 0
                                let p = src + i0, q = src + i1
                                let p00 = SIMD2(value[Int(p[0])], value[Int(q[0])])
                                let p01 = SIMD2(value[Int(p[1])], value[Int(q[1])])
                                let p10 = SIMD2(value[Int(p[w])], value[Int(q[w])])
                                let p11 = SIMD2(value[Int(p[w &+ 1])], value[Int(q[w &+ 1])])
                                let top = p00 * (1 - fx) + p01 * fx
                                let bottom = p10 * (1 - fx) + p11 * fx
                                let (v, _) = Self.floorAndFraction(top * (1 - fy) + bottom * fy + 0.5)
                                if inside[0] { row[ox] = UInt8(truncatingIfNeeded: v[0]) }
                                if inside[1] { row[ox &+ 1] = UInt8(truncatingIfNeeded: v[1]) }
                            }
                            ox += 2
                        }
                    }
                }
            }
        }
        return out
    }
}

extension GrayImage {
    /// ⌊v⌋ and v − ⌊v⌋ in both lanes, for 0 ≤ v < 2⁵¹ (what ``floorOfSmallNonNegative`` does per
    /// value; a lane outside that range gives a meaningless result the caller does not use).
    @inline(__always)
    static func floorAndFraction(_ v: SIMD2<Double>) -> (SIMD2<Int>, SIMD2<Double>) {
        let shift = SIMD2(repeating: twoToThe52)
        let shifted = v + shift
        let nearest = shifted - shift
        let roundedUp = nearest .> v
        let whole = SIMD2<Int>(truncatingIfNeeded: unsafeBitCast(shifted, to: SIMD2<UInt64>.self) & lowMantissaBits)
            &- SIMD2<Int>(truncatingIfNeeded: unsafeBitCast(roundedUp, to: SIMD2<Int64>.self) & 1)
        let floor = nearest.replacing(with: nearest - 1, where: roundedUp)
        return (whole, v - floor)
    }

    /// ``warped(by:width:height:fill:)`` for a transform without rotation or shear (scaling and
    /// shifting only: resized second reads, zones of a page registered square to the scanner).
    ///
    /// The source column sequence is then the same on every row, and the source row the same
    /// along a row: each column's tap and weight is found once, each row's once, and a pixel is
    /// four table reads and the same products and sums as in the general loop.
    private func warpAxisAligned(by transform: AffineTransform, into out: inout GrayImage) {
        let w = width, outWidth = out.width, outHeight = out.height
        let lastX = Double(width - 1), lastY = Double(height - 1)
        let a = transform.a, b = transform.b, d = transform.d, tx = transform.tx, ty = transform.ty
        // Columns: sx starts where the general loop starts it (b·fy is ±0 on every row) and
        // advances by a; −1 marks a column whose taps fall outside the source.
        var columnTap = [Int](repeating: -1, count: outWidth)
        var columnRight = [Double](repeating: 0, count: outWidth)
        var columnLeft = [Double](repeating: 0, count: outWidth)
        var sx = a * 0.5 + b * 0.5 + tx - 0.5
        for ox in 0..<outWidth {
            if sx >= 0, sx < lastX {
                let x0 = floorOfSmallNonNegative(sx)
                let fx = sx - Double(x0)
                columnTap[ox] = x0
                columnRight[ox] = fx
                columnLeft[ox] = 1 - fx
            }
            sx += a
        }
        GrayImage.byteValues.withUnsafeBufferPointer { value in
            pixels.withUnsafeBufferPointer { source in
                out.pixels.withUnsafeMutableBufferPointer { destination in
                    columnTap.withUnsafeBufferPointer { taps in
                        columnLeft.withUnsafeBufferPointer { lefts in
                            columnRight.withUnsafeBufferPointer { rights in
                                let value = value.baseAddress!
                                for oy in 0..<outHeight {
                                    let fy = Double(oy) + 0.5
                                    let sy = transform.c * 0.5 + d * fy + ty - 0.5
                                    guard sy >= 0, sy < lastY else { continue }
                                    let y0 = floorOfSmallNonNegative(sy)
                                    let fyy = sy - Double(y0), up = 1 - fyy
                                    let top = source.baseAddress! + y0 * w, bottom = top + w
                                    let row = destination.baseAddress! + oy * outWidth
                                    for ox in 0..<outWidth {
                                        let x0 = taps[ox]
                                        guard x0 >= 0 else { continue }
                                        let left = lefts[ox], right = rights[ox]
                                        let upper = value[Int(top[x0])] * left + value[Int(top[x0 &+ 1])] * right
                                        let lower = value[Int(bottom[x0])] * left + value[Int(bottom[x0 &+ 1])] * right
                                        let v = upper * up + lower * fyy + 0.5
                                        row[ox] = UInt8(truncatingIfNeeded: floorOfSmallNonNegative(v))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Double(v) for every byte v: a table read instead of a conversion per tap.
    static let byteValues: [Double] = (0...255).map(Double.init)

    /// The image resampled by `factor` (0.7 shrinks to 70 %), keeping its nominal dpi.
    public func resized(by factor: Double) -> GrayImage {
        let w = max(1, Int((Double(width) * factor).rounded())), h = max(1, Int((Double(height) * factor).rounded()))
        return warped(by: .scale(1 / factor), width: w, height: h)
    }
}

/// ⌊v⌋ for 0 ≤ v < 2⁵¹, without the checks `Int(v)` makes (NaN, infinity, range) on every call.
///
/// Adding 2⁵² leaves v rounded to the nearest integer in the low bits of the mantissa;
/// subtracting 2⁵² again gives that integer exactly, and it is one too large when v was
/// rounded up. The result equals `Int(v)` (truncation is floor for v ≥ 0). Callers check the
/// range first; the per-pixel and per-sample loops of registration and warping use it.
@inline(__always)
func floorOfSmallNonNegative(_ v: Double) -> Int {
    let shifted = v + twoToThe52
    let nearest = Int(truncatingIfNeeded: shifted.bitPattern & lowMantissaBits)
    return shifted - twoToThe52 > v ? nearest - 1 : nearest
}

/// 2⁵², and the mantissa bits below it, for the floors above.
private let twoToThe52 = 4_503_599_627_370_496.0
private let lowMantissaBits: UInt64 = 0x000F_FFFF_FFFF_FFFF
