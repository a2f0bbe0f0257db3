public import YomitoriResults
public import YomitoriTemplate
public import YomitoriVision

/// Draws a page's registered zones and the values read onto the scan, so a template author
/// sees at a glance what lands where.
///
/// Sensitive values must be masked by the caller (``PageRead/maskingSensitive()``) before drawing.
public enum PreviewRenderer {
    /// Renders the preview and writes it as PNG to `path`.
    public static func write(scan: GrayImage, read: PageRead, page: TemplatePage, to path: String) throws {
        try render(scan: scan, read: read, page: page).writePNG(to: path)
    }

    static func render(scan: GrayImage, read: PageRead, page: TemplatePage) -> RGBCanvas {
        var canvas = RGBCanvas(background: scan)
        let t = read.registration.transform
        let ppm = read.registration.pixelsPerMM
        let thickness = max(2, Int((ppm * 0.25).rounded()))
        let glyphs = GlyphRenderer(pixelSize: max(14, Int((ppm * 3.2).rounded())))
        // Each zone where it was cut: moved by the local shift under its centre, if any.
        func placing(_ r: RectMM) -> AffineTransform {
            read.registration.localShifts?.placing(t, atMM: Point(x: r.x + r.width / 2, y: r.y + r.height / 2)) ?? t
        }
        func outline(_ r: RectMM, _ color: RGB) {
            let p = [
                Point(x: r.x, y: r.y), Point(x: r.x + r.width, y: r.y),
                Point(x: r.x + r.width, y: r.y + r.height), Point(x: r.x, y: r.y + r.height),
            ].map(placing(r).apply)
            for i in 0..<4 { canvas.line(from: p[i], to: p[(i + 1) % 4], color: color, thickness: thickness) }
        }
        for mark in page.registration.marks { outline(mark, .orange) }
        for field in page.fields {
            let reading = read[field: field.name]
            // The decision when the page was validated (review and invalid are red, as in the
            // review station); for a reading not yet validated, its notes and confidence.
            let doubtful = reading.map { field in
                field.status.map { $0 != .accepted } ?? (!field.notes.filter { $0 != "blank" }.isEmpty || field.confidence < 0.6)
            } ?? true
            let color: RGB = doubtful ? .red : .blue
            switch field.type {
            case .comb:
                for box in field.boxes { outline(box, color) }
                if field.boxes.isEmpty { outline(field.zone, color) }
            case .checkbox, .choice:
                let ticked = Set(reading?.value.map { v -> [String] in
                    switch v {
                    case .list(let l): l
                    case .text(let s): [s]
                    case .bool(let b): b ? field.options.map(\.value) : []
                    }
                } ?? [])
                for option in field.options { outline(option.box, ticked.contains(option.value) ? .green : color) }
            default:
                outline(field.zone, color)
            }
            guard let glyphs else { continue }
            let value = reading?.value.map { $0.isEmpty ? "（空欄）" : $0.string } ?? "（読めず）"
            let label = "\(field.name): \(value)"
            let anchor = placing(field.zone).apply(Point(x: field.zone.x, y: field.zone.y))
            let x = Int(anchor.x) + thickness * 2
            // Inside the zone's top edge; for tick boxes above it, so the label hides no box.
            let ticks = field.type == .checkbox || field.type == .choice
            let y = ticks ? Int(anchor.y) - thickness * 2 - 8 : Int(anchor.y) + glyphs.pixelSize + thickness * 2
            let width = glyphs.measure(label)
            canvas.fill(
                PixelRect(x: x - 4, y: y - glyphs.pixelSize - 2, width: width + 8, height: glyphs.pixelSize + 10),
                color: .white, alpha: 0.85
            )
            glyphs.draw(label, x: x, y: y, on: &canvas, color: doubtful ? .red : RGB(r: 0, g: 60, b: 160))
        }
        return canvas
    }
}
