import Foundation

/// Ink pixels that belong to long straight runs (printed rules), in an upright page.
struct RuleMask {
    let width: Int
    let height: Int
    /// (x, y) of rule pixels.
    let points: [(Int, Int)]

    /// Rule pixels per row, resampled by `scale` (output index = row × scale).
    func rowProfile(scale: Double, length: Int) -> [Double] {
        var out = [Double](repeating: 0, count: max(1, length))
        for p in points {
            let i = Int((Double(p.1) * scale).rounded())
            if i >= 0, i < out.count { out[i] += 1 }
        }
        return out
    }

    func columnProfile(scale: Double, length: Int) -> [Double] {
        var out = [Double](repeating: 0, count: max(1, length))
        for p in points {
            let i = Int((Double(p.0) * scale).rounded())
            if i >= 0, i < out.count { out[i] += 1 }
        }
        return out
    }
}

extension GrayImage {
    /// Box-filtered copy, `factor` times smaller.
    func downscaledForRegistration(by factor: Int) -> GrayImage {
        guard factor > 1 else { return self }
        let w = width / factor, h = height / factor
        var out = GrayImage(width: w, height: h, fill: 255, dpi: dpi / Double(factor))
        let area = factor * factor
        var sums = [Int](repeating: 0, count: w)
        pixels.withUnsafeBufferPointer { src in
            out.pixels.withUnsafeMutableBufferPointer { dst in
                sums.withUnsafeMutableBufferPointer { sums in
                    for y in 0..<h {
                        for x in 0..<w { sums[x] = 0 }
                        for dy in 0..<factor {
                            var i = (y * factor + dy) * width
                            for x in 0..<w {
                                var sum = 0
                                for dx in 0..<factor { sum += Int(src[i + dx]) }
                                sums[x] += sum
                                i += factor
                            }
                        }
                        for x in 0..<w { dst[y * w + x] = UInt8(sums[x] / area) }
                    }
                }
            }
        }
        return out
    }

    /// Dark threshold halfway between paper and ink.
    func inkThreshold() -> UInt8 {
        var histogram = [Int](repeating: 0, count: 256)
        for p in pixels { histogram[Int(p)] += 1 }
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
    func skewAngle(maxDegrees: Double = 4) -> Double {
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
        var bins = [Int](repeating: 0, count: height * 2 + 8)
        let offset = Double(height / 2 + 4) + cy
        func sharpness(_ a: Double, stride step: Int) -> Double {
            let s = sin(a), c = cos(a)
            for i in bins.indices { bins[i] = 0 }
            var total = 0.0
            xs.withUnsafeBufferPointer { xs in
                ys.withUnsafeBufferPointer { ys in
                    bins.withUnsafeMutableBufferPointer { bins in
                        var i = 0
                        while i < xs.count {
                            // y of the point after rotating the page by -a about the centre
                            // Int(v + 0.5) rounds every v that lands in a bin (v > -0.5), without libm.
                            let v = -xs[i] * s + ys[i] * c + offset
                            if v > -0.5, case let b = Int(v + 0.5), b < bins.count { bins[b] += 1 }
                            i += step
                        }
                        for v in bins { total += Double(v * v) }
                    }
                }
            }
            return total
        }
        let step = max(1, xs.count / Self.skewSampleLimit)
        var best = 0.0, bestScore = sharpness(0, stride: step)
        let limit = maxDegrees * .pi / 180
        var a = -limit
        while a <= limit {
            let v = sharpness(a, stride: step)
            if v > bestScore { best = a; bestScore = v }
            a += 0.1 * .pi / 180
        }
        let coarse = best
        best = coarse
        bestScore = sharpness(coarse, stride: 1)
        a = coarse - 0.1 * .pi / 180
        while a <= coarse + 0.1 * .pi / 180 {
            let v = sharpness(a, stride: 1)
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
        let threshold = inkThreshold()
        var points: [(Int, Int)] = []
        for y in 0..<height {
            var x = 0
            while x < width {
                guard pixels[y * width + x] < threshold else { x += 1; continue }
                var end = x
                while end < width, pixels[y * width + end] < threshold { end += 1 }
                if end - x >= minimumRun { for xx in x..<end { points.append((xx, y)) } }
                x = end
            }
        }
        for x in 0..<width {
            var y = 0
            while y < height {
                guard pixels[y * width + x] < threshold else { y += 1; continue }
                var end = y
                while end < height, pixels[end * width + x] < threshold { end += 1 }
                if end - y >= minimumRun { for yy in y..<end { points.append((x, yy)) } }
                y = end
            }
        }
        return RuleMask(width: width, height: height, points: points)
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
