import Foundation

/// Registration without marks, from the form's printed ruling, against a blank reference scan.
///
/// The page is deskewed by the angle that makes its dark pixels line up best in rows; then the
/// long horizontal and vertical rules of scan and reference are turned into profiles, and the
/// scale and shift of each axis are the ones that make the profiles coincide. Filled-in text
/// and specks barely matter: only runs longer than ``minimumRuleMM`` count as rules.
public struct ContentRegistration: Sendable {
    /// Working resolution, pixels per millimetre.
    static let workPPM = 4.0
    /// A run of ink at least this long (mm) is a printed rule.
    static let minimumRuleMM = 12.0
    /// Skew searched on every page (degrees either way): what a document feeder gives.
    public static let usualSkewDegrees = 4.0
    /// Skew searched when the usual search finds no match (degrees either way): a sheet laid on
    /// the glass by hand. Registration marks are found at any such angle already.
    public static let widestSkewDegrees = 10.0

    let pageSizeMM: (Double, Double)
    /// Reference rule profiles in working pixels (index = mm × workPPM): rule pixels per row and column.
    let referenceRows: [Int]
    let referenceColumns: [Int]
    /// Reference rule pixels in millimetres (a sample), for the match score and the residual:
    /// those on horizontal rules first, then those on vertical rules.
    let referenceRulePoints: [Point]
    /// How many of `referenceRulePoints` (the first ones) lie on horizontal rules.
    let referenceHorizontalCount: Int

    public init(reference: GrayImage, referencePixelsPerMM: Double, pageSizeMM: (Double, Double)) {
        self.pageSizeMM = pageSizeMM
        let factor = max(1, Int((referencePixelsPerMM / Self.workPPM).rounded()))
        let small = reference.downscaledForRegistration(by: factor)
        let mmPerPixel = Double(factor) / referencePixelsPerMM
        let angle = small.skewAngle()
        let upright = abs(angle) > 0.0005 ? small.rotatedAboutCentre(-angle) : small
        let rules = upright.ruleMask(minimumRun: Int(Self.minimumRuleMM / mmPerPixel))
        let scale = mmPerPixel * Self.workPPM  // working px per reference small px
        referenceRows = rules.rowProfile(scale: scale, length: Int(pageSizeMM.1 * Self.workPPM) + 1)
        referenceColumns = rules.columnProfile(scale: scale, length: Int(pageSizeMM.0 * Self.workPPM) + 1)
        var points: [Point] = []
        let step = max(1, rules.points.count / 4000)
        for i in stride(from: 0, to: rules.points.count, by: step) {
            let p = rules.points[i]
            points.append(Point(x: Double(p.0) * mmPerPixel, y: Double(p.1) * mmPerPixel))
        }
        referenceRulePoints = points
        referenceHorizontalCount = (rules.horizontalCount + step - 1) / step  // sampled indices below it
    }

    /// What registration needs of a scan, whatever the template: the scan shrunk to about
    /// ``workPPM``, its skew, and the rule profiles of the deskewed page. It depends only on the
    /// page width in millimetres and the skew range, so templates of one paper size share it.
    public struct ScanRuling: Sendable {
        /// Scan pixels per pixel of the shrunk page.
        let factor: Int
        /// Shrunk page pixels per millimetre if the page fills the scan.
        let pixelsPerMM: Double
        let width: Int, height: Int
        /// Skew found (radians, clockwise).
        let angle: Double
        /// Rule pixels per row and per column of the deskewed shrunk page.
        let rows: [Int], columns: [Int]
    }

    /// The scan's ruling for a form `pageWidthMM` wide, deskewed by up to `maxSkewDegrees` either way.
    public static func ruling(of scan: GrayImage, pageWidthMM: Double, maxSkewDegrees: Double = usualSkewDegrees) -> ScanRuling {
        let estimate = Double(scan.width) / pageWidthMM  // scan px per mm if the page fills the scan
        let factor = max(1, Int((estimate / workPPM).rounded()))
        let small = scan.downscaledForRegistration(by: factor)
        let ppmSmall = estimate / Double(factor)
        let angle = small.skewAngle(maxDegrees: maxSkewDegrees)
        let upright = small.rotatedAboutCentre(-angle)
        let rules = upright.ruleMask(minimumRun: Int(minimumRuleMM * ppmSmall))
        return ScanRuling(
            factor: factor, pixelsPerMM: ppmSmall, width: small.width, height: small.height, angle: angle,
            rows: rules.rowProfile(scale: 1, length: small.height), columns: rules.columnProfile(scale: 1, length: small.width)
        )
    }

    /// The page width (mm) whose ``ScanRuling`` this registration uses.
    public var pageWidthMM: Double { pageSizeMM.0 }

    /// Maps template millimetres onto `scan`, deskewing by up to `maxSkewDegrees` either way.
    /// - Throws: ``RegistrationError`` (`.contentNotMatched`) when the page does not show the form.
    public func register(_ scan: GrayImage, maxSkewDegrees: Double = usualSkewDegrees) throws -> RegistrationResult {
        try register(scan, ruling: Self.ruling(of: scan, pageWidthMM: pageSizeMM.0, maxSkewDegrees: maxSkewDegrees))
    }

    /// Maps template millimetres onto `scan`, whose ruling (for this form's page width) is given.
    public func register(_ scan: GrayImage, ruling: ScanRuling) throws -> RegistrationResult {
        let factor = ruling.factor, ppmSmall = ruling.pixelsPerMM, angle = ruling.angle
        let rows = ruling.rows, columns = ruling.columns
        let nominal = ppmSmall / Self.workPPM  // small px per working px
        guard let fy = Self.bestFit(reference: referenceRows, scan: rows, nominal: nominal),
              let fx = Self.bestFit(reference: referenceColumns, scan: columns, nominal: nominal) else {
            throw RegistrationError(code: .contentNotMatched, message: "the page shows no printed ruling to register by")
        }
        // mm → working px → upright small px → small px (rotate back about the centre) → scan px.
        let toUpright = AffineTransform(
            a: fx.scale * Self.workPPM, b: 0, c: 0, d: fy.scale * Self.workPPM, tx: fx.offset, ty: fy.offset
        )
        let centre = Point(x: Double(ruling.width) / 2, y: Double(ruling.height) / 2)
        let back = AffineTransform.rotation(angle, about: centre)
        let transform = AffineTransform.scale(Double(factor)).concatenating(after: back.concatenating(after: toUpright))
        // Checked before the residual and score are measured: on a page that is not the form
        // those are the slowest part (every mapped point searches the whole radius for ink).
        guard min(fx.correlation, fy.correlation) > 0.3 else {
            throw RegistrationError(
                code: .contentNotMatched,
                message: String(format: "the page's ruling does not match the form (correlation %.2f)", min(fx.correlation, fy.correlation))
            )
        }
        let residual = residualMM(scan: scan, transform: transform)
        let score = matchScore(scan: scan, transform: transform)
        return RegistrationResult(transform: transform, residualMM: residual, method: .content, matchScore: score)
    }

    /// Share of the reference's printed rules that are ink on the scan under `transform` (0–1),
    /// each region moved by its ``LocalShifts`` when they are given.
    public func matchScore(scan: GrayImage, transform: AffineTransform, shifts: LocalShifts? = nil) -> Double {
        guard !referenceRulePoints.isEmpty else { return 0 }
        var hits = 0
        for p in referenceRulePoints {
            var q = transform.apply(p)
            if let shift = shifts?.shift(atMM: p) {
                q.x += shift.x
                q.y += shift.y
            }
            if scan.hasInk(near: q, radius: 2) { hits += 1 }
        }
        return Double(hits) / Double(referenceRulePoints.count)
    }

    /// RMS distance (mm) from mapped reference rule points to the nearest scan ink, capped at 2 mm.
    private func residualMM(scan: GrayImage, transform: AffineTransform) -> Double {
        let ppm = transform.scale
        let cap = Int((2 * ppm).rounded())
        var sum = 0.0, n = 0
        for (i, p) in referenceRulePoints.enumerated() where i % 8 == 0 {
            let q = transform.apply(p)
            let d = scan.distanceToInk(from: q, limit: cap)
            sum += (Double(d) / ppm) * (Double(d) / ppm)
            n += 1
        }
        return n == 0 ? 0 : sqrt(sum / Double(n))
    }

    struct AxisFit { var scale: Double, offset: Double, correlation: Double }

    /// Scale searched on every page, either way of the page filling the scan (0.05 = ±5 %).
    public static let usualScaleRange = 0.05
    /// Scale searched when the usual band's best fit is at its edge or poor: a form printed with
    /// "fit to page" (93–97 %), or scanned with a margin round the sheet.
    public static let widestScaleRange = 0.10
    /// Coarse scale step, as a share of the nominal scale.
    static let scaleStep = 0.005
    /// A best fit within this many coarse steps of the usual band's edge may lie beyond it.
    static let edgeSteps = 2.0
    /// Below this correlation the usual band's best fit is not trusted without the wider band
    /// (a page of the form registers at 0.92 or more on either axis).
    static let confidentCorrelation = 0.8

    /// Scale and offset with `scan[offset + scale·i] ≈ reference[i]`, by normalised correlation.
    ///
    /// The profiles are pixel counts, so the dot products are sums of whole numbers: they are
    /// summed as integers (exact in any order, no chain of floating-point additions to wait on),
    /// and the correlation is the same number the floating-point sums gave.
    static func bestFit(reference: [Int], scan: [Int], nominal: Double) -> AxisFit? {
        let refIndices = reference.indices.filter { reference[$0] > 0 }
        guard refIndices.count > 3, scan.contains(where: { $0 > 0 }) else { return nil }
        let refNorm = sqrt(Double(refIndices.reduce(0) { $0 + reference[$1] * reference[$1] }))
        let weights = refIndices.map { reference[$0] }
        let positions = refIndices.map { Double($0) }
        let squares = scan.map { $0 * $0 }
        let count = Double(scan.count)
        var scaled = [Double](repeating: 0, count: refIndices.count)
        // The correlation at (s, t): reference index i meets scan index round(t + s·i) where that
        // is a scan index. t + s·i grows with i, so the indices that land inside the scan form one
        // run [first, last), found by bisection; the sums then run over it without a test per term.
        // s·i for every reference index, for all offsets tried at scale s.
        func atScale<R>(_ s: Double, _ body: (UnsafeBufferPointer<Double>) -> R) -> R {
            scaled.withUnsafeMutableBufferPointer { scaled in
                for k in scaled.indices { scaled[k] = s * positions[k] }
                return body(UnsafeBufferPointer(scaled))
            }
        }
        func correlation(_ t: Double, scaled: UnsafeBufferPointer<Double>) -> Double {
            // x = t + s·i rounds to a scan index when x > −0.5 and x + 0.5 < count.
            var lo = 0, hi = scaled.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if t + scaled[mid] > -0.5 { hi = mid } else { lo = mid + 1 }
            }
            let first = lo
            hi = scaled.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if (t + scaled[mid]) + 0.5 < count { lo = mid + 1 } else { hi = mid }
            }
            let last = lo
            guard first < last else { return 0 }
            var dot = 0, norm = 0
            weights.withUnsafeBufferPointer { weights in
                scan.withUnsafeBufferPointer { scan in
                    squares.withUnsafeBufferPointer { squares in
                        // Two terms at a time, one index in each SIMD lane (the same rounding as
                        // one at a time); a last odd term alone.
                        let scaledBytes = UnsafeRawPointer(scaled.baseAddress!)
                        let offset = SIMD2(repeating: t), half = SIMD2<Double>(repeating: 0.5)
                        var k = first
                        while k &+ 1 < last {
                            let x = scaledBytes.loadUnaligned(fromByteOffset: k &* 8, as: SIMD2<Double>.self)
                            let j = GrayImage.floorAndFraction((offset + x) + half).0
                            dot &+= weights[k] &* scan[j[0]] &+ weights[k &+ 1] &* scan[j[1]]
                            norm &+= squares[j[0]] &+ squares[j[1]]
                            k &+= 2
                        }
                        if k < last {
                            let j = floorOfSmallNonNegative((t + scaled[k]) + 0.5)
                            dot &+= weights[k] &* scan[j]
                            norm &+= squares[j]
                        }
                    }
                }
            }
            return norm > 0 ? Double(dot) / (refNorm * sqrt(Double(norm))) : 0
        }
        // Coarse: scale ±5 % around nominal, offset over a generous range; then refine.
        let span = Double(scan.count)
        let step = nominal * scaleStep
        // The best fit over a band of scales (the first of equal ones).
        func coarse(from low: Double, through high: Double) -> AxisFit? {
            var best: AxisFit?
            var s = nominal * low
            while s <= nominal * high + step / 2 {
                atScale(s) { scaled in
                    var t = -0.15 * span
                    while t <= 0.15 * span {
                        let c = correlation(t, scaled: scaled)
                        if best == nil || c > best!.correlation { best = AxisFit(scale: s, offset: t, correlation: c) }
                        t += 2
                    }
                }
                s += step
            }
            return best
        }
        func refined(_ coarseFit: AxisFit) -> AxisFit {
            var fit = coarseFit
            for (ds, dt) in [(nominal * 0.001, 0.25), (nominal * 0.0002, 0.05)] {
                let base = fit
                for k in -6...6 {
                    let s2 = base.scale + Double(k) * ds
                    atScale(s2) { scaled in
                        for m in -10...10 {
                            let t2 = base.offset + Double(m) * dt
                            let c = correlation(t2, scaled: scaled)
                            if c > fit.correlation { fit = AxisFit(scale: s2, offset: t2, correlation: c) }
                        }
                    }
                }
            }
            return fit
        }
        guard let usual = coarse(from: 1 - usualScaleRange, through: 1 + usualScaleRange).map(refined) else { return nil }
        // A best fit at the edge of that band, or a poor one, may be a page printed smaller or
        // larger than the form ("fit to page" prints at 93–97 %): the bands beyond are searched
        // too, on those pages only (searching them on every page would double the time).
        let relative = usual.scale / nominal
        let atEdge = relative <= 1 - usualScaleRange + edgeSteps * scaleStep
            || relative >= 1 + usualScaleRange - edgeSteps * scaleStep
        guard atEdge || usual.correlation < confidentCorrelation else { return usual }
        let smaller = coarse(from: 1 - widestScaleRange, through: 1 - usualScaleRange - scaleStep)
        let larger = coarse(from: 1 + usualScaleRange + scaleStep, through: 1 + widestScaleRange)
        // max(by:) keeps the first of equal ones, as the search within a band does.
        let beyond = [smaller, larger].compactMap { $0 }.max { $0.correlation < $1.correlation }
        guard let wider = beyond.map(refined), wider.correlation > usual.correlation else { return usual }
        // Each working px is 1/workPPM mm: return small-px per working px and offset in small px.
        return wider
    }
}
