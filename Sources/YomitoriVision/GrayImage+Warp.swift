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
        let a = transform.a, b = transform.b, c = transform.c, d = transform.d
        let tx = transform.tx, ty = transform.ty
        let source = WarpSource(width: width, lastX: Double(width - 1), lastY: Double(height - 1))
        let step = SIMD2(a, c)
        GrayImage.byteValues.withUnsafeBufferPointer { value in
            pixels.withUnsafeBufferPointer { pixels in
                out.pixels.withUnsafeMutableBufferPointer { destination in
                    let src = pixels.baseAddress!, value = value.baseAddress!
                    for oy in 0..<outHeight {
                        let fy = Double(oy) + 0.5
                        // (sx, sy): the source position, advanced by (a, c) per output pixel.
                        var position = SIMD2(a * 0.5 + b * fy + tx - 0.5, c * 0.5 + d * fy + ty - 0.5)
                        let row = destination.baseAddress! + oy * outWidth
                        // Pixels whose four taps surely lie inside the source go through the loop
                        // without bounds tests; those near and beyond the edges through the tested
                        // one. Both advance (sx, sy) one pixel at a time, so every pixel sees the
                        // same position, whichever loop it falls in.
                        let inner = source.interior(start: position, step: step, count: outWidth)
                        let innerEnd = inner.lowerBound + (inner.count & ~1)
                        Self.warpTested(row, 0..<inner.lowerBound, &position, step, source, src, value)
                        Self.warpInterior(row, inner.lowerBound..<innerEnd, &position, step, source.width, src, value)
                        Self.warpTested(row, innerEnd..<outWidth, &position, step, source, src, value)
                    }
                }
            }
        }
        return out
    }

    /// The source of a warp: its row length and the largest positions that still have four taps.
    struct WarpSource {
        var width: Int
        var lastX: Double
        var lastY: Double

        /// Output pixels `k` of a row (starting at `start`, advancing by `step`) whose position
        /// lies inside [0, lastX) × [0, lastY) with room to spare: far enough from the edges that
        /// the rounding of the running sum (at most a few ulps a step) cannot take it outside,
        /// with one more pixel given up at each end for the rounding of this estimate itself.
        func interior(start: SIMD2<Double>, step: SIMD2<Double>, count: Int) -> Range<Int> {
            let n = Double(count)
            let magnitude = max(lastX, lastY) + abs(start.x) + abs(start.y) + n * (abs(step.x) + abs(step.y))
            let margin = (n + 2) * magnitude.ulp * 4
            var lower = 0.0, upper = n - 1
            // Narrows [lower, upper] to the k with margin ≤ p + k·s ≤ last − margin.
            func narrow(_ p: Double, _ s: Double, _ last: Double) -> Bool {
                let low = margin, high = last - margin
                guard low < high else { return false }
                if s == 0 { return p >= low && p <= high }
                let k1 = (low - p) / s, k2 = (high - p) / s
                lower = max(lower, min(k1, k2))
                upper = min(upper, max(k1, k2))
                return true
            }
            guard narrow(start.x, step.x, lastX), narrow(start.y, step.y, lastY),
                  lower.isFinite, upper.isFinite, lower + 2 < upper else { return 0..<0 }
            // One pixel given up at each end: from = ⌈lower⌉ + 1, and ⌊upper⌋ itself left out.
            let from = Int(lower.rounded(.up)) + 1, to = Int(upper.rounded(.down))
            return from < to ? from..<to : 0..<0
        }
    }

    /// One pixel pair's bilinear value, the taps given as offsets into the source.
    @inline(__always)
    private static func bilinear(
        _ p: UnsafePointer<UInt8>, _ q: UnsafePointer<UInt8>, _ w: Int,
        _ fx: SIMD2<Double>, _ fy: SIMD2<Double>, _ value: UnsafePointer<Double>
    ) -> SIMD2<Int> {
        let p00 = SIMD2(value[Int(p[0])], value[Int(q[0])])
        let p01 = SIMD2(value[Int(p[1])], value[Int(q[1])])
        let p10 = SIMD2(value[Int(p[w])], value[Int(q[w])])
        let p11 = SIMD2(value[Int(p[w &+ 1])], value[Int(q[w &+ 1])])
        let top = p00 * (1 - fx) + p01 * fx
        let bottom = p10 * (1 - fx) + p11 * fx
        return floorAndFraction(top * (1 - fy) + bottom * fy + 0.5).0
    }

    /// Pixels `range` of a row, each tested against the source's edges (white stays where a
    /// tap would fall outside). Two at a time, one in each SIMD lane, each lane with exactly
    /// the single-pixel arithmetic; a lone last pixel goes with its second lane switched off.
    @inline(__always)
    private static func warpTested(
        _ row: UnsafeMutablePointer<UInt8>, _ range: Range<Int>, _ position: inout SIMD2<Double>, _ step: SIMD2<Double>,
        _ source: WarpSource, _ src: UnsafePointer<UInt8>, _ value: UnsafePointer<Double>
    ) {
        let zero = SIMD2<Double>(repeating: 0)
        let lastXs = SIMD2(repeating: source.lastX), lastYs = SIMD2(repeating: source.lastY)
        let w = source.width
        var ox = range.lowerBound
        while ox < range.upperBound {
            let pair = ox + 1 < range.upperBound
            let first = position
            position += step
            let second = position
            if pair { position += step }
            let xs = SIMD2(first.x, second.x), ys = SIMD2(first.y, second.y)
            var inside = (xs .>= zero) .& (ys .>= zero) .& (xs .< lastXs) .& (ys .< lastYs)
            inside[1] = inside[1] && pair
            if any(inside) {
                let (tapX, fx) = floorAndFraction(xs)
                let (tapY, fy) = floorAndFraction(ys)
                // Lanes outside the source read pixel 0 and are not stored.
                let i0 = inside[0] ? tapY[0] &* w &+ tapX[0] : 0
                let i1 = inside[1] ? tapY[1] &* w &+ tapX[1] : 0
                let v = bilinear(src + i0, src + i1, w, fx, fy, value)
                if inside[0] { row[ox] = UInt8(truncatingIfNeeded: v[0]) }
                if inside[1] { row[ox &+ 1] = UInt8(truncatingIfNeeded: v[1]) }
            }
            ox += 2
        }
    }

    /// Pixels `range` of a row (an even count) that ``WarpSource/interior(start:step:count:)``
    /// found inside: the same arithmetic as ``warpTested``, without the tests.
    @inline(__always)
    private static func warpInterior(
        _ row: UnsafeMutablePointer<UInt8>, _ range: Range<Int>, _ position: inout SIMD2<Double>, _ step: SIMD2<Double>,
        _ w: Int, _ src: UnsafePointer<UInt8>, _ value: UnsafePointer<Double>
    ) {
        var ox = range.lowerBound
        while ox < range.upperBound {
            let first = position
            position += step
            let second = position
            position += step
            let (tapX, fx) = floorAndFraction(SIMD2(first.x, second.x))
            let (tapY, fy) = floorAndFraction(SIMD2(first.y, second.y))
            let v = bilinear(src + (tapY[0] &* w &+ tapX[0]), src + (tapY[1] &* w &+ tapX[1]), w, fx, fy, value)
            row[ox] = UInt8(truncatingIfNeeded: v[0])
            row[ox &+ 1] = UInt8(truncatingIfNeeded: v[1])
            ox += 2
        }
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
        var sx = a * 0.5 + b * 0.5 + tx - 0.5
        for ox in 0..<outWidth {
            if sx >= 0, sx < lastX {
                let x0 = floorOfSmallNonNegative(sx)
                let fx = sx - Double(x0)
                columnTap[ox] = x0
                columnRight[ox] = fx
            }
            sx += a
        }
        // The columns with taps, when they form one run (they do whenever a > 0).
        let firstInside = columnTap.firstIndex { $0 >= 0 }, lastInside = columnTap.lastIndex { $0 >= 0 }
        var columnsInside: Range<Int>?
        if let firstInside, let lastInside, columnTap[firstInside...lastInside].allSatisfy({ $0 >= 0 }) {
            columnsInside = firstInside..<(lastInside + 1)
        }
        GrayImage.byteValues.withUnsafeBufferPointer { value in
            pixels.withUnsafeBufferPointer { source in
                out.pixels.withUnsafeMutableBufferPointer { destination in
                    columnTap.withUnsafeBufferPointer { taps in
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
                                // Two columns at a time through the general loop's pair
                                // arithmetic, where the columns with taps form one run; the
                                // rest one at a time.
                                var ox = 0
                                if let run = columnsInside {
                                    let downs = SIMD2(repeating: fyy)
                                    let rightRaw = UnsafeRawPointer(rights.baseAddress!)
                                    ox = run.lowerBound
                                    while ox &+ 1 < run.upperBound {
                                        let right = rightRaw.loadUnaligned(fromByteOffset: ox &* 8, as: SIMD2<Double>.self)
                                        let v = Self.bilinear(top + taps[ox], top + taps[ox &+ 1], w, right, downs, value)
                                        row[ox] = UInt8(truncatingIfNeeded: v[0])
                                        row[ox &+ 1] = UInt8(truncatingIfNeeded: v[1])
                                        ox &+= 2
                                    }
                                }
                                while ox < outWidth {
                                    let x0 = taps[ox]
                                    if x0 >= 0 {
                                        let right = rights[ox], left = 1 - right
                                        let upper = value[Int(top[x0])] * left + value[Int(top[x0 &+ 1])] * right
                                        let lower = value[Int(bottom[x0])] * left + value[Int(bottom[x0 &+ 1])] * right
                                        let v = upper * up + lower * fyy + 0.5
                                        row[ox] = UInt8(truncatingIfNeeded: floorOfSmallNonNegative(v))
                                    }
                                    ox &+= 1
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
