import Foundation

/// Ink pixels that belong to long straight runs (printed rules), in an upright page.
struct RuleMask {
    let width: Int
    let height: Int
    /// (x, y) of rule pixels: those on horizontal runs first, then those on vertical runs.
    let points: [(Int, Int)]
    /// How many of `points` (the first ones) lie on horizontal runs.
    let horizontalCount: Int

    /// Rule pixels per row, resampled by `scale` (output index = row × scale).
    func rowProfile(scale: Double, length: Int) -> [Int] {
        var out = [Int](repeating: 0, count: max(1, length))
        for p in points {
            let i = Int((Double(p.1) * scale).rounded())
            if i >= 0, i < out.count { out[i] += 1 }
        }
        return out
    }

    func columnProfile(scale: Double, length: Int) -> [Int] {
        var out = [Int](repeating: 0, count: max(1, length))
        for p in points {
            let i = Int((Double(p.0) * scale).rounded())
            if i >= 0, i < out.count { out[i] += 1 }
        }
        return out
    }
}

extension GrayImage {
    /// Box-filtered copy, `factor` times smaller: each output pixel is the truncated mean of a
    /// `factor` × `factor` block.
    ///
    /// The rows of a block are summed first into one row of column sums (a contiguous loop the
    /// compiler vectorises), then each group of `factor` column sums is added and divided through
    /// a table; the integer result is the same as summing the block pixel by pixel.
    func downscaledForRegistration(by factor: Int) -> GrayImage {
        guard factor > 1 else { return self }
        let w = width / factor, h = height / factor
        var out = GrayImage(width: w, height: h, fill: 255, dpi: dpi / Double(factor))
        guard w > 0, h > 0 else { return out }
        let area = factor * factor
        // A column sum of `factor` pixels fits in UInt16 up to factor 257; a block sum in UInt32.
        precondition(factor <= 257, "downscale factor \(factor) is too large")
        let quotient = (0...(area * 255)).map { UInt8($0 / area) }
        let span = w * factor
        var columns = [UInt16](repeating: 0, count: span)
        pixels.withUnsafeBufferPointer { src in
            out.pixels.withUnsafeMutableBufferPointer { dst in
                columns.withUnsafeMutableBufferPointer { columns in
                    quotient.withUnsafeBufferPointer { quotient in
                        for y in 0..<h {
                            let sums = columns.baseAddress!
                            sums.update(repeating: 0, count: span)
                            for dy in 0..<factor {
                                let row = src.baseAddress! + (y * factor + dy) * width
                                for x in 0..<span { sums[x] &+= UInt16(row[x]) }
                            }
                            let outRow = y * w
                            switch factor {
                            case 2:
                                for x in 0..<w {
                                    let i = 2 &* x
                                    dst[outRow &+ x] = quotient[Int(sums[i]) &+ Int(sums[i &+ 1])]
                                }
                            case 3:
                                for x in 0..<w {
                                    let i = 3 &* x
                                    dst[outRow &+ x] = quotient[Int(sums[i]) &+ Int(sums[i &+ 1]) &+ Int(sums[i &+ 2])]
                                }
                            default:
                                for x in 0..<w {
                                    var sum = 0
                                    for dx in 0..<factor { sum += Int(sums[x * factor + dx]) }
                                    dst[outRow + x] = quotient[sum]
                                }
                            }
                        }
                    }
                }
            }
        }
        return out
    }

    /// Dark threshold halfway between paper and ink.
    func inkThreshold() -> UInt8 {
        let histogram = histogram()
        var acc = 0, paper = 255
        let target = pixels.count / 2
        for v in 0..<256 {
            acc += histogram[v]
            if acc > target { paper = v; break }
        }
        return UInt8(max(40, min(200, paper - 70)))
    }

    /// Skew (radians, positive = clockwise on screen) that best aligns dark pixels into rows.
    ///
    /// The coarse search (0.1° steps over ±`maxDegrees`) scores a regular sample of the dark
    /// pixels, at most ``skewSampleLimit``; the fine search (0.01° steps within ±0.1° of the
    /// coarse angle) scores all of them, so the angle found is as precise as with every pixel.
    func skewAngle(maxDegrees: Double = ContentRegistration.usualSkewDegrees) -> Double {
        let threshold = inkThreshold()
        var xs: [Double] = [], ys: [Double] = []
        let cx = Double(width) / 2, cy = Double(height) / 2
        pixels.withUnsafeBufferPointer { px in
            for y in 0..<height {
                for x in 0..<width where px[y * width + x] < threshold {
                    xs.append(Double(x) - cx)
                    ys.append(Double(y) - cy)
                }
            }
        }
        guard xs.count > 100 else { return 0 }
        let binCount = height * 2 + 8
        let limitOfBins = Double(binCount)
        // Two histograms, one per SIMD lane: neighbouring dark pixels fall in the same bin, and
        // with one histogram each count would wait for the previous one to be stored. A bin's
        // count is the sum of its two halves.
        var bins = [Int32](repeating: 0, count: 2 * binCount)
        let offset = Double(height / 2 + 4) + cy
        func sharpness(_ a: Double, xs: [Double], ys: [Double]) -> Double {
            let s = sin(a), c = cos(a)
            var total = 0.0
            xs.withUnsafeBufferPointer { xs in
                ys.withUnsafeBufferPointer { ys in
                    bins.withUnsafeMutableBufferPointer { bins in
                        let histogram = bins.baseAddress!, second = histogram + binCount
                        histogram.update(repeating: 0, count: 2 * binCount)
                        // y of each point after rotating the page by -a about the centre; bin
                        // round(v) for every v that lands in a bin (v > -0.5). Two points per step,
                        // one per SIMD lane, with the same arithmetic as one at a time.
                        let s2 = SIMD2(repeating: s), c2 = SIMD2(repeating: c), offset2 = SIMD2(repeating: offset)
                        let half = SIMD2<Double>(repeating: 0.5), limit2 = SIMD2(repeating: limitOfBins)
                        let px = UnsafeRawPointer(xs.baseAddress!), py = UnsafeRawPointer(ys.baseAddress!)
                        var i = 0
                        while i < xs.count {
                            // A lone last point takes lane 0; lane 1 is switched off.
                            let pair = i + 1 < xs.count
                            let x = pair ? px.loadUnaligned(fromByteOffset: i &* 8, as: SIMD2<Double>.self) : SIMD2(xs[i], 0)
                            let y = pair ? py.loadUnaligned(fromByteOffset: i &* 8, as: SIMD2<Double>.self) : SIMD2(ys[i], 0)
                            let v = -x * s2 + y * c2 + offset2
                            let u = v + half
                            let inBins = (v .> -half) .& (u .< limit2)
                            let (bin, _) = GrayImage.floorAndFraction(u)
                            if inBins[0] { histogram[bin[0]] &+= 1 }
                            if pair, inBins[1] { second[bin[1]] &+= 1 }
                            i += 2
                        }
                        for b in 0..<binCount {
                            let v = Int(histogram[b]) + Int(second[b])
                            total += Double(v * v)
                        }
                    }
                }
            }
            return total
        }
        // The coarse search scores every step-th dark pixel (copied out, same order).
        let step = max(1, xs.count / Self.skewSampleLimit)
        let sampleXs = step == 1 ? xs : stride(from: 0, to: xs.count, by: step).map { xs[$0] }
        let sampleYs = step == 1 ? ys : stride(from: 0, to: ys.count, by: step).map { ys[$0] }
        var best = 0.0, bestScore = sharpness(0, xs: sampleXs, ys: sampleYs)
        let limit = maxDegrees * .pi / 180
        var a = -limit
        while a <= limit {
            let v = sharpness(a, xs: sampleXs, ys: sampleYs)
            if v > bestScore { best = a; bestScore = v }
            a += 0.1 * .pi / 180
        }
        let coarse = best
        best = coarse
        bestScore = sharpness(coarse, xs: xs, ys: ys)
        a = coarse - 0.1 * .pi / 180
        while a <= coarse + 0.1 * .pi / 180 {
            let v = sharpness(a, xs: xs, ys: ys)
            if v > bestScore { best = a; bestScore = v }
            a += 0.01 * .pi / 180
        }
        return best
    }

    /// Dark pixels scored per angle in the coarse skew search.
    static var skewSampleLimit: Int { 20_000 }

    /// The image rotated by `radians` about its centre (same size).
    func rotatedAboutCentre(_ radians: Double) -> GrayImage {
        let centre = Point(x: Double(width) / 2, y: Double(height) / 2)
        // warped() maps output → source: rotate the output back by the same angle.
        return warped(by: .rotation(-radians, about: centre), width: width, height: height)
    }

    /// Pixels on horizontal or vertical ink runs of at least `minimumRun` pixels.
    func ruleMask(minimumRun: Int) -> RuleMask {
        var points: [(Int, Int)] = []
        var horizontalCount = 0
        forEachLongRun(minimumRun: minimumRun, threshold: inkThreshold()) { horizontal, line, span in
            if horizontal {
                for x in span { points.append((x, line)) }
                horizontalCount = points.count
            } else {
                for y in span { points.append((line, y)) }
            }
        }
        return RuleMask(width: width, height: height, points: points, horizontalCount: horizontalCount)
    }

    /// Calls `body` for every run of ink (pixels below `threshold`) at least `minimumRun` pixels
    /// long: along each row first (`horizontal`, `line` = y, `span` = the x range), then along
    /// each column (`line` = x, `span` = the y range).
    func forEachLongRun(minimumRun: Int, threshold: UInt8, _ body: (_ horizontal: Bool, _ line: Int, _ span: Range<Int>) -> Void) {
        let w = width, h = height
        pixels.withUnsafeBufferPointer { pixels in
            for y in 0..<h {
                let row = pixels.baseAddress! + y * w
                var x = 0
                while x < w {
                    guard row[x] < threshold else { x += 1; continue }
                    var end = x
                    while end < w, row[end] < threshold { end += 1 }
                    if end - x >= minimumRun { body(true, y, x..<end) }
                    x = end
                }
            }
            for x in 0..<w {
                let column = pixels.baseAddress! + x
                var y = 0
                while y < h {
                    guard column[y * w] < threshold else { y += 1; continue }
                    var end = y
                    while end < h, column[end * w] < threshold { end += 1 }
                    if end - y >= minimumRun { body(false, x, y..<end) }
                    y = end
                }
            }
        }
    }

    /// Whether there is ink within `radius` px of `p`.
    func hasInk(near p: Point, radius: Int, threshold: UInt8 = 140) -> Bool {
        let x0 = Int(p.x.rounded()), y0 = Int(p.y.rounded())
        for y in (y0 - radius)...(y0 + radius) where y >= 0 && y < height {
            for x in (x0 - radius)...(x0 + radius) where x >= 0 && x < width {
                if pixels[y * width + x] < threshold { return true }
            }
        }
        return false
    }

    /// Chebyshev distance (px) from `p` to the nearest ink, at most `limit`.
    func distanceToInk(from p: Point, limit: Int, threshold: UInt8 = 140) -> Int {
        for r in 0...limit where hasInk(near: p, radius: r, threshold: threshold) { return r }
        return limit
    }
}
