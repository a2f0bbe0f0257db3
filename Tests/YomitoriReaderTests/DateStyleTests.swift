import Foundation
import Testing
import YomitoriOCR
import YomitoriReader
import YomitoriResults
import YomitoriVision

@Suite("Dates written with an era's initial (real Tesseract)")
struct DateStyleTests {
    /// `R7.5.16`, `H31/4/30`, `S58.4.1`: the short style many people write, which the date
    /// whitelist once left the engine no letter for (read `7.5.16`, sent to review as unreadable).
    @Test("R7.5.16, H31/4/30 and S58.4.1 in a sample page's birth date are read and confirmed")
    func eraInitials() throws {
        let reader = try SampleCorpus.reader()
        let file = "a_juminhyo-clean-01.png"
        let page = try ScanFile(path: SampleCorpus.scans.appendingPathComponent(file).path).page(0)
        guard case .read(let plain) = reader.read(page, id: PageID(file: file, page: 0)) else {
            Issue.record("\(file) not read")
            return
        }
        let zone = try #require(plain[field: "birth_date"]).zone
        let strip = try ScanFile(path: SampleCorpus.root.appendingPathComponent("Tests/Fixtures/date-styles.png").path).page(0)
        for (row, expected) in ["2025-05-16", "2019-04-30", "1983-04-01"].enumerated() {
            // The zone's inside made white, then the row's writing put at its left.
            var scan = page
            for y in (zone.y + 12)..<(zone.maxY - 12) {
                for x in (zone.x + 12)..<(zone.maxX - 12) { scan[x, y] = 255 }
            }
            let top = zone.y + zone.height / 2 - 65
            for y in 0..<130 {
                for x in 0..<min(strip.width, zone.width - 24) { scan[zone.x + 12 + x, top + y] = strip[x, 130 * row + y] }
            }
            guard case .read(let read) = reader.read(scan, id: PageID(file: file, page: 0)) else {
                Issue.record("row \(row) not read")
                continue
            }
            let date = try #require(read[field: "birth_date"])
            #expect(date.value == .text(expected), "row \(row): read \(date.raw)")
            #expect(date.secondRead == date.value, "row \(row): second read \(String(describing: date.secondRead))")
            #expect(!date.reasons.contains { ["unreadable", "reads_disagree"].contains($0.code) }, "row \(row): \(date.reasons.map(\.code))")
        }
    }
}
