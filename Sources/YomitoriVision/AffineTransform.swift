import Foundation

/// A point in pixel coordinates (sub-pixel).
public struct Point: Sendable, Equatable, Hashable, Codable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// x' = a·x + b·y + tx, y' = c·x + d·y + ty.
///
/// Registration produces the transform from template pixel coordinates to scan pixel
/// coordinates; zones are mapped through it and cut from the scan.
public struct AffineTransform: Sendable, Equatable, Codable {
    public var a: Double, b: Double, c: Double, d: Double, tx: Double, ty: Double

    public init(a: Double, b: Double, c: Double, d: Double, tx: Double, ty: Double) {
        self.a = a
        self.b = b
        self.c = c
        self.d = d
        self.tx = tx
        self.ty = ty
    }

    public static let identity = AffineTransform(a: 1, b: 0, c: 0, d: 1, tx: 0, ty: 0)

    public static func scale(_ s: Double) -> AffineTransform {
        AffineTransform(a: s, b: 0, c: 0, d: s, tx: 0, ty: 0)
    }

    public static func translation(x: Double, y: Double) -> AffineTransform {
        AffineTransform(a: 1, b: 0, c: 0, d: 1, tx: x, ty: y)
    }

    /// Rotation by `radians` (positive turns +x towards +y, i.e. clockwise on screen) about `center`.
    public static func rotation(_ radians: Double, about center: Point = Point(x: 0, y: 0)) -> AffineTransform {
        let cs = cos(radians), sn = sin(radians)
        return AffineTransform(
            a: cs, b: -sn, c: sn, d: cs,
            tx: center.x - cs * center.x + sn * center.y,
            ty: center.y - sn * center.x - cs * center.y
        )
    }

    public func apply(_ p: Point) -> Point {
        Point(x: a * p.x + b * p.y + tx, y: c * p.x + d * p.y + ty)
    }

    /// `self` after `first`: p ↦ self(first(p)).
    public func concatenating(after first: AffineTransform) -> AffineTransform {
        AffineTransform(
            a: a * first.a + b * first.c, b: a * first.b + b * first.d,
            c: c * first.a + d * first.c, d: c * first.b + d * first.d,
            tx: a * first.tx + b * first.ty + tx, ty: c * first.tx + d * first.ty + ty
        )
    }

    public var determinant: Double { a * d - b * c }

    public var inverted: AffineTransform? {
        let det = determinant
        guard abs(det) > 1e-12 else { return nil }
        let ia = d / det, ib = -b / det, ic = -c / det, id = a / det
        return AffineTransform(a: ia, b: ib, c: ic, d: id, tx: -(ia * tx + ib * ty), ty: -(ic * tx + id * ty))
    }

    /// Rotation angle in radians (average of the two axes).
    public var rotation: Double { atan2(c - b, a + d) }
    /// Mean scale of the two axes.
    public var scale: Double { (sqrt(a * a + c * c) + sqrt(b * b + d * d)) / 2 }

    /// Least-squares affine fit mapping `from[i]` to `to[i]` (at least 3 non-collinear pairs).
    /// With 2 pairs a similarity transform (rotation, uniform scale, shift) is fitted.
    public static func fit(from: [Point], to: [Point]) -> AffineTransform? {
        precondition(from.count == to.count)
        let n = from.count
        if n == 2 { return fitSimilarity(from: from, to: to) }
        guard n >= 3 else { return nil }
        // Normal equations for [x y 1] · [a b tx]ᵀ = x', same for y'.
        var m = [[Double]](repeating: [Double](repeating: 0, count: 3), count: 3)
        var rx = [Double](repeating: 0, count: 3), ry = [Double](repeating: 0, count: 3)
        for i in 0..<n {
            let v = [from[i].x, from[i].y, 1.0]
            for r in 0..<3 {
                for c in 0..<3 { m[r][c] += v[r] * v[c] }
                rx[r] += v[r] * to[i].x
                ry[r] += v[r] * to[i].y
            }
        }
        guard let sx = solve3(m, rx), let sy = solve3(m, ry) else { return nil }
        return AffineTransform(a: sx[0], b: sx[1], c: sy[0], d: sy[1], tx: sx[2], ty: sy[2])
    }

    /// Least-squares similarity (rotation + uniform scale + shift) mapping `from` to `to`.
    public static func fitSimilarity(from: [Point], to: [Point]) -> AffineTransform? {
        let n = Double(from.count)
        guard from.count >= 2 else { return nil }
        let fx = from.map(\.x).reduce(0, +) / n, fy = from.map(\.y).reduce(0, +) / n
        let gx = to.map(\.x).reduce(0, +) / n, gy = to.map(\.y).reduce(0, +) / n
        var sxx = 0.0, sxy = 0.0, norm = 0.0
        for i in 0..<from.count {
            let px = from[i].x - fx, py = from[i].y - fy
            let qx = to[i].x - gx, qy = to[i].y - gy
            sxx += px * qx + py * qy
            sxy += px * qy - py * qx
            norm += px * px + py * py
        }
        guard norm > 1e-9 else { return nil }
        let a = sxx / norm, c = sxy / norm
        return AffineTransform(a: a, b: -c, c: c, d: a, tx: gx - a * fx + c * fy, ty: gy - c * fx - a * fy)
    }

    private static func solve3(_ m: [[Double]], _ r: [Double]) -> [Double]? {
        var a = m, b = r
        for col in 0..<3 {
            var pivot = col
            for row in col..<3 where abs(a[row][col]) > abs(a[pivot][col]) { pivot = row }
            guard abs(a[pivot][col]) > 1e-12 else { return nil }
            a.swapAt(col, pivot)
            b.swapAt(col, pivot)
            for row in 0..<3 where row != col {
                let f = a[row][col] / a[col][col]
                for k in col..<3 { a[row][k] -= f * a[col][k] }
                b[row] -= f * b[col]
            }
        }
        return (0..<3).map { b[$0] / a[$0][$0] }
    }
}
