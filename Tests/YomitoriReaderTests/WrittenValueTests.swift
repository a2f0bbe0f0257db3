import Foundation
import Testing
import YomitoriOCR
import YomitoriReader
import YomitoriResults
import YomitoriTemplate
import YomitoriVision

/// Values written as other people write them, pasted into a sample page's zones (rows of
/// `Tests/Fixtures/written-values.png`, made by `make_written_values.py` there).
@Suite("Values written in other people's ways (real Tesseract)")
struct WrittenValueTests {
    static let file = "a_juminhyo-clean-01.png"

    /// The sample page, its fields as read, and the fixture's rows.
    private func fixture() throws -> (reader: FormReader, page: GrayImage, plain: PageRead, strip: GrayImage) {
        guard let (reader, page, plain) = try DistortionTests.readAsScanned(Self.file) else {
            throw CocoaError(.fileReadCorruptFile)
        }
        let strip = try ScanFile(path: SampleCorpus.root.appendingPathComponent("Tests/Fixtures/written-values.png").path).page(0)
        return (reader, page, plain, strip)
    }

    /// `page` with `zone`'s inside made white and the fixture's `row` put at its left.
    private func pasted(_ row: Int, of strip: GrayImage, into zone: PixelRect, on page: GrayImage) -> GrayImage {
        var scan = page
        for y in (zone.y + 12)..<(zone.maxY - 12) {
            for x in (zone.x + 12)..<(zone.maxX - 12) { scan[x, y] = 255 }
        }
        let top = zone.y + zone.height / 2 - 65
        for y in 0..<130 where top + y >= zone.y + 12 && top + y < zone.maxY - 12 {
            for x in 0..<min(strip.width, zone.width - 24) { scan[zone.x + 12 + x, top + y] = strip[x, 130 * row + y] }
        }
        return scan
    }

    /// `R7.5.16`, `H31/4/30`, `S58.4.1`: the short style many people write, which the date
    /// whitelist once left the engine no letter for (read `7.5.16`, sent to review as unreadable).
    @Test("R7.5.16, H31/4/30 and S58.4.1 in a sample page's birth date are read and confirmed")
    func eraInitials() throws {
        let (reader, page, plain, strip) = try fixture()
        let zone = try #require(plain[field: "birth_date"]).zone
        for (row, expected) in ["2025-05-16", "2019-04-30", "1983-04-01"].enumerated() {
            guard case .read(let read) = reader.read(pasted(row, of: strip, into: zone, on: page), id: PageID(file: Self.file, page: 0)) else {
                Issue.record("row \(row) not read")
                continue
            }
            let date = try #require(read[field: "birth_date"])
            #expect(date.value == .text(expected), "row \(row): read \(date.raw)")
            #expect(date.secondRead == date.value, "row \(row): second read \(String(describing: date.secondRead))")
            #expect(!date.reasons.contains { ["unreadable", "reads_disagree"].contains($0.code) }, "row \(row): \(date.reasons.map(\.code))")
        }
    }

    /// A digits whitelist lets the engine read only digits, so 通 became a 3 and `１通` was read,
    /// confirmed and accepted as 13 copies. The Japanese model's read without the whitelist sees
    /// the 通 and only the 1 as a digit.
    @Test("１通 written in 必要な通数 is not accepted as 13: the unrestricted read disagrees")
    func unitWrittenInDigits() throws {
        let (reader, page, plain, strip) = try fixture()
        let copies = try #require(plain[field: "copies"])
        #expect(copies.status == .accepted, "the sample's own value: \(copies.reasons.map(\.code))")
        guard case .read(let read) = reader.read(pasted(3, of: strip, into: copies.zone, on: page), id: PageID(file: Self.file, page: 0)) else {
            Issue.record("page not read with １通 written")
            return
        }
        let written = try #require(read[field: "copies"])
        #expect(written.status != .accepted, "read \(written.raw), second read \(String(describing: written.secondRead))")
        #expect(written.reasons.contains { $0.code == "reads_disagree" }, "\(written.reasons.map(\.code))")
    }

    /// フリガナ typed small: at 3 mm in a serif font each stroke of a 濁点 is a few pixels, under
    /// the speck filter's 14, and was cleaned away: ヤマダ read ヤマタ by every read and accepted.
    @Test("Small フリガナ keeps its 濁点: ヤマダ タロウ at 3 mm is read as written")
    func smallKanaKeepDakuten() throws {
        let (reader, page, plain, strip) = try fixture()
        let zone = try #require(plain[field: "furigana"]).zone
        guard case .read(let read) = reader.read(pasted(4, of: strip, into: zone, on: page), id: PageID(file: Self.file, page: 0)) else {
            Issue.record("page not read with small フリガナ")
            return
        }
        let furigana = try #require(read[field: "furigana"])
        #expect(furigana.value == .text("ヤマダ タロウ"), "read \(furigana.raw)")
        #expect(furigana.value != .text("ヤマタ タロウ") || furigana.status != .accepted, "the 濁点 lost and accepted")
    }

    /// The sample page's 氏名 as read with each of the fixture's `rows` in its zone.
    private func nameFields(pasting rows: [Int]) throws -> [FieldRead] {
        let (reader, page, plain, strip) = try fixture()
        let zone = try #require(plain[field: "name"]).zone
        return try rows.map { row in
            guard case .read(let read) = reader.read(pasted(row, of: strip, into: zone, on: page), id: PageID(file: Self.file, page: 0)) else {
                throw CocoaError(.fileReadCorruptFile)
            }
            return try #require(read[field: "name"])
        }
    }

    /// Many applicants write 姓 and 名 as one word. Read so, with no gap in the ink wide enough
    /// for a space, the name is what was written and is accepted as it is; it went to review
    /// (`name_unsplit`) as though the reads had lost a space.
    @Test("A name written as one word (木村健太) is accepted as written; one with a space keeps it")
    func nameWrittenAsOneWord() throws {
        for (name, written) in zip(try nameFields(pasting: [8, 9]), ["木村健太", "木村 健太"]) {
            #expect(name.value == .text(written), "read \(name.raw)")
            #expect(name.status == .accepted, "\(written) read \(name.raw): \(name.reasons.map(\.code))")
        }
    }

    /// 紘 and 碓 are in neither Japanese model: every read gives the nearest kanji the models
    /// have (統一, 確井), sure of it, so the reads agree. Those kanji are rare in names, so the
    /// name goes to a person instead of being imported as read.
    @Test("山本 紘一 and 碓井 健太, whose 紘 and 碓 the models do not have, go to review")
    func nameKanjiNotInModels() throws {
        for (name, written) in zip(try nameFields(pasting: [5, 6]), ["山本 紘一", "碓井 健太"]) {
            #expect(name.value != .text(written), "\(written): the models cannot output it, read \(name.raw)")
            #expect(name.status != .accepted, "\(written) read \(name.raw), accepted")
            #expect(name.reasons.contains { $0.code == "name_look_alike" }, "\(written) read \(name.raw): \(name.reasons.map(\.code))")
        }
    }

    /// A 9 in IPA Gothic at 4.4 mm (row 7), alone in a comb box: with the box's 1 mm of white
    /// around it Tesseract's LSTM read nothing in it as a character, a word or a raw line, so
    /// every box was `comb_box_unclear` and the 郵便番号 went to a person. Read again with twice
    /// the white, each box gives its 9, and the boxes read side by side agree.
    @Test("郵便番号 boxes each holding a 9 that Tesseract reads only with more white around it are read")
    func combBoxNines() throws {
        let (reader, page, plain, strip) = try fixture()
        let template = try TemplateLoader.load(path: SampleCorpus.templates[0])
        let spec = try #require(template.pages[0].fields.first { $0.name == "postal_code" })
        let zone = try #require(plain[field: "postal_code"]).zone
        // The 9's ink in row 7.
        var ink = (minX: Int.max, maxX: Int.min, minY: Int.max, maxY: Int.min)
        for y in 910..<1040 {
            for x in 0..<strip.width where strip[x, y] < 128 {
                ink = (min(ink.minX, x), max(ink.maxX, x), min(ink.minY, y), max(ink.maxY, y))
            }
        }
        let mm = 300 / 25.4
        var scan = page
        for box in spec.boxes {
            let left = zone.x + Int(((box.x - spec.zone.x) * mm).rounded()), top = zone.y + Int(((box.y - spec.zone.y) * mm).rounded())
            let width = Int((box.width * mm).rounded()), height = Int((box.height * mm).rounded())
            for y in (top + 8)..<(top + height - 8) {
                for x in (left + 8)..<(left + width - 8) { scan[x, y] = 255 }
            }
            let x0 = left + (width - (ink.maxX - ink.minX + 1)) / 2, y0 = top + (height - (ink.maxY - ink.minY + 1)) / 2
            for y in ink.minY...ink.maxY {
                for x in ink.minX...ink.maxX { scan[x0 + x - ink.minX, y0 + y - ink.minY] = strip[x, y] }
            }
        }
        guard case .read(let read) = reader.read(scan, id: PageID(file: Self.file, page: 0)) else {
            Issue.record("page not read with 9s in the 郵便番号 boxes")
            return
        }
        let postal = try #require(read[field: "postal_code"])
        #expect(postal.value == .text("9999999"), "read \(postal.raw)")
        #expect(!postal.reasons.contains { $0.code == "comb_box_unclear" }, "\(postal.reasons.map(\.code))")
        #expect(postal.status == .accepted, "read \(postal.raw), second read \(String(describing: postal.secondRead)): \(postal.reasons.map(\.code))")
    }
}
