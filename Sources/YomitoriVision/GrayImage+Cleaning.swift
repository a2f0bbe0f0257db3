import Foundation

/// Preparing a zone cut from a registered page for recognition or a tick decision.
///
/// Forms put printed rules right next to the writing area; a zone that catches a sliver of a
/// frame line makes Tesseract read `ー`, `|` or `1`. These operations remove such rules, scanner
/// specks and uneven paper tone, and tell a blank zone from a written one by its ink alone.
extension GrayImage {
    /// Stretches contrast so paper becomes 255 and the darkest ink 0 (per zone, so grey paper,
    /// faint toner and JPEG haze do not reach the recogniser).
    public func normalisedContrast() -> GrayImage {
        guard !pixels.isEmpty else { return self }
        let histogram = histogram()
        let paper = percentile(histogram, 0.75)
        let ink = percentile(histogram, 0.002)
        guard Int(paper) > Int(ink) + 40 else {
            // Nearly uniform: all paper (blank) or all ink; just lift the paper.
            var out = self
            if paper >= 128 { for i in out.pixels.indices where out.pixels[i] > ink { out.pixels[i] = 255 } }
            return out
        }
        let lo = Double(ink), span = Double(max(1, Int(paper) - Int(ink) - 8))
        var lut = [UInt8](repeating: 255, count: 256)
        for v in 0..<256 {
            let t = (Double(v) - lo) / span
            lut[v] = UInt8(max(0, min(255, (t * 255).rounded())))
        }
        var out = self
        lut.withUnsafeBufferPointer { lut in
            out.pixels.withUnsafeMutableBufferPointer { pixels in
                for i in pixels.indices { pixels[i] = lut[Int(pixels[i])] }
            }
        }
        return out
    }

    /// Pixels per grey level.
    func histogram() -> [Int] {
        var histogram = [Int](repeating: 0, count: 256)
        histogram.withUnsafeMutableBufferPointer { histogram in
            pixels.withUnsafeBufferPointer { pixels in
                for p in pixels { histogram[Int(p)] &+= 1 }
            }
        }
        return histogram
    }

    /// Whitens rows and columns that are printed rules: long dark runs near the zone's edges
    /// (within `margin` px), and any horizontal run longer than `longRun` of the width.
    public func removingRules(margin: Int, longRun: Double = 0.6, threshold: UInt8 = 128) -> GrayImage {
        var out = self
        let w = width, h = height
        guard w > 2, h > 2 else { return self }
        pixels.withUnsafeBufferPointer { source in
            out.pixels.withUnsafeMutableBufferPointer { target in
                let pixels = source.baseAddress!, out = target.baseAddress!
                let dark = SIMD16<UInt8>(repeating: threshold)
                func darkRun(row y: Int) -> Int {
                    var best = 0, run = 0
                    let row = pixels + y * w
                    var x = 0
                    while x < w {
                        // 16 light pixels end any run: skipped at once (most of a zone is paper).
                        if x &+ 16 <= w, Self.isPaper(UnsafeRawPointer(row + x), dark) {
                            run = 0
                            x &+= 16
                            continue
                        }
                        let end = Swift.min(x &+ 16, w)
                        while x < end {
                            if row[x] < threshold { run &+= 1; best = max(best, run) } else { run = 0 }
                            x &+= 1
                        }
                    }
                    return best
                }
                func darkRun(column x: Int) -> Int {
                    var best = 0, run = 0
                    var p = pixels + x
                    for _ in 0..<h {
                        if p.pointee < threshold { run &+= 1; best = max(best, run) } else { run = 0 }
                        p += w
                    }
                    return best
                }
                for y in 0..<h {
                    let nearEdge = y < margin || y >= h - margin
                    let run = darkRun(row: y)
                    if Double(run) >= longRun * Double(w) || (nearEdge && Double(run) >= 0.35 * Double(w)) {
                        // Whiten the row and its immediate anti-aliased neighbours.
                        for yy in max(0, y - 1)...min(h - 1, y + 1) {
                            let row = out + yy * w
                            for x in 0..<w where row[x] < 200 { row[x] = 255 }
                        }
                    }
                }
                for x in 0..<w {
                    let nearEdge = x < margin || x >= w - margin
                    guard nearEdge else { continue }
                    if Double(darkRun(column: x)) >= 0.5 * Double(h) {
                        for xx in max(0, x - 1)...min(w - 1, x + 1) {
                            for y in 0..<h where out[y * w + xx] < 200 { out[y * w + xx] = 255 }
                        }
                    }
                }
            }
        }
        return out
    }

    /// Whether a row in `rows` has a run of at least `length` pixels darker than `threshold`
    /// within `columns`: a straight line drawn across them. Paper is skipped 16 pixels at a time.
    public func hasDarkRun(atLeast length: Int, rows: Range<Int>, columns: Range<Int>, threshold: UInt8 = 128) -> Bool {
        let rows = rows.clamped(to: 0..<height), columns = columns.clamped(to: 0..<width)
        guard length > 0, columns.count >= length else { return false }
        let dark = SIMD16<UInt8>(repeating: threshold)
        return pixels.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            for y in rows {
                let row = base + y * width
                var run = 0, x = columns.lowerBound
                while x < columns.upperBound {
                    if x &+ 16 <= columns.upperBound, Self.isPaper(UnsafeRawPointer(row + x), dark) {
                        run = 0
                        x &+= 16
                        continue
                    }
                    if row[x] < threshold {
                        run &+= 1
                        if run >= length { return true }
                    } else {
                        run = 0
                    }
                    x &+= 1
                }
            }
            return false
        }
    }

    /// Whether none of the 16 pixels at `p` is darker than `dark` (the threshold in every lane):
    /// a block of paper, which the row scans below skip at once.
    @inline(__always)
    static func isPaper(_ p: UnsafeRawPointer, _ dark: SIMD16<UInt8>) -> Bool {
        !any(p.loadUnaligned(as: SIMD16<UInt8>.self) .< dark)
    }

    /// Connected ink components (8-connected) of pixels darker than `threshold`, in the order of
    /// their first pixel in scan order.
    ///
    /// Labels runs, not pixels: each row's dark runs are found (white stretches skipped 16 bytes
    /// at a time), each run is joined to the runs of the row above that touch it, diagonally
    /// included, and the joined runs are summed per component. A zone is mostly paper and its
    /// strokes are a few runs a row, so the work follows the runs and not the pixels.
    public func inkComponents(threshold: UInt8 = 128) -> [InkComponent] {
        let w = width, h = height
        guard w > 0, h > 0 else { return [] }
        // Run k covers [start[k], end[k]) on row[k]; parent[k] ≤ k leads to the component's first run.
        var start: [Int] = [], end: [Int] = [], row: [Int] = [], parent: [Int] = []
        let expected = h * 4
        start.reserveCapacity(expected); end.reserveCapacity(expected)
        row.reserveCapacity(expected); parent.reserveCapacity(expected)
        let dark = SIMD16<UInt8>(repeating: threshold)
        pixels.withUnsafeBufferPointer { pixels in
            let base = UnsafeRawPointer(pixels.baseAddress!)
            var above = 0..<0  // the previous row's runs
            for y in 0..<h {
                let line = base + y * w
                let first = start.count
                var next = above.lowerBound  // the first run above that can still touch a run here
                var x = 0
                while true {
                    // Skip paper: 16 pixels at a time while none is dark, then one at a time.
                    while x &+ 16 <= w, Self.isPaper(line + x, dark) { x &+= 16 }
                    while x < w, line.load(fromByteOffset: x, as: UInt8.self) >= threshold { x &+= 1 }
                    guard x < w else { break }
                    let x0 = x
                    while x < w, line.load(fromByteOffset: x, as: UInt8.self) < threshold { x &+= 1 }
                    let k = start.count
                    start.append(x0); end.append(x); row.append(y); parent.append(k)
                    // Runs above touch this one (8-connected) when they reach x0 − 1 … x.
                    while next < above.upperBound, end[next] < x0 { next &+= 1 }
                    var j = next
                    while j < above.upperBound, start[j] <= x {
                        // Join the two components under the earlier of their first runs.
                        var a = k, b = j
                        while parent[a] != a { parent[a] = parent[parent[a]]; a = parent[a] }
                        while parent[b] != b { parent[b] = parent[parent[b]]; b = parent[b] }
                        if a < b { parent[b] = a } else if b < a { parent[a] = b }
                        j &+= 1
                    }
                }
                above = first..<start.count
            }
        }
        // Every parent precedes its run, so one pass in order leaves each run pointing at its root.
        var components: [InkComponent] = []
        var index = [Int](repeating: 0, count: parent.count)
        for k in parent.indices {
            let root = parent[parent[k]]
            parent[k] = root
            let width = end[k] - start[k]
            if root == k {
                index[k] = components.count
                components.append(InkComponent(
                    id: components.count + 1, pixelCount: width,
                    bounds: PixelRect(x: start[k], y: row[k], width: width, height: 1)
                ))
            } else {
                let c = index[root]
                components[c].pixelCount += width
                let b = components[c].bounds
                let minX = Swift.min(b.x, start[k]), maxX = Swift.max(b.maxX, end[k])
                components[c].bounds = PixelRect(x: minX, y: b.y, width: maxX - minX, height: row[k] - b.y + 1)
            }
        }
        return components
    }

    /// Removes specks: ink components with fewer than `minPixels` pixels, except (when `near` is
    /// above 0) one whose box comes within `near` pixels of a larger component's box: a 濁点 or
    /// 半濁点 of small writing (3 mm kana in a serif font: each of its strokes is a few pixels)
    /// sits there, and without it ダ is read タ by every read. Returns the cleaned image and the
    /// components kept.
    public func removingSpecks(minPixels: Int, near: Int = 0, threshold: UInt8 = 128) -> (image: GrayImage, kept: [InkComponent]) {
        let components = inkComponents(threshold: threshold)
        let large = near > 0 ? components.filter { $0.pixelCount >= minPixels } : []
        func isSpeck(_ c: InkComponent) -> Bool {
            guard c.pixelCount < minPixels else { return false }
            let grown = c.bounds.insetBy(dx: -near, dy: -near)
            return !large.contains { !$0.bounds.intersection(grown).isEmpty }
        }
        var kept: [InkComponent] = [], specks: [InkComponent] = []
        for c in components {
            if isSpeck(c) { specks.append(c) } else { kept.append(c) }
        }
        guard !specks.isEmpty else { return (self, components) }
        var out = self
        out.whiten(specks)
        return (out, kept)
    }

    /// Makes the ink of `components` paper: every pixel of their bounding boxes darker than 200.
    public mutating func whiten(_ components: [InkComponent]) {
        for c in components {
            for y in c.bounds.y..<c.bounds.maxY {
                for x in c.bounds.x..<c.bounds.maxX where pixels[y * width + x] < 200 {
                    pixels[y * width + x] = 255
                }
            }
        }
    }

    /// The pixels of one component (darker than `threshold`, joined with diagonals as
    /// ``inkComponents(threshold:)`` joins them), as offsets into ``pixels``: found again by a fill
    /// inside its box from the dark pixels of its top row. Nil when no fill there matches its size.
    public func pixels(of component: InkComponent, threshold: UInt8 = 128) -> [Int]? {
        let box = component.bounds.intersection(PixelRect(x: 0, y: 0, width: width, height: height))
        guard !box.isEmpty else { return nil }
        var seen = Set<Int>()
        for x in box.x..<box.maxX where pixels[box.y * width + x] < threshold && !seen.contains(box.y * width + x) {
            var fill: [Int] = [box.y * width + x], stack = fill
            seen.insert(fill[0])
            while let p = stack.popLast() {
                let px = p % width, py = p / width
                for ny in max(box.y, py - 1)...min(box.maxY - 1, py + 1) {
                    for nx in max(box.x, px - 1)...min(box.maxX - 1, px + 1) {
                        let q = ny * width + nx
                        if pixels[q] < threshold, seen.insert(q).inserted {
                            fill.append(q)
                            stack.append(q)
                        }
                    }
                }
            }
            if fill.count == component.pixelCount { return fill }
        }
        return nil
    }

    /// Whether `offsets` (pixels of this image) lie along one straight line: all but 2 % within
    /// `tolerance` pixels of their principal axis.
    public func isStraight(_ offsets: [Int], tolerance: Double) -> Bool {
        guard offsets.count >= 2 else { return false }
        let n = Double(offsets.count)
        var mx = 0.0, my = 0.0
        for p in offsets { mx += Double(p % width); my += Double(p / width) }
        mx /= n; my /= n
        var sxx = 0.0, syy = 0.0, sxy = 0.0
        for p in offsets {
            let dx = Double(p % width) - mx, dy = Double(p / width) - my
            sxx += dx * dx; syy += dy * dy; sxy += dx * dy
        }
        // Direction of the larger eigenvalue of the covariance.
        let angle = 0.5 * atan2(2 * sxy, sxx - syy)
        let nx = -sin(angle), ny = cos(angle)
        let far = offsets.reduce(0) { count, p in
            abs((Double(p % width) - mx) * nx + (Double(p / width) - my) * ny) > tolerance ? count + 1 : count
        }
        return Double(far) <= 0.02 * n
    }

    /// Makes `offsets` (pixels of this image) paper, with the paler edge pixels (darker than
    /// 200) around each: a component whitened pixel by pixel, not its whole box.
    public mutating func whitenPixels(_ offsets: [Int]) {
        for p in offsets {
            let px = p % width, py = p / width
            for ny in max(0, py - 1)...min(height - 1, py + 1) {
                for nx in max(0, px - 1)...min(width - 1, px + 1) where pixels[ny * width + nx] < 200 {
                    pixels[ny * width + nx] = 255
                }
            }
        }
    }

    /// Share of pixels darker than `threshold` inside `rect` (clipped to the image).
    public func darkRatio(in rect: PixelRect, threshold: UInt8 = 128) -> Double {
        let r = rect.intersection(PixelRect(x: 0, y: 0, width: width, height: height))
        guard !r.isEmpty else { return 0 }
        var dark = 0
        for y in r.y..<r.maxY {
            let row = y * width
            for x in r.x..<r.maxX where pixels[row + x] < threshold { dark += 1 }
        }
        return Double(dark) / Double(r.width * r.height)
    }

    /// The image with a white border of `border` px on every side.
    public func padded(by border: Int) -> GrayImage {
        var out = GrayImage(width: width + 2 * border, height: height + 2 * border, fill: 255, dpi: dpi)
        guard width > 0 else { return out }
        let outWidth = out.width
        pixels.withUnsafeBufferPointer { source in
            out.pixels.withUnsafeMutableBufferPointer { target in
                for y in 0..<height {
                    (target.baseAddress! + (y + border) * outWidth + border)
                        .update(from: source.baseAddress! + y * width, count: width)
                }
            }
        }
        return out
    }

    private func percentile(_ histogram: [Int], _ q: Double) -> UInt8 {
        let target = Int(Double(pixels.count) * q)
        var acc = 0
        for v in 0..<256 {
            acc += histogram[v]
            if acc > target { return UInt8(v) }
        }
        return 255
    }
}

/// A connected blob of ink in a zone.
public struct InkComponent: Sendable, Equatable {
    public var id: Int
    public var pixelCount: Int
    public var bounds: PixelRect
}

extension [InkComponent] {
    /// The bounding box of all components, or nil when there are none.
    public var unionBounds: PixelRect? {
        guard let first else { return nil }
        var minX = first.bounds.x, minY = first.bounds.y, maxX = first.bounds.maxX, maxY = first.bounds.maxY
        for c in dropFirst() {
            minX = Swift.min(minX, c.bounds.x); minY = Swift.min(minY, c.bounds.y)
            maxX = Swift.max(maxX, c.bounds.maxX); maxY = Swift.max(maxY, c.bounds.maxY)
        }
        return PixelRect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }
}
