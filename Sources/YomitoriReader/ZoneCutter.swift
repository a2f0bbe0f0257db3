import YomitoriTemplate
import YomitoriVision

/// Cuts template zones out of a registered scan as upright images at a fixed resolution.
///
/// Each zone is resampled through the registration transform, so rotation, shift, scale and
/// scan resolution are undone per zone and every reader sees the same geometry whatever the scan.
/// With local shifts, each zone (and each box of a comb) is moved by the shift under its centre.
struct ZoneCutter {
    /// Output resolution: 300 dpi.
    static let pixelsPerMM = 300.0 / 25.4

    let page: GrayImage
    /// Template millimetres → scan pixels.
    let transform: AffineTransform
    /// Where regions of the page lie off `transform` (nil: nowhere).
    var shifts: LocalShifts? = nil

    /// Template millimetres → scan pixels for the zone `r`: the transform, moved by the local
    /// shift under the zone's centre.
    private func placement(of r: RectMM) -> AffineTransform {
        shifts?.placing(transform, atMM: Point(x: r.x + r.width / 2, y: r.y + r.height / 2)) ?? transform
    }

    /// The zone `rect` grown by `padding` mm, upright at 300 dpi, and its bounds on the scan.
    func cut(_ rect: RectMM, padding: Double = 0) -> (image: GrayImage, bounds: PixelRect) {
        let r = RectMM(x: rect.x - padding, y: rect.y - padding, width: rect.width + 2 * padding, height: rect.height + 2 * padding)
        let ppm = ZoneCutter.pixelsPerMM
        let w = max(1, Int((r.width * ppm).rounded())), h = max(1, Int((r.height * ppm).rounded()))
        let toMM = AffineTransform(a: 1 / ppm, b: 0, c: 0, d: 1 / ppm, tx: r.x, ty: r.y)
        var image = page.warped(by: placement(of: rect).concatenating(after: toMM), width: w, height: h)
        image.dpi = 300
        return (image, bounds(of: r))
    }

    /// How far (mm) a zone may reach past the scan's edge and still count as on it.
    static let edgeToleranceMM = 0.5

    /// Whether the template rectangle `r`, placed as it is cut, lies on the scan (within
    /// ``edgeToleranceMM`` of its edges).
    func isOnScan(_ r: RectMM) -> Bool {
        let b = bounds(of: r)
        let tolerance = Int((Self.edgeToleranceMM * transform.scale).rounded())
        return b.x >= -tolerance && b.y >= -tolerance
            && b.x + b.width <= page.width + tolerance && b.y + b.height <= page.height + tolerance
    }

    /// Axis-aligned bounds on the scan of a template rectangle.
    func bounds(of r: RectMM) -> PixelRect {
        let placed = placement(of: r)
        let corners = [
            Point(x: r.x, y: r.y), Point(x: r.x + r.width, y: r.y),
            Point(x: r.x, y: r.y + r.height), Point(x: r.x + r.width, y: r.y + r.height),
        ].map(placed.apply)
        let minX = corners.map(\.x).min() ?? 0, maxX = corners.map(\.x).max() ?? 0
        let minY = corners.map(\.y).min() ?? 0, maxY = corners.map(\.y).max() ?? 0
        return PixelRect(
            x: Int(minX.rounded(.down)), y: Int(minY.rounded(.down)),
            width: Int((maxX - minX).rounded(.up)), height: Int((maxY - minY).rounded(.up))
        )
    }
}
