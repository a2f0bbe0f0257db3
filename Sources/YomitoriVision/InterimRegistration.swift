// Interim registration so the pipeline can be exercised; replaced by the full implementation.
import Foundation

public struct MMRect: Sendable, Equatable {
    public var x: Double, y: Double, width: Double, height: Double
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }
}

public struct RegistrationResult: Sendable {
    public enum Method: String, Sendable { case marks, content }
    public var transform: AffineTransform
    public var residualMM: Double
    public var method: Method
    public var rotationDegrees: Double { transform.rotation * 180 / .pi }
    public var scale: Double { transform.scale }
    public var matchScore: Double
}

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
            let crop = scan.cropped(to: win)
            let expectedSide = m.width * ppm
            let comps = crop.inkComponents(threshold: 110).filter { c in
                let w = Double(c.bounds.width), h = Double(c.bounds.height)
                return w > 0.7 * expectedSide && w < 1.4 * expectedSide && h > 0.7 * expectedSide && h < 1.4 * expectedSide
                    && Double(c.pixelCount) > 0.7 * w * h
            }
            guard let best = comps.min(by: { a, b in
                let da = hypot(Double(a.bounds.x + a.bounds.width / 2 - r), Double(a.bounds.y + a.bounds.height / 2 - r))
                let db = hypot(Double(b.bounds.x + b.bounds.width / 2 - r), Double(b.bounds.y + b.bounds.height / 2 - r))
                return da < db
            }) else { continue }
            from.append(Point(x: m.x + m.width / 2, y: m.y + m.height / 2))
            to.append(Point(x: Double(win.x) + Double(best.bounds.x) + Double(best.bounds.width) / 2,
                            y: Double(win.y) + Double(best.bounds.y) + Double(best.bounds.height) / 2))
        }
        guard from.count >= 3, let t = AffineTransform.fit(from: from, to: to) else {
            throw RegistrationError(code: .marksNotFound, message: "registration marks not found (\(from.count) of \(marks.count))")
        }
        let res = zip(from, to).map { let p = t.apply($0.0); return hypot(p.x - $0.1.x, p.y - $0.1.y) }
        let rms = sqrt(res.map { $0 * $0 }.reduce(0, +) / Double(res.count)) / t.scale
        return RegistrationResult(transform: t, residualMM: rms, method: .marks, matchScore: 1)
    }
}

public struct ContentRegistration: Sendable {
    let reference: GrayImage
    let ppm: Double
    let pageSizeMM: (Double, Double)
    public init(reference: GrayImage, referencePixelsPerMM: Double, pageSizeMM: (Double, Double)) {
        self.reference = reference; self.ppm = referencePixelsPerMM; self.pageSizeMM = pageSizeMM
    }
    public func register(_ scan: GrayImage) throws -> RegistrationResult {
        let s = Double(scan.width) / pageSizeMM.0
        return RegistrationResult(transform: .scale(s), residualMM: 99, method: .content, matchScore: 0.5)
    }
    public func matchScore(scan: GrayImage, transform: AffineTransform) -> Double { 0.5 }
}
