import YomitoriVision

/// A zone made ready for the recogniser, or found blank.
struct PreparedZone {
    /// The cleaned, tightly cropped and padded zone; nil when the zone holds no ink.
    var image: GrayImage?
    /// Ink pixels left after removing rules and specks.
    var inkPixels: Int
    /// A straight line is drawn through the writing (``ZonePreparation/isStruckThrough(_:writing:)``).
    var struckThrough = false
    /// The widest run of blank columns between pieces of ink, over the ink's height: how far
    /// apart the words are, whatever the engine made of them.
    var widestGap: Double = 0
}

/// Cleaning steps shared by every OCR field type.
enum ZonePreparation {
    /// 1 mm at 300 dpi.
    static let mm = Int(ZoneCutter.pixelsPerMM.rounded())

    /// Contrast, rules near the edges, specks, pieces of the frame, dots off the line of writing,
    /// blank test, tight crop with a white margin.
    static func prepare(_ zone: GrayImage, minInk: Int = 60, speck: Int = 14) -> PreparedZone {
        let contrasted = zone.normalisedContrast()
        let ruled = contrasted.removingRules(margin: mm)
        var (clean, kept) = ruled.removingSpecks(minPixels: speck, near: mm / 3)
        // Ink that is not writing: the frame's bent ends, then dust off the line the rest forms.
        let strokes = strokesAcross(kept, in: clean)
        let stroked = strokes.map(\.component)
        let pieces = framePieces(kept, width: clean.width, height: clean.height).filter { !stroked.contains($0) }
        let removed = stroked + pieces
        let dots = dotsOffTheLine(kept.filter { !removed.contains($0) })
        if !removed.isEmpty || !dots.isEmpty {
            clean.whiten(pieces + dots)
            for stroke in strokes { clean.whitenPixels(stroke.pixels) }
            kept.removeAll { removed.contains($0) || dots.contains($0) }
        }
        let ink = kept.reduce(0) { $0 + $1.pixelCount }
        guard ink >= minInk, let bounds = kept.unionBounds else { return PreparedZone(image: nil, inkPixels: ink) }
        let margin = mm / 2
        let crop = clean.cropped(to: bounds.insetBy(dx: -margin, dy: -margin))
        return PreparedZone(
            image: crop.padded(by: mm), inkPixels: ink, struckThrough: isStruckThrough(contrasted, writing: bounds),
            widestGap: widestGap(kept.map(\.bounds), within: bounds))
    }

    /// The widest run of columns of `writing` that no box of `ink` covers, over the writing's
    /// height (0 when the ink leaves no gap).
    static func widestGap(_ ink: [PixelRect], within writing: PixelRect) -> Double {
        guard writing.width > 0, writing.height > 0 else { return 0 }
        var inked = [Bool](repeating: false, count: writing.width)
        for box in ink {
            let from = max(box.x, writing.x), to = min(box.maxX, writing.maxX)
            if from < to { for x in from..<to { inked[x - writing.x] = true } }
        }
        var widest = 0, run = 0
        for column in inked {
            if column { widest = max(widest, run); run = 0 } else { run += 1 }
        }
        return Double(widest) / Double(writing.height)
    }

    /// Whether a straight line is drawn through the writing, as a correction strikes a value out
    /// (二重線): a dark run at least twice the writing's height long, and 3 mm or more, across its
    /// middle half. No stroke of a character is that long (on 744 line zones of holdout seeds 50–51 the longest
    /// was 1.03 times the height), and a printed underline lies below the middle. The rows are
    /// looked at before rules are removed, since a line across most of the zone is removed as one.
    static func isStruckThrough(_ image: GrayImage, writing: PixelRect) -> Bool {
        let height = writing.height
        let middle = (writing.y + height / 4)..<(writing.maxY - height / 4)
        guard !middle.isEmpty else { return false }
        return image.hasDarkRun(atLeast: max(2 * height, 3 * mm), rows: middle, columns: writing.x..<writing.maxX)
    }

    /// Whether a component's box reaches the edge of a zone `width` × `height` (within a pixel).
    static func runsOut(_ b: PixelRect, width: Int, height: Int) -> Bool {
        b.x <= 1 || b.y <= 1 || b.maxX >= width - 1 || b.maxY >= height - 1
    }

    /// Pieces of the printed frame, not writing: a thin straight bar (at most half a millimetre
    /// thick, at least three times as long) that runs out of a zone `width` × `height`. A whole
    /// rule along the edge is gone already (``GrayImage/removingRules(margin:longRun:threshold:)``);
    /// this is the short end of one that bends into the zone's corner on a curled or stretched
    /// sheet, where it read as a bar over the writing (`2` with a bar beside it read as `5`).
    static func framePieces(_ components: [InkComponent], width: Int, height: Int) -> [InkComponent] {
        let thin = mm / 2
        return components.filter { c in
            let b = c.bounds
            let thickness = min(b.width, b.height), length = max(b.width, b.height)
            return runsOut(b, width: width, height: height) && thickness <= thin && length >= 3 * thickness && length >= mm
        }
    }

    /// A thin straight stroke that runs into the zone from its edge and is longer than any stroke
    /// of a character (7 mm or more, at most half a millimetre thick on average, all but 2 % of it
    /// within half a millimetre of one line): a pencil line drawn across the sheet, which the
    /// engine read as ー, ン or レレレ beside the writing, or as a digit. Not where it crosses a
    /// character: the two are one component, and not straight. Each with its pixels, to whiten
    /// those and not its box (which, for a diagonal, holds other ink).
    static func strokesAcross(_ components: [InkComponent], in image: GrayImage) -> [(component: InkComponent, pixels: [Int])] {
        let thin = Double(mm) / 2, long = Double(7 * mm)
        return components.compactMap { c in
            let b = c.bounds
            let length = Double(b.width * b.width + b.height * b.height).squareRoot()
            guard runsOut(b, width: image.width, height: image.height), length >= long, Double(c.pixelCount) <= thin * length,
                  let pixels = image.pixels(of: c), image.isStraight(pixels, tolerance: thin) else { return nil }
            return (c, pixels)
        }
    }

    /// Dots of ink that lie wholly above or below the line of writing: dust and toner specks too
    /// large for the speck filter (up to 1 mm, a 0.5 mm dot has 30 px), which the engine reads as
    /// `.`, `'` or `-` in the zone's empty margins, or which make two reads disagree. The line is
    /// the band of the components 2 mm or more across; a dot inside that band (a period, a 濁点, a
    /// `・`) is writing and stays. With no such component there is no line to judge by: none.
    static func dotsOffTheLine(_ components: [InkComponent]) -> [InkComponent] {
        guard let line = components.filter({ max($0.bounds.width, $0.bounds.height) >= 2 * mm }).unionBounds else {
            return []
        }
        let gap = mm / 2
        return components.filter { c in
            let b = c.bounds
            return max(b.width, b.height) < mm && (b.maxY < line.y - gap || b.y > line.maxY + gap)
        }
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
            let touches = runsOut(b, width: cell.width, height: cell.height)
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
