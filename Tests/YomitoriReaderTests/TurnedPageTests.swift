import Foundation
import Testing
import YomitoriOCR
import YomitoriReader
import YomitoriResults
import YomitoriTemplate
import YomitoriVision

/// A sheet fed upside down into the scanner, or laid sideways on the glass, is read as if it had
/// been upright (real Tesseract on committed sample scans, turned in memory).
@Suite("Pages scanned upside down or sideways")
struct TurnedPageTests {
    static let prepared: [PreparedTemplate] = {
        (try? SampleCorpus.prepared()) ?? []
    }()

    static func scan(_ name: String) throws -> GrayImage {
        try ScanFile(path: SampleCorpus.scans.appendingPathComponent(name).path).page(0)
    }

    /// One page of each form, each turned another way: every field reads as on the upright page
    /// (value, raw text, decision and zone), and the page says how far it was turned back.
    @Test("Each form read turned is read as upright, field for field",
          arguments: [("a_juminhyo-degraded-01.jpg", 180), ("b_jido_koza-clean-01.png", 90), ("c_tennyu-degraded-01.jpg", 270)])
    func readsTurnedPage(file: String, scannedTurn: Int) throws {
        let reader = FormReader(templates: Self.prepared)
        let upright = try Self.scan(file)
        guard case .read(let expected) = reader.read(upright, id: PageID(file: file, page: 0)) else {
            Issue.record("\(file) upright: not read")
            return
        }
        #expect(expected.registration.turnedDegrees == nil)
        let turned = upright.turned(clockwise: scannedTurn)
        guard case .read(let read) = reader.read(turned, id: PageID(file: file, page: 0)) else {
            Issue.record("\(file) turned \(scannedTurn)°: not read")
            return
        }
        #expect(read.template == expected.template)
        #expect(read.registration.turnedDegrees == (360 - scannedTurn) % 360)
        #expect(read.fields.count == expected.fields.count)
        for (got, want) in zip(read.fields, expected.fields) {
            #expect(got.value == want.value && got.raw == want.raw, "\(file) \(got.name)")
            #expect(got.status == want.status && got.zone == want.zone, "\(file) \(got.name)")
        }
        #expect(read.status == expected.status)
    }

    /// Registration only: an upright page costs no turn; a page upside down tries the half turn
    /// first; a landscape scan of these portrait forms tries the quarter turns first.
    @Test("Turns are tried only when needed, the likely one first")
    func turnOrder() throws {
        let chooser = TemplateChooser(templates: Self.prepared)
        let upright = try Self.scan("a_juminhyo-clean-01.png")
        let asScanned = chooser.chooseTurning(upright)
        #expect(asScanned.degrees == 0 && asScanned.degreesTried == [0])
        #expect(asScanned.choice.best?.template.id == "a_juminhyo")

        let over = chooser.chooseTurning(upright.turned(clockwise: 180))
        #expect(over.degrees == 180 && over.degreesTried == [0, 180])
        #expect(over.choice.best?.template.id == "a_juminhyo")
        #expect(over.image == upright, "turning back gives the scan exactly")

        let sideways = chooser.chooseTurning(upright.turned(clockwise: 90))
        #expect(sideways.degrees == 270 && sideways.degreesTried == [0, 90, 270])
        #expect(sideways.image == upright)
    }

    @Test("A page of no known form stays unknown after every turn")
    func unknownPageTriesEveryTurn() {
        let chooser = TemplateChooser(templates: Self.prepared)
        var page = GrayImage(width: 2480, height: 3508, fill: 250, dpi: 300)
        for y in stride(from: 400, to: 3000, by: 180) {  // a letter's lines of text, no ruling
            for x in 300..<2100 where (x / 40) % 3 != 0 { page[x, y] = 20; page[x, y + 1] = 20 }
        }
        let turned = chooser.chooseTurning(page)
        #expect(turned.degreesTried == [0, 180, 90, 270])
        #expect(turned.degrees == 0)
        #expect((turned.choice.best?.registration.matchScore ?? 0) < 0.5)
        let reader = FormReader(templates: Self.prepared)
        // Unknown form, or not registrable at all: never read as one of the forms.
        if case .read(let read) = reader.read(page, id: PageID(file: "letter.png", page: 0)) {
            Issue.record("a page of no form was read as \(read.template), turned \(read.registration.turnedDegrees ?? 0)°")
        }
    }
}
