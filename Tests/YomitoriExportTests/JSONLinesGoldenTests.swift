import YomitoriYAML
import Foundation
import Testing
import YomitoriExport
import YomitoriResults

/// JSON Lines: one object per accepted page, compared with a golden file and read back with
/// Foundation's JSON parser.
@Suite("JSON Lines")
struct JSONLinesGoldenTests {
    @Test("fields and mapped columns, UTF-8, LF")
    func withColumns() throws {
        let yaml = "format: jsonl\n" + Fixtures.columns
        let (bytes, report) = try ImportFileBuilder.render(Fixtures.pages, mapping: mapping(yaml), context: testContext)
        try expectGolden(bytes, "records.jsonl")
        #expect(report.recordsWritten == 3)  // UTF-8 carries 𠮷 and ㋿; 貯蓄 is still unmapped
        #expect(report.review.map(\.page) == ["batch/scan-005.png#1"])

        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        #expect(lines.count == 4 && lines.last?.isEmpty == true)
        let first = try #require(JSONSerialization.jsonObject(with: Data(lines[1])) as? [String: Any])
        #expect(first["run"] as? String == "R1")
        #expect(first["source_file"] as? String == "batch/scan-001.png")
        #expect(first["source_page"] as? Int == 2)
        #expect(first["template"] as? String == "b_jido_koza")
        let fields = try #require(first["fields"] as? [String: Any])
        #expect(fields["address"] as? String == "大阪府大阪市北区梅田1丁目, \"梅田ビル\" 3F\n(地下)")
        #expect(fields["remarks"] is NSNull)
        #expect(fields["apply_date"] as? String == "2026-06-09", "the normalised value, not the value as read")
        let columns = try #require(first["columns"] as? [String: Any])
        #expect(columns["申請日"] as? String == "令和8年6月9日")
        #expect(columns["口座番号"] as? String == "7654321")
    }

    @Test("without columns: run, source and fields only; checkbox lists and ticks keep their JSON type")
    func fieldsOnly() throws {
        var pages = [Fixtures.pages[0]]
        pages[0].fields.append(FieldRead(name: "purpose", type: "checkbox", value: .list(["年金手続", "その他"]), raw: "",
                                         confidence: 1, zone: pages[0].fields[0].zone, status: .accepted))
        pages[0].fields.append(FieldRead(name: "agree", type: "checkbox", value: .bool(true), raw: "", confidence: 1,
                                         zone: pages[0].fields[0].zone, status: .accepted))
        let (bytes, _) = try ImportFileBuilder.render(pages, mapping: mapping("format: jsonl"), context: testContext)
        try expectGolden(bytes, "fields_only.jsonl")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\"purpose\":[\"年金手続\",\"その他\"],\"agree\":true}}\n"))
        #expect(!text.contains("\"columns\""))
    }

    @Test("control characters are escaped, nothing else is")
    func escaping() throws {
        let pages = [page("a/b.png", template: "t", [field("x", "タブ\tと\u{1}と\\と/と\u{2028}")])]
        let (bytes, _) = try ImportFileBuilder.render(pages, mapping: mapping("format: jsonl\ninclude_fields: true"),
                                                      context: testContext)
        #expect(String(decoding: bytes, as: UTF8.self).contains(#""x":"タブ\tと\u0001と\\と/と\u2028""#))
    }

    @Test("a masked sensitive value is never exported as if it were the value")
    func maskedSensitive() throws {
        let pages = [page("a.png", template: "c_tennyu", [field("my_number", "********0257", sensitive: true)])]
        let (bytes, report) = try ImportFileBuilder.render(pages, mapping: mapping("format: jsonl"), context: testContext)
        #expect(bytes.isEmpty)
        #expect(report.review.first?.problems.map(\.code) == [.maskedValue])
    }

    @Test("JSON Lines is UTF-8 only")
    func utf8Only() {
        #expect(mappingErrors("format: jsonl\nencoding: cp932").map(\.code) == [.invalidValue])
    }
}
