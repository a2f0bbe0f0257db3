import Foundation
import Testing
import YomitoriOCR
import YomitoriVision
@testable import YomitoriReader

@Suite("Zone preparation: what is cleaned away before a zone is read")
struct ZonePreparationTests {
    /// A zone 341 × 129 px (29 × 11 mm at 300 dpi) with a 40 × 60 px glyph in the middle.
    static func zone() -> GrayImage {
        var image = GrayImage(width: 341, height: 129, fill: 255, dpi: 300)
        for y in 40..<100 { for x in 150..<156 { image[x, y] = 0 } }  // a vertical stroke
        for y in 40..<46 { for x in 130..<170 { image[x, y] = 0 } }   // and a bar across its top
        return image
    }

    static func bounds(_ prepared: PreparedZone) throws -> (width: Int, height: Int) {
        let image = try #require(prepared.image)
        return (image.width, image.height)
    }

    /// On a curled sheet the top rule bends into the zone's corner: its short end, 3 px thick,
    /// read as a bar beside a `2` and made it `5`.
    @Test("The end of a frame rule in the zone's corner is cleaned away; the writing is kept")
    func framePieceInTheCorner() throws {
        let clean = try Self.bounds(ZonePreparation.prepare(Self.zone()))
        var bent = Self.zone()
        for y in 0..<3 { for x in 0..<40 { bent[x, y] = 0 } }  // touches the top and left edges
        let prepared = ZonePreparation.prepare(bent)
        #expect(try Self.bounds(prepared) == clean, "cropped to the glyph alone")
        #expect(prepared.inkPixels == ZonePreparation.prepare(Self.zone()).inkPixels)
    }

    @Test("Thin bars are kept when they do not run out of the zone, or are short")
    func writingIsKept() throws {
        let clean = try Self.bounds(ZonePreparation.prepare(Self.zone()))
        var dash = Self.zone()
        for y in 70..<74 { for x in 200..<240 { dash[x, y] = 0 } }  // a 長音 or a hyphen: inside
        #expect(try Self.bounds(ZonePreparation.prepare(dash)).width > clean.width)
        var stroke = Self.zone()
        for y in 100..<129 { for x in 152..<156 { stroke[x, y] = 0 } }  // the glyph's stroke runs out
        #expect(try Self.bounds(ZonePreparation.prepare(stroke)).height > clean.height, "part of the glyph")
        var nub = Self.zone()
        for y in 60..<63 { for x in 0..<9 { nub[x, y] = 0 } }  // shorter than 1 mm, beside the writing
        #expect(try Self.bounds(ZonePreparation.prepare(nub)).width > clean.width)
    }

    /// Five glyphs 50 px high in a row, like a line of writing.
    static func writing() -> GrayImage {
        var image = GrayImage(width: 900, height: 140, fill: 255, dpi: 300)
        for k in 0..<5 {
            let x0 = 60 + k * 70
            for y in 45..<95 { for x in x0..<(x0 + 5) { image[x, y] = 0 } }
            for y in 45..<50 { for x in x0..<(x0 + 45) { image[x, y] = 0 } }  // a bar as long as the glyph
        }
        return image
    }

    @Test("A value struck out with a double line (二重線) is noted; writing, an underline and short bars are not")
    func struckThrough() {
        #expect(!ZonePreparation.prepare(Self.writing()).struckThrough)
        var struck = Self.writing()
        for y in [62, 63, 64, 76, 77, 78] { for x in 50..<420 { struck[x, y] = 20 } }
        #expect(ZonePreparation.prepare(struck).struckThrough)
        var across = Self.writing()  // a line over most of the zone, which rule removal takes away
        for y in 68..<71 { for x in 20..<880 { across[x, y] = 20 } }
        #expect(ZonePreparation.prepare(across).struckThrough, "seen before the rules are removed")
        var underlined = Self.writing()
        for y in 98..<101 { for x in 50..<420 { underlined[x, y] = 20 } }
        #expect(!ZonePreparation.prepare(underlined).struckThrough, "below the writing")
    }

    /// Dust 0.5 mm across in a zone's empty margin passed the speck filter (it keeps anything of 14
    /// pixels or more, so a period is kept) and was read as `.` or `'`, or made the reads disagree.
    @Test("Dots above or below the line of writing are cleaned away; dots on the line stay")
    func dotsOffTheLine() throws {
        func dot(_ image: inout GrayImage, _ x: Int, _ y: Int) {
            for yy in y..<(y + 6) { for xx in x..<(x + 6) { image[xx, yy] = 0 } }
        }
        let clean = try Self.bounds(ZonePreparation.prepare(Self.writing()))
        var dusty = Self.writing()
        dot(&dusty, 600, 10)   // above the line
        dot(&dusty, 200, 120)  // below it
        #expect(try Self.bounds(ZonePreparation.prepare(dusty)) == clean)
        var period = Self.writing()
        dot(&period, 420, 88)  // on the line, after the last glyph: writing
        #expect(try Self.bounds(ZonePreparation.prepare(period)).width > clean.width)
        var dustOnly = GrayImage(width: 900, height: 140, fill: 255, dpi: 300)
        for k in 0..<4 { dot(&dustOnly, 100 + 150 * k, 20 + 25 * k) }  // no line: nothing to judge by
        #expect(ZonePreparation.prepare(dustOnly).inkPixels == 4 * 36)
    }

    /// A line `thickness` px thick from (x0, y0) to (x1, y1), grey as a pencil draws it.
    static func line(_ image: inout GrayImage, from p0: (Int, Int), to p1: (Int, Int), thickness: Int = 3) {
        let steps = max(abs(p1.0 - p0.0), abs(p1.1 - p0.1))
        for i in 0...steps {
            let x = p0.0 + (p1.0 - p0.0) * i / steps, y = p0.1 + (p1.1 - p0.1) * i / steps
            for t in 0..<thickness where y + t >= 0 && y + t < image.height && x >= 0 && x < image.width {
                image[x, y + t] = 90
            }
        }
    }

    /// A pencil line drawn across the sheet crossed the 必要な通数 zone beside a 3 (read 4) and
    /// name zones after the writing (read ーー ン, レレレ), on the heavy-dirt stress scans.
    @Test("A thin straight line running into the zone beside the writing is cleaned away, its pixels only")
    func pencilLineBeside() throws {
        let clean = ZonePreparation.prepare(Self.zone())
        var lined = Self.zone()
        Self.line(&lined, from: (200, 128), to: (340, 30))  // bottom edge to right edge, 171 px long
        let prepared = ZonePreparation.prepare(lined)
        #expect(try Self.bounds(prepared) == Self.bounds(clean), "cropped to the glyph alone")
        #expect(prepared.inkPixels == clean.inkPixels)
        // Its box holds the glyph's bar end: a line whose box covers the glyph leaves the glyph whole.
        var over = Self.zone()
        Self.line(&over, from: (160, 128), to: (340, 0))
        #expect(ZonePreparation.prepare(over).inkPixels == clean.inkPixels, "the glyph's pixels stay")
    }

    @Test("A line crossing the writing, a short or thick one, or one inside the zone is kept")
    func pencilLineKept() throws {
        let clean = ZonePreparation.prepare(Self.zone())
        var crossing = Self.zone()
        Self.line(&crossing, from: (100, 128), to: (300, 0))  // through the glyph: one component, not straight
        #expect(ZonePreparation.prepare(crossing).inkPixels > clean.inkPixels)
        var short = Self.zone()
        Self.line(&short, from: (280, 128), to: (340, 90))  // 71 px: under 7 mm
        #expect(ZonePreparation.prepare(short).inkPixels > clean.inkPixels)
        var thick = Self.zone()
        Self.line(&thick, from: (200, 128), to: (340, 30), thickness: 12)  // 1 mm: a stroke of writing
        #expect(ZonePreparation.prepare(thick).inkPixels > clean.inkPixels)
        var inside = Self.zone()
        Self.line(&inside, from: (190, 110), to: (330, 20))  // touches no edge
        #expect(ZonePreparation.prepare(inside).inkPixels > clean.inkPixels)
    }

    /// The widest gap is measured between ink boxes, over the writing's height.
    @Test("The widest blank run of columns between ink boxes, over the writing's height")
    func widestGap() {
        let writing = PixelRect(x: 10, y: 0, width: 200, height: 50)
        let boxes = [PixelRect(x: 10, y: 0, width: 40, height: 50), PixelRect(x: 55, y: 5, width: 40, height: 40),
                     PixelRect(x: 120, y: 0, width: 90, height: 50)]
        #expect(ZonePreparation.widestGap(boxes, within: writing) == 25.0 / 50)
        #expect(ZonePreparation.widestGap([writing], within: writing) == 0)
        #expect(ZonePreparation.widestGap([], within: PixelRect(x: 0, y: 0, width: 0, height: 0)) == 0)
        // Overlapping boxes leave no gap between them.
        #expect(ZonePreparation.widestGap([PixelRect(x: 10, y: 0, width: 120, height: 50), PixelRect(x: 100, y: 0, width: 110, height: 50)], within: writing) == 0)
    }

    /// Rows 8 and 9 of `Tests/Fixtures/written-values.png`: the same name as one word in IPA
    /// Mincho, and with a half-width space in Noto Sans CJK (the narrowest space of the six
    /// fonts). Only the first may be taken as written as one word when the reads give no space.
    @Test("A name as one word leaves no space-wide gap in its ink; a half-width space does")
    func spaceWideGap() throws {
        let strip = try ScanFile(path: SampleCorpus.root.appendingPathComponent("Tests/Fixtures/written-values.png").path).page(0)
        let zones = [8, 9].map { row in
            ZonePreparation.prepare(strip.cropped(to: PixelRect(x: 0, y: 130 * row, width: strip.width, height: 130)))
        }
        let (oneWord, spaced) = (zones[0].widestGap, zones[1].widestGap)
        #expect(zones.allSatisfy { $0.image != nil })
        #expect(FieldReader.writtenAsOneWord(zones[0]), "木村健太: widest gap \(oneWord)")
        #expect(!FieldReader.writtenAsOneWord(zones[1]), "木村 健太: widest gap \(spaced)")
    }
}
