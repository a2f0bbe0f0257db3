import Foundation
import Testing
@testable import YomitoriVision

/// The pixel loops of registration and zone cutting are written for speed (raw pointers, no
/// per-pixel conversion checks, a table division, a bisected summation range). Each must give
/// exactly what the plain formulation gives: Tesseract answers differently to a zone that
/// differs by one grey level, so "nearly the same" would change what is read.
@Suite("Vision kernels: the fast loops give exactly the plain results")
struct KernelTests {
    /// A fixed pseudo-random sequence (SplitMix64), so failures repeat.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Paper: every pixel a random grey in `tones`.
    static func paper(width: Int, height: Int, tones: ClosedRange<Int>, using rng: inout Seeded) -> GrayImage {
        var image = GrayImage(width: width, height: height, fill: 255)
        for i in image.pixels.indices {
            image.pixels[i] = UInt8(tones.lowerBound + Int.random(in: 0...(tones.upperBound - tones.lowerBound), using: &rng))
        }
        return image
    }

    /// A page-like image: white paper with grey noise, dark strokes and a few ruled lines.
    static func pageLike(width: Int, height: Int, seed: UInt64) -> GrayImage {
        var rng = Seeded(state: seed)
        var image = paper(width: width, height: height, tones: 235...255, using: &rng)
        for _ in 0..<(width * height / 40) {
            let x = Int.random(in: 0..<width, using: &rng), y = Int.random(in: 0..<height, using: &rng)
            image.pixels[y * width + x] = UInt8(Int.random(in: 0...120, using: &rng))
        }
        for y in stride(from: 5, to: height, by: max(6, height / 7)) {
            for x in 0..<width { image.pixels[y * width + x] = 20 }
        }
        for x in stride(from: 3, to: width, by: max(6, width / 5)) {
            for y in 0..<height { image.pixels[y * width + x] = 30 }
        }
        return image
    }

    // MARK: - floor

    @Test("floorOfSmallNonNegative is Int(v) for v ≥ 0, at ties and next to integers")
    func floorMatchesTruncation() {
        var values: [Double] = [0, 0.5, 1, 1.5, 2.5, 254.5, 255.49999999999997, 4095.5, 1e6 + 0.5, 2e15 + 0.5]
        for k in [1.0, 2, 3, 100, 255, 256, 1e9] { values += [k.nextDown, k, k.nextUp, k + 0.5, (k + 0.5).nextDown] }
        var rng = Seeded(state: 1)
        for _ in 0..<10_000 { values.append(Double.random(in: 0..<3000, using: &rng)) }
        for v in values { #expect(floorOfSmallNonNegative(v) == Int(v), "v = \(v)") }
    }

    // MARK: - warp

    /// The bilinear warp written plainly: Int conversions, array subscripts, one pixel at a time.
    static func plainWarp(_ image: GrayImage, by t: YomitoriVision.AffineTransform, width outWidth: Int, height outHeight: Int) -> GrayImage {
        var out = GrayImage(width: outWidth, height: outHeight, fill: 255, dpi: image.dpi)
        let w = image.width, h = image.height
        for oy in 0..<outHeight {
            let fy = Double(oy) + 0.5
            var sx = t.a * 0.5 + t.b * fy + t.tx - 0.5
            var sy = t.c * 0.5 + t.d * fy + t.ty - 0.5
            for ox in 0..<outWidth {
                if sx >= 0, sy >= 0, case let x0 = Int(sx), case let y0 = Int(sy), x0 + 1 < w, y0 + 1 < h {
                    let fx = sx - Double(x0), fyy = sy - Double(y0)
                    let i = y0 * w + x0
                    let p00 = Double(image.pixels[i]), p01 = Double(image.pixels[i + 1])
                    let p10 = Double(image.pixels[i + w]), p11 = Double(image.pixels[i + w + 1])
                    let top: Double = p00 * (1 - fx) + p01 * fx
                    let bottom: Double = p10 * (1 - fx) + p11 * fx
                    let value: Double = top * (1 - fyy) + bottom * fyy + 0.5
                    out.pixels[oy * outWidth + ox] = UInt8(value)
                }
                sx += t.a
                sy += t.c
            }
        }
        return out
    }

    @Test("warped(by:) equals the plain bilinear warp: rotations, scales, shifts (the axis-aligned path too), partly outside",
          arguments: [
              (0.0, 1.0, 0.0, 0.0), (0.031, 1.0, 0.0, 0.0), (-0.052, 1.0, 2.5, -3.25),
              (0.0, 0.75, 0.0, 0.0), (0.0, 1.25, 0.0, 0.0), (0.0, 0.93, -5.5, 4.25), (0.0, 1.0, 60.0, -30.0),
              (0.017, 0.0846, 11.3, 7.9), (0.2, 1.1, -40, 25),
              (1e-13, 1.0, 0.3, 0.2), (-0.0005, 1.0, -20.0, 10.0), (0.004, 0.5, 3.7, -1.1), (-0.03, 2.0, 0.0, 0.0),
          ])
    func warpIsExact(angle: Double, scale: Double, dx: Double, dy: Double) {
        let image = Self.pageLike(width: 173, height: 121, seed: 7)
        let centre = Point(x: 86.5, y: 60.5)
        let shift = YomitoriVision.AffineTransform.translation(x: dx, y: dy)
        let rotation = YomitoriVision.AffineTransform.rotation(angle, about: centre)
        let t = shift.concatenating(after: rotation).concatenating(after: YomitoriVision.AffineTransform.scale(scale))
        for (w, h) in [(173, 121), (90, 140), (1, 1), (17, 3), (2, 5), (260, 40), (301, 90)] {
            let fast = image.warped(by: t, width: w, height: h)
            let plain = Self.plainWarp(image, by: t, width: w, height: h)
            #expect(fast == plain, "\(w)×\(h)")
        }
    }

    // MARK: - downscale

    @Test("downscaledForRegistration is the truncated block mean", arguments: [2, 3, 4, 5, 7])
    func downscaleIsBlockMean(factor: Int) {
        let image = Self.pageLike(width: 103, height: 61, seed: UInt64(factor))
        let small = image.downscaledForRegistration(by: factor)
        #expect(small.width == 103 / factor && small.height == 61 / factor)
        for y in 0..<small.height {
            for x in 0..<small.width {
                var sum = 0
                for dy in 0..<factor { for dx in 0..<factor { sum += Int(image[x * factor + dx, y * factor + dy]) } }
                #expect(Int(small[x, y]) == sum / (factor * factor), "(\(x), \(y))")
            }
        }
    }

    // MARK: - profile fit

    /// The correlation search written term by term (a bounds test per reference index), in
    /// floating point, as it was first written.
    static func plainBestFit(reference: [Double], scan: [Double], nominal: Double) -> ContentRegistration.AxisFit? {
        let refIndices = reference.indices.filter { reference[$0] > 0 }
        guard refIndices.count > 3, scan.contains(where: { $0 > 0 }) else { return nil }
        let refNorm = sqrt(refIndices.reduce(0) { $0 + reference[$1] * reference[$1] })
        func score(_ s: Double, _ t: Double) -> Double {
            var dot = 0.0, norm = 0.0
            for i in refIndices {
                let x = t + s * Double(i)
                guard x > -0.5 else { continue }
                let j = Int(x + 0.5)
                guard j < scan.count else { continue }
                dot += reference[i] * scan[j]
                norm += scan[j] * scan[j]
            }
            return norm > 0 ? dot / (refNorm * sqrt(norm)) : 0
        }
        var best: ContentRegistration.AxisFit?
        let span = Double(scan.count)
        var s = nominal * 0.95
        while s <= nominal * 1.05 {
            var t = -0.15 * span
            while t <= 0.15 * span {
                let c = score(s, t)
                if best == nil || c > best!.correlation { best = .init(scale: s, offset: t, correlation: c) }
                t += 2
            }
            s += nominal * 0.005
        }
        guard var fit = best else { return nil }
        for (ds, dt) in [(nominal * 0.001, 0.25), (nominal * 0.0002, 0.05)] {
            let base = fit
            for k in -6...6 {
                for m in -10...10 {
                    let s2 = base.scale + Double(k) * ds, t2 = base.offset + Double(m) * dt
                    let c = score(s2, t2)
                    if c > fit.correlation { fit = .init(scale: s2, offset: t2, correlation: c) }
                }
            }
        }
        return fit
    }

    /// Rule pixels per row (counts, as the registration's profiles are), and a scan's profile
    /// showing them scaled by `scale` and shifted by 17 px, with `noise` specks.
    static func profiles(scale: Double, scanLength: Int, noise: Int) -> (reference: [Int], scan: [Int]) {
        var rng = Seeded(state: UInt64(scale * 1000))
        var reference = [Int](repeating: 0, count: 300)
        for _ in 0..<25 { reference[Int.random(in: 0..<300, using: &rng)] = Int.random(in: 20...900, using: &rng) }
        var scan = [Int](repeating: 0, count: scanLength)
        for (i, v) in reference.enumerated() where v > 0 {
            let j = Int((17 + scale * Double(i)).rounded())
            if j < scan.count { scan[j] += v }
        }
        for _ in 0..<noise { scan[Int.random(in: 0..<scanLength, using: &rng)] += Int.random(in: 0...15, using: &rng) }
        return (reference, scan)
    }

    @Test("bestFit finds the scale and shift, bit for bit as the term-by-term search", arguments: [1.0, 0.98, 1.03])
    func bestFitIsExact(scale: Double) throws {
        let (reference, scan) = Self.profiles(scale: scale, scanLength: 330, noise: 10)
        let fast = try #require(ContentRegistration.bestFit(reference: reference, scan: scan, nominal: 1))
        let plain = try #require(Self.plainBestFit(reference: reference.map(Double.init), scan: scan.map(Double.init), nominal: 1))
        #expect(fast.scale == plain.scale && fast.offset == plain.offset && fast.correlation == plain.correlation)
        #expect(abs(fast.offset - 17) < 1.5 && abs(fast.scale - scale) < 0.005)
    }

    /// A page printed smaller or larger than the form ("fit to page"): the usual ±5 % band's best
    /// fit lies at its edge, so the band beyond is searched too and the true scale found.
    @Test("bestFit finds a scale beyond the usual ±5 % band", arguments: [0.92, 0.935, 1.07])
    func bestFitBeyondTheUsualBand(scale: Double) throws {
        #expect(abs(scale - 1) > ContentRegistration.usualScaleRange && abs(scale - 1) < ContentRegistration.widestScaleRange)
        let (reference, scan) = Self.profiles(scale: scale, scanLength: 340, noise: 0)
        let fit = try #require(ContentRegistration.bestFit(reference: reference, scan: scan, nominal: 1))
        #expect(abs(fit.offset - 17) < 1.5 && abs(fit.scale - scale) < 0.005, "\(fit)")
        #expect(fit.correlation > 0.95)
    }

    @Test("hasDarkRun finds exactly the rows a plain scan finds")
    func darkRunIsExact() {
        var rng = Seeded(state: 42)
        for _ in 0..<200 {
            let w = Int.random(in: 1...90, using: &rng), h = Int.random(in: 1...6, using: &rng)
            var image = GrayImage(width: w, height: h, fill: 255)
            for i in image.pixels.indices where Int.random(in: 0..<4, using: &rng) > 0 {
                image.pixels[i] = Int.random(in: 0..<4, using: &rng) == 0 ? 255 : UInt8.random(in: 0...200, using: &rng)
            }
            let x0 = Int.random(in: 0...w, using: &rng), x1 = Int.random(in: x0...w, using: &rng)
            let length = Int.random(in: 1...20, using: &rng)
            var plain = false
            for y in 0..<h {
                var run = 0
                for x in x0..<x1 {
                    run = image[x, y] < 128 ? run + 1 : 0
                    if run >= length { plain = true }
                }
            }
            #expect(image.hasDarkRun(atLeast: length, rows: 0..<h, columns: x0..<x1) == plain)
        }
    }

    // MARK: - skew, rules, components

    @Test("skewAngle recovers a known rotation of ruled lines", arguments: [-2.0, -0.7, 0.0, 1.25, 1.3, 2.2, 3.1])
    func skewRecovered(degrees: Double) {
        // Lines 760 px long resolve about 1/760 rad (0.08°): the fine search cannot do better.
        var page = GrayImage(width: 800, height: 300, fill: 255)
        for y in stride(from: 40, to: 260, by: 20) {
            for x in 20..<780 { page[x, y] = 0; page[x, y + 1] = 0 }
        }
        let centre = Point(x: 400, y: 150)
        let rotation = YomitoriVision.AffineTransform.rotation(-degrees * .pi / 180, about: centre)
        let tilted = page.warped(by: rotation, width: 800, height: 300)
        let found = tilted.skewAngle() * 180 / .pi
        #expect(abs(found - degrees) < 0.08, "found \(found)° for \(degrees)°")
    }

    @Test("ruleMask keeps long runs only, in both directions")
    func ruleMaskRuns() {
        var image = GrayImage(width: 40, height: 30, fill: 255)
        for x in 2..<38 { image[x, 5] = 0 }  // long horizontal rule: 36 px
        for y in 8..<28 { image[10, y] = 0 }  // long vertical rule: 20 px
        for x in 20..<25 { image[x, 15] = 0 }  // short stroke: 5 px
        let mask = image.ruleMask(minimumRun: 12)
        let points = Set(mask.points.map { "\($0.0),\($0.1)" })
        #expect(points.contains("2,5") && points.contains("37,5") && points.contains("10,8") && points.contains("10,27"))
        #expect(!points.contains("22,15"))
        #expect(mask.points.count == 36 + 20)
    }

    @Test("inkComponents: 8-connected blobs with their pixel counts and bounds, in scan order")
    func components() throws {
        var image = GrayImage(width: 12, height: 8, fill: 255)
        for (x, y) in [(1, 1), (2, 2), (3, 3), (3, 1)] { image[x, y] = 10 }  // one blob through diagonals
        for (x, y) in [(9, 5), (10, 5), (9, 6), (10, 6), (11, 7)] { image[x, y] = 90 }
        image[6, 0] = 127  // a dark-enough single pixel
        image[6, 7] = 128  // not dark enough
        let found = image.inkComponents()
        // Numbered in the order their first pixel is met, row by row: (6, 0) comes first.
        try #require(found.count == 3)
        #expect(found.map(\.id) == [1, 2, 3])
        #expect(found[0].bounds == PixelRect(x: 6, y: 0, width: 1, height: 1) && found[0].pixelCount == 1)
        #expect(found[1].bounds == PixelRect(x: 1, y: 1, width: 3, height: 3) && found[1].pixelCount == 4)
        #expect(found[2].bounds == PixelRect(x: 9, y: 5, width: 3, height: 3) && found[2].pixelCount == 5)
    }

    @Test("removingRules whitens a frame line at the edge and keeps the writing")
    func rulesRemoved() {
        var image = GrayImage(width: 60, height: 20, fill: 255)
        for x in 0..<60 { image[x, 1] = 0 }  // frame line near the top edge
        for y in 6..<14 { image[30, y] = 0; image[31, y] = 0 }  // a stroke of writing
        let clean = image.removingRules(margin: 4)
        #expect((0..<60).allSatisfy { clean[$0, 1] == 255 })
        #expect(clean[30, 10] == 0 && clean[31, 6] == 0)
    }

    @Test("cropped(to:) and padded(by:) copy rows exactly, white outside the image")
    func cropAndPad() {
        let image = Self.pageLike(width: 23, height: 17, seed: 3)
        let crop = image.cropped(to: PixelRect(x: -3, y: 5, width: 10, height: 20))
        for y in 0..<20 {
            for x in 0..<10 { #expect(crop[x, y] == image.pixel(x: x - 3, y: y + 5)) }
        }
        let padded = image.padded(by: 2)
        #expect(padded.width == 27 && padded.height == 21)
        for y in 0..<21 {
            for x in 0..<27 { #expect(padded[x, y] == image.pixel(x: x - 2, y: y - 2)) }
        }
    }
}

extension KernelTests {
    /// Connected components found by flood fill from each unlabelled dark pixel in scan order:
    /// the plain definition the two-pass labelling must match.
    static func floodComponents(_ image: GrayImage, threshold: UInt8) -> [InkComponent] {
        let w = image.width, h = image.height
        var label = [Int](repeating: 0, count: w * h)
        var found: [InkComponent] = []
        for start in 0..<(w * h) where image.pixels[start] < threshold && label[start] == 0 {
            let id = found.count + 1
            label[start] = id
            var stack = [start]
            var minX = w, minY = h, maxX = -1, maxY = -1, count = 0
            while let p = stack.popLast() {
                let x = p % w, y = p / w
                count += 1
                minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
                for ny in max(0, y - 1)...min(h - 1, y + 1) {
                    for nx in max(0, x - 1)...min(w - 1, x + 1) where label[ny * w + nx] == 0 && image.pixels[ny * w + nx] < threshold {
                        label[ny * w + nx] = id
                        stack.append(ny * w + nx)
                    }
                }
            }
            found.append(InkComponent(id: id, pixelCount: count, bounds: PixelRect(x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1)))
        }
        return found
    }

    @Test("pixels(of:) gives each component's own pixels, also where another's lie in its box", arguments: [1, 2, 3])
    func componentPixels(seed: Int) throws {
        var image = Self.pageLike(width: 97, height: 53, seed: UInt64(seed) * 17)
        for k in 0..<40 { image[10 + 2 * k / 3, 50 - k] = 0 }  // a diagonal whose box holds other ink
        for component in image.inkComponents() {
            let offsets = try #require(image.pixels(of: component), "\(component)")
            #expect(offsets.count == component.pixelCount && Set(offsets).count == offsets.count)
            let b = component.bounds
            #expect(offsets.allSatisfy { image.pixels[$0] < 128 && ($0 % image.width) >= b.x && ($0 % image.width) < b.maxX && ($0 / image.width) >= b.y && ($0 / image.width) < b.maxY })
        }
    }

    @Test("removingSpecks(near:) keeps a small piece beside a larger one (a 濁点) and removes one standing alone")
    func specksNearWriting() {
        var image = GrayImage(width: 120, height: 60, fill: 255)
        for y in 20..<50 { for x in 20..<24 { image[x, y] = 0 } }   // a stroke: 120 px
        for y in 14..<17 { for x in 26..<29 { image[x, y] = 0 } }   // 9 px, 3 px from its box: a 濁点 stroke
        for y in 30..<33 { for x in 90..<93 { image[x, y] = 0 } }   // 9 px, far from any: dust
        let (kept, components) = image.removingSpecks(minPixels: 14, near: 4)
        #expect(components.map(\.pixelCount).sorted() == [9, 120])
        #expect(kept[27, 15] == 0 && kept[91, 31] == 255)
        let (plain, all) = image.removingSpecks(minPixels: 14)
        #expect(all.map(\.pixelCount) == [120], "without near, every small piece goes")
        #expect(plain[27, 15] == 255)
    }

    @Test("isStraight: a line at any angle is, an L, an arc or a line with a stroke across is not")
    func straightness() {
        let image = GrayImage(width: 200, height: 200)
        func offsets(_ points: [(Int, Int)]) -> [Int] { points.map { $0.1 * 200 + $0.0 } }
        for (dx, dy) in [(1, 0), (0, 1), (3, 1), (1, 1), (2, 5)] {
            let line = (0..<150).flatMap { k in (0..<3).map { t in (10 + k * dx / max(dx, dy) + t, 10 + k * dy / max(dx, dy)) } }
            #expect(image.isStraight(offsets(line), tolerance: 6), "\(dx), \(dy)")
        }
        let ell = (0..<100).map { (20, 20 + $0) } + (0..<100).map { (20 + $0, 120) }
        #expect(!image.isStraight(offsets(ell), tolerance: 6))
        let arc = (0..<90).map { k -> (Int, Int) in
            let a = Double(k) * .pi / 180
            return (100 + Int(80 * cos(a)), 100 + Int(80 * sin(a)))
        }
        #expect(!image.isStraight(offsets(arc), tolerance: 6))
        let crossed = (0..<150).map { (10 + $0, 10 + $0 / 2) } + (0..<40).map { (60, 20 + $0) }
        #expect(!image.isStraight(offsets(crossed), tolerance: 6))
    }

    @Test("inkComponents equals flood fill on noisy pages: U shapes, spirals, specks, edges", arguments: [1, 2, 3, 4])
    func componentsMatchFloodFill(seed: Int) {
        var image = Self.pageLike(width: 97, height: 53, seed: UInt64(seed) * 31)
        // A U and a comb, whose arms meet only further down (labels merge late).
        for y in 10..<40 { image[20, y] = 0; image[30, y] = 0; image[60, y] = 0; image[70, y] = 0; image[80, y] = 0 }
        for x in 20...30 { image[x, 40] = 0 }
        for x in 60...80 { image[x, 40] = 0 }
        // A staircase joined only diagonally, running up to the right.
        for k in 0..<12 { image[40 + k, 45 - k] = 0 }
        for threshold: UInt8 in [60, 128, 140, 200] {
            #expect(image.inkComponents(threshold: threshold) == Self.floodComponents(image, threshold: threshold), "threshold \(threshold)")
        }
        #expect(GrayImage(width: 0, height: 0).inkComponents().isEmpty)
        #expect(GrayImage(width: 5, height: 1, fill: 0).inkComponents().map(\.pixelCount) == [5])
    }
}

extension KernelTests {
    /// A zone-like image: mostly paper (no dark pixel in long stretches, so the 16-pixel skips
    /// are taken), with strokes, dots and rules of random lengths that start and end anywhere
    /// relative to those 16-pixel blocks.
    static func zoneLike(width: Int, height: Int, seed: UInt64) -> GrayImage {
        var rng = Seeded(state: seed)
        var image = paper(width: width, height: height, tones: 225...255, using: &rng)
        for _ in 0..<(width * height / 300) {
            let x = Int.random(in: 0..<width, using: &rng), y = Int.random(in: 0..<height, using: &rng)
            let length = Int.random(in: 1...40, using: &rng), value = UInt8(Int.random(in: 0...160, using: &rng))
            let vertical = Bool.random(using: &rng)
            for k in 0..<length {
                let (px, py) = vertical ? (x, y + k) : (x + k, y)
                if px < width, py < height { image.pixels[py * width + px] = value }
            }
        }
        // Dashed rules: dashes that count only if a run went on across the paper between them
        // (gaps of 16 pixels and more, so whole 16-pixel blocks of paper lie in them); the first
        // with dashes and gaps on the 16-pixel blocks, so a dash starts right after a skipped block.
        let aligned = max(16, width * 3 / 10 / 16 * 16)
        for (y, dash, gap, start) in [(height / 3, aligned, 16, 0), (height - 2, width / 5, 17, 2), (height / 4, width / 3, 33, 1)] {
            var x = start
            while x < width {
                for k in x..<min(width, x + dash) { image.pixels[y * width + k] = 30 }
                x += dash + gap
            }
        }
        // A rule along the top edge, one across the middle, one down the right edge.
        for x in 0..<width { image.pixels[1 * width + x] = 40 }
        for x in (width / 5)..<width { image.pixels[(height / 2) * width + x] = 60 }
        for y in 0..<height { image.pixels[y * width + width - 2] = 50 }
        return image
    }

    /// removingRules as first written: every row's longest dark run counted pixel by pixel.
    static func plainRemovingRules(_ image: GrayImage, margin: Int, longRun: Double, threshold: UInt8) -> GrayImage {
        let w = image.width, h = image.height
        guard w > 2, h > 2 else { return image }
        var out = image
        func longest(_ values: [UInt8]) -> Int {
            var best = 0, run = 0
            for v in values {
                run = v < threshold ? run + 1 : 0
                best = max(best, run)
            }
            return best
        }
        for y in 0..<h {
            let run = longest((0..<w).map { image[$0, y] })
            let nearEdge = y < margin || y >= h - margin
            if Double(run) >= longRun * Double(w) || (nearEdge && Double(run) >= 0.35 * Double(w)) {
                for yy in max(0, y - 1)...min(h - 1, y + 1) {
                    for x in 0..<w where out[x, yy] < 200 { out[x, yy] = 255 }
                }
            }
        }
        for x in 0..<w where x < margin || x >= w - margin {
            if Double(longest((0..<h).map { image[x, $0] })) >= 0.5 * Double(h) {
                for xx in max(0, x - 1)...min(w - 1, x + 1) {
                    for y in 0..<h where out[xx, y] < 200 { out[xx, y] = 255 }
                }
            }
        }
        return out
    }

    @Test("removingRules equals the pixel-by-pixel row scan: zones of every width around the 16-pixel blocks",
          arguments: [(15, 9), (16, 12), (17, 30), (47, 23), (131, 40), (640, 90)])
    func rulesMatchPlainScan(width: Int, height: Int) {
        for seed: UInt64 in [1, 2, 3] {
            for image in [Self.zoneLike(width: width, height: height, seed: seed), Self.pageLike(width: width, height: height, seed: seed)] {
                for (margin, longRun, threshold) in [(4, 0.6, UInt8(128)), (3, 0.85, 128), (2, 2.0, 140)] {
                    #expect(image.removingRules(margin: margin, longRun: longRun, threshold: threshold).pixels
                        == Self.plainRemovingRules(image, margin: margin, longRun: longRun, threshold: threshold).pixels,
                        "seed \(seed), margin \(margin), longRun \(longRun), threshold \(threshold)")
                }
            }
        }
    }

    @Test("inkComponents equals flood fill on zone-like images: long paper stretches, strokes across the 16-pixel blocks",
          arguments: [(16, 16), (33, 21), (131, 40), (640, 90)])
    func sparseComponentsMatchFloodFill(width: Int, height: Int) {
        for seed: UInt64 in [5, 6, 7] {
            let image = Self.zoneLike(width: width, height: height, seed: seed)
            for threshold: UInt8 in [110, 128, 140] {
                #expect(image.inkComponents(threshold: threshold) == Self.floodComponents(image, threshold: threshold),
                        "seed \(seed), threshold \(threshold)")
            }
        }
    }
}
