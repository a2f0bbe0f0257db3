import YomitoriYAML
import Foundation
import Testing
import YomitoriExport
import YomitoriResults

/// Fixed-width records: widths in bytes of the output encoding, never a cut value.
@Suite("Fixed width")
struct FixedWidthGoldenTests {
    static func yaml(encoding: String, nameWidth: Int = 20, extra: String = "") -> String {
        """
        format: fixed
        encoding: \(encoding)
        newline: crlf
        \(extra)
        columns:
          - {name: 申請日, field: apply_date, format: yyyymmdd}
          - {name: 氏名, field: claimant_name, normalize: [nfkc, collapse_spaces]}
          - {name: 種目, field: account_type, map: {普通: "1", 当座: "2"}}
          - {name: 口座番号, field: account_number}
          - {name: 備考, field: remarks}
        fixed:
          - {column: 申請日, width: 8}
          - {column: 氏名, width: \(nameWidth), align: left, pad: " "}
          - {column: 種目, width: 1}
          - {column: 口座番号, width: 7, align: right, pad: "0"}
          - {column: 備考, width: 12, align: left, pad: "　"}
        """
    }

    @Test("CP932: a kanji is 2 bytes; every record has the same byte length")
    func cp932() throws {
        let extra = "on_unencodable: substitute\nsubstitutions: {\"𠮷\": \"吉\", \"㋿\": \"令和\"}"
        let (bytes, report) = try ImportFileBuilder.render(Fixtures.pages, mapping: mapping(Self.yaml(encoding: "cp932", extra: extra)),
                                                           context: testContext)
        try expectGolden(bytes, "fixed_cp932.txt")
        #expect(report.recordsWritten == 3)
        let records = bytes.split(separator: 0x0A).map { $0.dropLast() }  // drop the CR
        #expect(records.map(\.count) == [48, 48, 48])
        // 山田 太郎 = 9 bytes + 11 spaces; 口座番号 right-aligned with zeros.
        #expect(Array(records[0].prefix(29)) == Array("20260610".utf8) + [0x8E, 0x52, 0x93, 0x63, 0x20, 0x91, 0xBE, 0x98, 0x59]
                + [UInt8](repeating: 0x20, count: 11) + [0x31])
        #expect(Array(records[0][29..<36]) == Array("0012345".utf8))
        // 備考: empty → six full-width spaces (81 40).
        #expect(Array(records[0][36...]) == [UInt8](repeating: 0, count: 6).flatMap { _ in [0x81, 0x40] })
    }

    @Test("UTF-8: a kanji is 3 bytes, so the same name needs a wider column")
    func utf8() throws {
        let (bytes, report) = try ImportFileBuilder.render(Fixtures.pages, mapping: mapping(Self.yaml(encoding: "utf-8", nameWidth: 20)),
                                                           context: testContext)
        try expectGolden(bytes, "fixed_utf8.txt")
        #expect(report.recordsWritten == 2)
        // ㋿元年申請 is 15 bytes in UTF-8, over the 12 of 備考.
        let overflow = try #require(report.review.first { $0.page == "batch/scan-002.png#1" })
        #expect(overflow.problems == [RecordProblem(code: .overflow, column: "備考", detail: "15 bytes, width 12")])
    }

    @Test("a value wider than its column goes to review, never cut (no half kanji)")
    func overflow() throws {
        let (bytes, report) = try ImportFileBuilder.render([Fixtures.pages[0]], mapping: mapping(Self.yaml(encoding: "cp932", nameWidth: 8)),
                                                           context: testContext)
        #expect(bytes.isEmpty)
        #expect(report.review.first?.problems == [RecordProblem(code: .overflow, column: "氏名", detail: "9 bytes, width 8")])
    }

    @Test("a two-byte pad that cannot fill an odd gap goes to review")
    func misalignedPadding() throws {
        var first = Fixtures.pages[0]
        first.fields[5] = field("remarks", "A")  // 1 byte, 11 left, pad is 2 bytes
        let (_, report) = try ImportFileBuilder.render([first], mapping: mapping(Self.yaml(encoding: "cp932")), context: testContext)
        #expect(report.review.first?.problems == [
            RecordProblem(code: .misalignedPadding, column: "備考", detail: "11 bytes left, pad is 2 bytes"),
        ])
    }

    @Test("every column needs a fixed entry, and every entry a column")
    func entriesChecked() {
        let yaml = Self.yaml(encoding: "cp932").replacingOccurrences(of: "  - {column: 種目, width: 1}\n", with: "")
            .replacingOccurrences(of: "{column: 備考,", with: "{column: 備考欄,")
        let messages = mappingErrors(yaml).map(\.message)
        #expect(messages.contains("fixed entry 4 names column '備考欄', which is not in columns; did you mean '備考'?"))
        #expect(messages.contains("column '種目' has no fixed entry (every column needs a byte width)"))
    }
}
