extension ContentRegistration {
    /// How far (mm, either way on each axis) a region of the page is searched off its registration.
    public static let localShiftMM = 1.5
    /// Side (mm) of the regions whose shifts are searched.
    static let localTileMM = 30.0
    /// A region with fewer reference rule points takes its neighbours' shift.
    static let localMinimumPoints = 12

    /// Where each region of the page lies off `transform`, from the printed rules in it.
    ///
    /// Horizontal rules say how far a region lies off up or down, vertical rules how far left or
    /// right; a horizontal rule moved sideways still lies on itself but at its ends, so each axis
    /// is found from its own rules only. In each region of ``localTileMM`` square, the vertical
    /// shift is the one, up to ``localShiftMM`` either way, under which most points of its
    /// horizontal rules are ink (in steps of 4 scan pixels: with the match score's 2-pixel radius
    /// every shift in reach is covered; the smallest of equal ones), then the sideways shift the
    /// same from its vertical rules; a shift that gains less than a tenth of the points is none.
    /// Then each region takes, per axis, the median of its own and its neighbours' shifts: a
    /// sheet moves smoothly, so a region that lined up some other rule by chance (a form it is
    /// not) is outvoted, and a region with too few rules of its own gets its neighbours'.
    public func localShifts(scan: GrayImage, transform: AffineTransform) -> LocalShifts {
        let tile = Self.localTileMM
        let columns = max(1, Int((pageSizeMM.0 / tile).rounded(.up)))
        let rows = max(1, Int((pageSizeMM.1 / tile).rounded(.up)))
        // Per tile, the mapped points of its horizontal rules and of its vertical rules.
        var horizontal = Array(repeating: [Point](), count: columns * rows)
        var vertical = horizontal
        for (index, p) in referenceRulePoints.enumerated() {
            let i = min(columns - 1, max(0, Int(p.x / tile))), j = min(rows - 1, max(0, Int(p.y / tile)))
            if index < referenceHorizontalCount {
                horizontal[j * columns + i].append(transform.apply(p))
            } else {
                vertical[j * columns + i].append(transform.apply(p))
            }
        }
        let step = 4
        let reach = Int(Self.localShiftMM * transform.scale) / step * step
        // The shift along one axis (the other held at `across`) under which most `points` are ink.
        func bestShift(_ points: [Point], vertically: Bool, across: Double) -> Double? {
            guard points.count >= Self.localMinimumPoints else { return nil }
            func hits(_ along: Int) -> Int {
                let dx = vertically ? across : Double(along), dy = vertically ? Double(along) : across
                var n = 0
                for q in points where scan.hasInk(near: Point(x: q.x + dx, y: q.y + dy), radius: 2) { n += 1 }
                return n
            }
            let still = hits(0)
            var best = still, bestShift = 0
            for along in stride(from: -reach, through: reach, by: step) where along != 0 {
                let h = hits(along)
                if h > best || (h == best && abs(along) < abs(bestShift)) {
                    best = h
                    bestShift = along
                }
            }
            return best - still >= max(2, points.count / 10) ? Double(bestShift) : 0
        }
        var ownY: [Double?] = [], ownX: [Double?] = []
        for t in 0..<(columns * rows) {
            let dy = bestShift(horizontal[t], vertically: true, across: 0)
            ownY.append(dy)
            ownX.append(bestShift(vertical[t], vertically: false, across: dy ?? 0))
        }
        func median(_ values: [Double]) -> Double {
            let sorted = values.sorted()
            let n = sorted.count
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
        }
        func smoothed(_ own: [Double?], _ i: Int, _ j: Int) -> Double {
            var near: [Double] = []
            for y in max(0, j - 1)...min(rows - 1, j + 1) {
                for x in max(0, i - 1)...min(columns - 1, i + 1) {
                    if let s = own[y * columns + x] { near.append(s) }
                }
            }
            return near.isEmpty ? 0 : median(near)
        }
        var shifts: [Point] = []
        for j in 0..<rows {
            for i in 0..<columns {
                shifts.append(Point(x: smoothed(ownX, i, j), y: smoothed(ownY, i, j)))
            }
        }
        return LocalShifts(tileMM: tile, columns: columns, rows: rows, shifts: shifts, pixelsPerMM: transform.scale)
    }
}
