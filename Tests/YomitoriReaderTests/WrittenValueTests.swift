import Foundation
import Testing
import YomitoriOCR
import YomitoriReader
import YomitoriResults
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

    /// 紘 and 碓 are in neither Japanese model: every read gives the nearest kanji the models
    /// have (統一, 確井), sure of it, so the reads agree. Those kanji are rare in names, so the
    /// name goes to a person instead of being imported as read.
    @Test("山本 紘一 and 碓井 健太, whose 紘 and 碓 the models do not have, go to review")
    func nameKanjiNotInModels() throws {
        let (reader, page, plain, strip) = try fixture()
        let zone = try #require(plain[field: "name"]).zone
        for (row, written) in [(5, "山本 紘一"), (6, "碓井 健太")] {
            guard case .read(let read) = reader.read(pasted(row, of: strip, into: zone, on: page), id: PageID(file: Self.file, page: 0)) else {
                Issue.record("page not read with \(written)")
                continue
            }
            let name = try #require(read[field: "name"])
            #expect(name.value != .text(written), "\(written): the models cannot output it, read \(name.raw)")
            #expect(name.status != .accepted, "\(written) read \(name.raw), accepted")
            #expect(name.reasons.contains { $0.code == "name_look_alike" }, "\(written) read \(name.raw): \(name.reasons.map(\.code))")
        }
    }
}
