import YomitoriVision

/// A zone made ready for the recogniser, or found blank.
struct PreparedZone {
    /// The cleaned, tightly cropped and padded zone; nil when the zone holds no ink.
    var image: GrayImage?
    /// Ink pixels left after removing rules and specks.
    var inkPixels: Int
}

/// Cleaning steps shared by every OCR field type.
enum ZonePreparation {
    /// 1 mm at 300 dpi.
    static let mm = Int(ZoneCutter.pixelsPerMM.rounded())

    /// Contrast, rules near the edges, specks, pieces of the frame, blank test, tight crop with a
    /// white margin.
    static func prepare(_ zone: GrayImage, minInk: Int = 60, speck: Int = 14) -> PreparedZone {
        let contrasted = zone.normalisedContrast()
        let ruled = contrasted.removingRules(margin: mm)
        let (specked, components) = ruled.removingSpecks(minPixels: speck)
        let (clean, kept) = droppingFramePieces(specked, components)
        let ink = kept.reduce(0) { $0 + $1.pixelCount }
        guard ink >= minInk, let bounds = kept.unionBounds else { return PreparedZone(image: nil, inkPixels: ink) }
        let margin = mm / 2
        let crop = clean.cropped(to: bounds.insetBy(dx: -margin, dy: -margin))
        return PreparedZone(image: crop.padded(by: mm), inkPixels: ink)
    }

    /// Whitens ink that is a piece of the printed frame, not writing: a thin straight bar (at most
    /// half a millimetre thick, at least three times as long) that runs out of the zone. A whole
    /// rule along the edge is gone already (``GrayImage/removingRules(margin:longRun:threshold:)``);
    /// this is the short end of one that bends into the zone's corner on a curled or stretched
    /// sheet, where it read as a bar over the writing (`2` with a bar beside it read as `5`).
    static func droppingFramePieces(_ image: GrayImage, _ components: [InkComponent]) -> (GrayImage, [InkComponent]) {
        let thin = mm / 2
        let pieces = components.filter { c in
            let b = c.bounds
            let touches = b.x <= 1 || b.y <= 1 || b.maxX >= image.width - 1 || b.maxY >= image.height - 1
            let thickness = min(b.width, b.height), length = max(b.width, b.height)
            return touches && thickness <= thin && length >= 3 * thickness && length >= mm
        }
        guard !pieces.isEmpty else { return (image, components) }
        var out = image
        for c in pieces {
            for y in c.bounds.y..<c.bounds.maxY {
                for x in c.bounds.x..<c.bounds.maxX where out[x, y] < 200 { out[x, y] = 255 }
            }
        }
        let ids = Set(pieces.map(\.id))
        return (out, components.filter { !ids.contains($0.id) })
    }

    /// One comb box: like ``prepare`` but with stronger rule removal (box walls on every side).
    static func prepareCell(_ cell: GrayImage) -> PreparedZone {
        let contrasted = cell.normalisedContrast()
        let margin = max(3, min(cell.width, cell.height) / 6)
        let ruled = contrasted.removingRules(margin: margin, longRun: 0.85)
        let (clean, kept) = ruled.removingSpecks(minPixels: 20)
        // Drop blobs that hug the cell edge and are thin: remnants of the printed box.
        let inner = kept.filter { c in
            let b = c.bounds
            let touches = b.x <= 1 || b.y <= 1 || b.maxX >= cell.width - 1 || b.maxY >= cell.height - 1
            let thin = b.width <= 4 || b.height <= 4
            return !(touches && thin)
        }
        let ink = inner.reduce(0) { $0 + $1.pixelCount }
        guard ink >= 40, let bounds = inner.unionBounds else { return PreparedZone(image: nil, inkPixels: ink) }
        var only = GrayImage(width: clean.width, height: clean.height, fill: 255, dpi: clean.dpi)
        for c in inner {
            for y in c.bounds.y..<c.bounds.maxY {
                for x in c.bounds.x..<c.bounds.maxX { only[x, y] = clean[x, y] }
            }
        }
        let crop = only.cropped(to: bounds.insetBy(dx: -4, dy: -4))
        return PreparedZone(image: crop.padded(by: mm), inkPixels: ink)
    }
}
