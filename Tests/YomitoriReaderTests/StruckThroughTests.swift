import Foundation
import Testing
import YomitoriOCR
import YomitoriReader
import YomitoriResults
import YomitoriVision

@Suite("A value struck out on the scan goes to a person (real Tesseract)")
struct StruckThroughTests {
    /// A clerk or applicant corrects a value by striking it out with a double line (二重線) and
    /// writing the right one elsewhere; what is read under the lines must not be imported as it is.
    @Test("A phone number struck out with a double line is reviewed with struck_through; the other fields are not")
    func phoneStruckOut() throws {
        let reader = try SampleCorpus.reader()
        let file = "a_juminhyo-clean-01.png"
        var scan = try ScanFile(path: SampleCorpus.scans.appendingPathComponent(file).path).page(0)
        guard case .read(let plain) = reader.read(scan, id: PageID(file: file, page: 0)) else {
            Issue.record("\(file) not read")
            return
        }
        let phone = try #require(plain[field: "phone"])
        #expect(phone.status == .accepted, "\(phone.reasons.map(\.code))")
        #expect(!plain.fields.contains { $0.reasons.contains { $0.code == "struck_through" } })

        // Two lines 16 px apart through the middle of the zone, over the number's length.
        let mid = phone.zone.y + phone.zone.height / 2
        for y in [mid - 9, mid - 8, mid - 7, mid + 7, mid + 8, mid + 9] {
            for x in (phone.zone.x + 20)..<(phone.zone.x + 560) { scan[x, y] = 25 }
        }
        guard case .read(let struck) = reader.read(scan, id: PageID(file: file, page: 0)) else {
            Issue.record("\(file) not read with the phone struck out")
            return
        }
        let reviewed = try #require(struck[field: "phone"])
        #expect(reviewed.status != .accepted)
        #expect(reviewed.reasons.contains { $0.code == "struck_through" }, "\(reviewed.reasons.map(\.code))")
        #expect(struck.fields.filter { $0.reasons.contains { $0.code == "struck_through" } }.map(\.name) == ["phone"])
    }
}
