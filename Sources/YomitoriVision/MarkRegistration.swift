import Foundation

/// A rectangle in millimetres (the Vision module's own, so it needs no template types).
public struct MMRect: Sendable, Equatable {
    public var x: Double, y: Double, width: Double, height: Double
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }
}

/// Where a scan sits relative to its template: the transform from template millimetres to scan
/// pixels, how well the features fit, and how well the page shows the form.
public struct RegistrationResult: Sendable {
    public enum Method: String, Sendable { case marks, content }
    public var transform: AffineTransform
    public var residualMM: Double
    public var method: Method
    public var rotationDegrees: Double { transform.rotation * 180 / .pi }
    public var scale: Double { transform.scale }
    public var matchScore: Double
    /// Where regions of the page lie off `transform` (a sheet that slipped in the feeder or
    /// curled), when the chooser found them: zones are cut shifted by them. Nil: the page lies
    /// as `transform` puts it.
    public var localShifts: LocalShifts? = nil
}

/// A page that cannot be mapped onto a template (marks missing, ruling not matched).
public struct RegistrationError: Error, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable { let raw: String
        public static let marksNotFound = Code(raw: "marks_not_found")
        public static let contentNotMatched = Code(raw: "content_not_matched")
    }
    public var code: Code
    public var message: String
    public init(code: Code, message: String) { self.code = code; self.message = message }
    public var description: String { message }
}

/// Registration by solid square marks printed at known places (usually the four corners).
///
/// Each mark is searched for within 22 mm of where it should be as a solid, square ink blob of
/// about the right size (text and ticked boxes are neither); a mark cut by the page edge is
/// placed from its inner edges. Scanners rotate, shift and scale uniformly, so a similarity is
/// fitted (exact with two marks, robust with one of four damaged); the residual is reported.
public struct MarkRegistration: Sendable {
    let marks: [MMRect]
    let pageSizeMM: (Double, Double)
    public init(marks: [MMRect], pageSizeMM: (Double, Double)) { self.marks = marks; self.pageSizeMM = pageSizeMM }

    public func register(_ scan: GrayImage) throws -> RegistrationResult {
        let ppm = Double(scan.width) / pageSizeMM.0
        var from: [Point] = [], to: [Point] = []
        for m in marks {
            let cx = (m.x + m.width / 2) * ppm, cy = (m.y + m.height / 2) * ppm
            let r = Int(22 * ppm)
            let win = PixelRect(x: Int(cx) - r, y: Int(cy) - r, width: 2 * r, height: 2 * r)
                .intersection(PixelRect(x: 0, y: 0, width: scan.width, height: scan.height))
            guard !win.isEmpty else { continue }
            let crop = scan.cropped(to: win)
            let side = m.width * ppm
            var best: (Point, Double)?
            for c in crop.inkComponents(threshold: 110) {
                let b = c.bounds
                let w = Double(b.width), h = Double(b.height)
                let touchesLeft = win.x + b.x <= 0, touchesTop = win.y + b.y <= 0
                let touchesRight = win.x + b.maxX >= scan.width, touchesBottom = win.y + b.maxY >= scan.height
                let fullW = w > 0.8 * side && w < 1.3 * side
                let fullH = h > 0.8 * side && h < 1.3 * side
                let cutW = (touchesLeft || touchesRight) && w > 0.35 * side && w <= 1.3 * side
                let cutH = (touchesTop || touchesBottom) && h > 0.35 * side && h <= 1.3 * side
                guard (fullW || cutW) && (fullH || cutH), Double(c.pixelCount) > 0.75 * w * h else { continue }
                // Centre; for a mark cut by the page edge, from its visible inner edge.
                let s = fullW ? w : (fullH ? h : side)
                var px = Double(win.x + b.x) + w / 2, py = Double(win.y + b.y) + h / 2
                if !fullW { px = touchesLeft ? Double(win.x + b.maxX) - s / 2 : Double(win.x + b.x) + s / 2 }
                if !fullH { py = touchesTop ? Double(win.y + b.maxY) - s / 2 : Double(win.y + b.y) + s / 2 }
                let d = hypot(px - cx, py - cy)
                if best == nil || d < best!.1 { best = (Point(x: px, y: py), d) }
            }
            guard let best else { continue }
            from.append(Point(x: m.x + m.width / 2, y: m.y + m.height / 2))
            to.append(best.0)
        }
        guard from.count >= 2 else {
            throw RegistrationError(code: .marksNotFound, message: "registration marks not found (\(from.count) of \(marks.count))")
        }
        // Scanners rotate, shift and scale uniformly: fit a similarity, which is exact with two marks
        // and robust when one of four is damaged.
        guard let t = AffineTransform.fitSimilarity(from: from, to: to) else {
            throw RegistrationError(code: .marksNotFound, message: "registration marks are degenerate")
        }
        let res = zip(from, to).map { let p = t.apply($0.0); return hypot(p.x - $0.1.x, p.y - $0.1.y) }
        let rms = sqrt(res.map { $0 * $0 }.reduce(0, +) / Double(res.count)) / t.scale
        return RegistrationResult(transform: t, residualMM: rms, method: .marks, matchScore: 1)
    }
}
