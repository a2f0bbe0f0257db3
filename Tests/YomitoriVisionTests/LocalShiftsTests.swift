import Foundation
import Testing
@testable import YomitoriVision

@Suite("Local shifts: regions of a page lying off its registration")
struct LocalShiftsTests {
    static let dpi = 300.0
    static let ppm = dpi / 25.4

    /// A blank form 100 × 140 mm at 300 dpi: horizontal rules every `pitchMM` from `firstMM`,
    /// from `leftMM` to `rightMM`, vertical rules at `columnsMM`, all 0.3 mm thick.
    static func form(pitchMM: Double, firstMM: Double, columnsMM: [Double], leftMM: Double = 8, rightMM: Double = 92) -> GrayImage {
        var image = GrayImage(width: Int(100 * ppm), height: Int(140 * ppm), fill: 250, dpi: dpi)
        func px(_ mm: Double) -> Int { Int((mm * ppm).rounded()) }
        var y = firstMM
        while y < 132 {
            for row in px(y)..<(px(y) + 4) { for x in px(leftMM)..<px(rightMM) { image[x, row] = 20 } }
            y += pitchMM
        }
        for column in columnsMM {
            for row in px(8)..<px(132) { for x in px(column)..<(px(column) + 4) { image[x, row] = 20 } }
        }
        return image
    }

    /// `image` as a feeder that slipped gives it: the rows of a band from `topMM`, `bandMM` tall,
    /// stretched, and everything below pushed down by `push` pixels.
    static func slipped(_ image: GrayImage, topMM: Double, bandMM: Double, push: Double) -> GrayImage {
        var out = image
        for y in 0..<image.height {
            let moved = min(max((Double(y) - topMM * ppm) / (bandMM * ppm), 0), 1) * push
            let source = Int((Double(y) - moved).rounded())
            for x in 0..<image.width { out[x, y] = image[x, source] }
        }
        return out
    }

    static let blank = form(pitchMM: 8, firstMM: 10, columnsMM: [10, 50, 90])
    static let registration = ContentRegistration(reference: blank, referencePixelsPerMM: ppm, pageSizeMM: (100, 140))
    static let identity = AffineTransform.scale(ppm)

    @Test("The shift between tile centres is bilinear; beyond the outer centres the edge tiles' holds")
    func interpolation() {
        let shifts = LocalShifts(tileMM: 30, columns: 2, rows: 2, shifts: [
            Point(x: 0, y: 0), Point(x: 4, y: 0),
            Point(x: 0, y: 8), Point(x: 4, y: 8),
        ], pixelsPerMM: 10)
        #expect(shifts.shift(atMM: Point(x: 15, y: 15)) == Point(x: 0, y: 0))
        #expect(shifts.shift(atMM: Point(x: 30, y: 30)) == Point(x: 2, y: 4))
        #expect(shifts.shift(atMM: Point(x: 45, y: 45)) == Point(x: 4, y: 8))
        #expect(shifts.shift(atMM: Point(x: 0, y: 100)) == Point(x: 0, y: 8))
        #expect(shifts.shift(atMM: Point(x: 200, y: -5)) == Point(x: 4, y: 0))
        #expect(abs(shifts.largestMM - (16 + 64).squareRoot() / 10) < 1e-12)
    }

    @Test("A page stretched 10 px over a band: the tiles below it are found shifted by 10 px, those above not")
    func slippedPage() {
        // The band runs between the centres of the third and fourth rows of tiles (75 and 105 mm).
        let scan = Self.slipped(Self.blank, topMM: 75, bandMM: 30, push: 10)
        let still = Self.registration.matchScore(scan: scan, transform: Self.identity)
        let shifts = Self.registration.localShifts(scan: scan, transform: Self.identity)
        let moved = Self.registration.matchScore(scan: scan, transform: Self.identity, shifts: shifts)
        #expect(still < 0.8, "score without shifts \(still)")
        #expect(moved > 0.97, "score with shifts \(moved)")
        #expect(shifts.columns == 4 && shifts.rows == 5)
        for (i, s) in shifts.shifts.enumerated() {
            // The search steps by 4 px and the score looks 2 px round each point: 8 or 12 px fits 10.
            switch i / shifts.columns {
            case 0, 1: #expect(s == Point(x: 0, y: 0), "tile \(i): \(s)")
            case 2: #expect(s.x == 0 && s.y >= 0 && s.y <= 10, "tile \(i): \(s)")
            default: #expect(s.x == 0 && abs(s.y - 10) <= 2, "tile \(i): \(s)")
            }
        }
    }

    /// A horizontal rule moved sideways still lies on itself but at its ends, where the scan may
    /// differ from the reference anyway (a rule printed longer, a stamp over its end): only the
    /// vertical rules may say how far a region lies off sideways.
    @Test("Horizontal rules printed 1.4 mm further left end to end: no sideways shift, the vertical rules are where they were")
    func sidewaysFromVerticalRules() {
        // No vertical rule near the rules' right ends: there, only the ends could say anything.
        let blank = Self.form(pitchMM: 8, firstMM: 10, columnsMM: [10, 50])
        let registration = ContentRegistration(reference: blank, referencePixelsPerMM: Self.ppm, pageSizeMM: (100, 140))
        let scan = Self.form(pitchMM: 8, firstMM: 10, columnsMM: [10, 50], leftMM: 6.6, rightMM: 90.6)
        let shifts = registration.localShifts(scan: scan, transform: Self.identity)
        #expect(shifts.shifts.allSatisfy { $0 == Point(x: 0, y: 0) }, "\(shifts.shifts)")
    }

    @Test("A page of another ruling gains little: no shift lines its rules up")
    func otherForm() {
        let other = Self.form(pitchMM: 11, firstMM: 14, columnsMM: [25, 70])
        let still = Self.registration.matchScore(scan: other, transform: Self.identity)
        let shifts = Self.registration.localShifts(scan: other, transform: Self.identity)
        let moved = Self.registration.matchScore(scan: other, transform: Self.identity, shifts: shifts)
        #expect(moved < 0.5 && moved - still < 0.15, "without \(still), with \(moved)")
    }

    @Test("A flat page of the form keeps no shift")
    func flatPage() {
        let shifts = Self.registration.localShifts(scan: Self.blank, transform: Self.identity)
        #expect(shifts.shifts.allSatisfy { $0 == Point(x: 0, y: 0) })
    }

    @Test("Encoded as [x, y] pairs row by row, decoded the same; a wrong count is refused")
    func coding() throws {
        let shifts = LocalShifts(tileMM: 30, columns: 2, rows: 1, shifts: [Point(x: 4, y: -4), Point(x: 0, y: 8.5)], pixelsPerMM: 11.81)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(shifts), as: UTF8.self)
        #expect(json == #"{"columns":2,"px_per_mm":11.81,"rows":1,"shifts":[[4,-4],[0,8.5]],"tile_mm":30}"#)
        #expect(try JSONDecoder().decode(LocalShifts.self, from: Data(json.utf8)) == shifts)
        let short = #"{"columns":2,"px_per_mm":11.81,"rows":1,"shifts":[[4,-4]],"tile_mm":30}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(LocalShifts.self, from: Data(short.utf8)) }
    }
}
