/// How far each part of a page lies from where its one affine registration puts it: a sheet
/// feeder's rollers that slipped (a band of the page stretched, everything below it pushed down)
/// or a curled sheet. Scanners and printers move a page as a whole; these move it piece by piece,
/// by a millimetre or so, smoothly.
///
/// The page is divided into square tiles of ``tileMM``; each tile has one shift in scan pixels,
/// applied after the registration's transform. Between tile centres the shift is interpolated
/// bilinearly, so a zone that spans two tiles moves by what lies under its centre.
public struct LocalShifts: Sendable, Equatable, Codable {
    /// Side of a tile, template millimetres.
    public let tileMM: Double
    public let columns: Int
    public let rows: Int
    /// Per tile, row by row: the shift in scan pixels.
    public let shifts: [Point]
    /// Scan pixels per millimetre (for reporting shifts in millimetres).
    public let pixelsPerMM: Double

    public init(tileMM: Double, columns: Int, rows: Int, shifts: [Point], pixelsPerMM: Double) {
        precondition(columns > 0 && rows > 0 && shifts.count == columns * rows)
        self.tileMM = tileMM
        self.columns = columns
        self.rows = rows
        self.shifts = shifts
        self.pixelsPerMM = pixelsPerMM
    }

    /// The shift (scan pixels) at a point of the template (millimetres).
    public func shift(atMM p: Point) -> Point {
        // Tile centres sit at (i + 0.5)·tileMM; outside the outer centres the edge tiles' shifts hold.
        func position(_ v: Double, _ count: Int) -> (Int, Int, Double) {
            let u = min(max(v / tileMM - 0.5, 0), Double(count - 1))
            let low = Int(u)
            let high = min(low + 1, count - 1)
            return (low, high, u - Double(low))
        }
        let (x0, x1, fx) = position(p.x, columns)
        let (y0, y1, fy) = position(p.y, rows)
        func at(_ x: Int, _ y: Int) -> Point { shifts[y * columns + x] }
        let top = Point(x: at(x0, y0).x * (1 - fx) + at(x1, y0).x * fx, y: at(x0, y0).y * (1 - fx) + at(x1, y0).y * fx)
        let bottom = Point(x: at(x0, y1).x * (1 - fx) + at(x1, y1).x * fx, y: at(x0, y1).y * (1 - fx) + at(x1, y1).y * fx)
        return Point(x: top.x * (1 - fy) + bottom.x * fy, y: top.y * (1 - fy) + bottom.y * fy)
    }

    /// `transform` moved by the shift under `centre` (template millimetres): how a zone centred
    /// there is placed on the scan.
    public func placing(_ transform: AffineTransform, atMM centre: Point) -> AffineTransform {
        let s = shift(atMM: centre)
        return AffineTransform.translation(x: s.x, y: s.y).concatenating(after: transform)
    }

    /// The largest shift of any tile, in millimetres.
    public var largestMM: Double {
        (shifts.map { ($0.x * $0.x + $0.y * $0.y).squareRoot() }.max() ?? 0) / pixelsPerMM
    }

    // Encoded compactly: `"shifts": [[x, y], …]`, row by row.
    enum CodingKeys: String, CodingKey {
        case tileMM = "tile_mm"
        case columns, rows, shifts
        case pixelsPerMM = "px_per_mm"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let pairs = try c.decode([[Double]].self, forKey: .shifts)
        let columns = try c.decode(Int.self, forKey: .columns), rows = try c.decode(Int.self, forKey: .rows)
        guard columns > 0, rows > 0, pairs.count == columns * rows, pairs.allSatisfy({ $0.count == 2 }) else {
            throw DecodingError.dataCorruptedError(
                forKey: .shifts, in: c, debugDescription: "expected \(columns) × \(rows) pairs [x, y]")
        }
        self.init(
            tileMM: try c.decode(Double.self, forKey: .tileMM), columns: columns, rows: rows,
            shifts: pairs.map { Point(x: $0[0], y: $0[1]) }, pixelsPerMM: try c.decode(Double.self, forKey: .pixelsPerMM)
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(tileMM, forKey: .tileMM)
        try c.encode(columns, forKey: .columns)
        try c.encode(rows, forKey: .rows)
        try c.encode(pixelsPerMM, forKey: .pixelsPerMM)
        try c.encode(shifts.map { [$0.x, $0.y] }, forKey: .shifts)
    }
}
