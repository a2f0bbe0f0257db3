import Foundation
import Testing
import YomitoriExport
import YomitoriResults

/// CSV and TSV in every encoding, compared byte for byte with golden files.
@Suite("CSV and TSV")
struct DelimitedGoldenTests {
    static func render(_ yaml: String) throws -> (bytes: [UInt8], report: ExportReport) {
        try ImportFileBuilder.render(Fixtures.pages, mapping: mapping(yaml), context: testContext)
    }

    @Test("UTF-8, CRLF: every accepted page, RFC 4180 quoting")
    func utf8() throws {
        let (bytes, report) = try Self.render(Fixtures.delimited(encoding: "utf-8"))
        try expectGolden(bytes, "csv_utf8_crlf.csv")
        #expect(report.recordsWritten == 3)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("受付番号,申請日,氏名,"))
        #expect(text.contains("\r\n2,令和8年6月9日,表 ソノ子,01,2,7654321,\"大阪府大阪市北区梅田1丁目, \"\"梅田ビル\"\" 3F\n(地下)\",,2026-06-10\r\n"))
        #expect(text.contains("1,令和元年5月1日,𠮷田 はな,01,1,0000001,福岡県福岡市中央区天神〜2,㋿元年申請,2026-06-10\r\n"))
    }

    @Test("UTF-8 with BOM, LF")
    func utf8BOM() throws {
        let (bytes, _) = try Self.render(Fixtures.delimited(encoding: "utf-8-bom", extra: "newline: lf"))
        try expectGolden(bytes, "csv_utf8bom_lf.csv")
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(!bytes.contains(0x0D))
    }

    @Test("CP932, unencodable → review: the page with 𠮷 and ㋿ goes to review, nothing is replaced")
    func cp932Review() throws {
        let (bytes, report) = try Self.render(Fixtures.delimited(encoding: "cp932"))
        try expectGolden(bytes, "csv_cp932_review.csv")
        #expect(report.recordsWritten == 2)
        let problems = try #require(report.review.first { $0.page == "batch/scan-002.png#1" }).problems
        #expect(problems == [
            RecordProblem(code: .unencodable, column: "氏名", character: "𠮷", scalars: "U+20BB7", detail: "not in cp932"),
            RecordProblem(code: .unencodable, column: "備考", character: "㋿", scalars: "U+32FF", detail: "not in cp932"),
        ])
        #expect(!bytes.contains(0x3F), "no '?' anywhere: nothing was written lossily")
        // 表 (95 5C) and ソ (83 5C) keep their 0x5C trail byte, unescaped.
        #expect(bytes.firstRange(of: [0x95, 0x5C, 0x20, 0x83, 0x5C, 0x83, 0x6D, 0x8E, 0x71]) != nil)
    }

    @Test("CP932, unencodable → substitute: declared substitutions are used and reported")
    func cp932Substitute() throws {
        let extra = "on_unencodable: substitute\nsubstitutions: {\"𠮷\": \"吉\", \"㋿\": \"令和\", \"髙\": \"高\"}"
        let (bytes, report) = try Self.render(Fixtures.delimited(encoding: "cp932", extra: extra))
        try expectGolden(bytes, "csv_cp932_substitute.csv")
        #expect(report.recordsWritten == 3)
        #expect(report.substitutions == [
            .init(page: "batch/scan-002.png#1", column: "氏名", from: "𠮷", to: "吉"),
            .init(page: "batch/scan-002.png#1", column: "備考", from: "㋿", to: "令和"),
        ])
    }

    @Test("CP932, substitute: a character without a substitution still sends the record to review")
    func cp932SubstituteMissing() throws {
        let extra = "on_unencodable: substitute\nsubstitutions: {\"𠮷\": \"吉\"}"
        let (_, report) = try Self.render(Fixtures.delimited(encoding: "cp932", extra: extra))
        #expect(report.recordsWritten == 2)
        let record = try #require(report.review.first { $0.page == "batch/scan-002.png#1" })
        #expect(record.problems.map(\.character) == ["㋿"])
        #expect(report.substitutions.isEmpty, "a record that is not written reports no substitution")
    }

    @Test("TSV, CP932, no header, every cell quoted")
    func tsv() throws {
        let extra = "header: false\nquote: all\non_unencodable: substitute\nsubstitutions: {\"𠮷\": \"吉\", \"㋿\": \"令和\"}"
        let (bytes, _) = try Self.render(Fixtures.delimited("tsv", encoding: "cp932", extra: extra))
        try expectGolden(bytes, "tsv_cp932_quoted.tsv")
        #expect(bytes.prefix(4) == [0x22, 0x31, 0x22, 0x09])
    }

    @Test("every page is accounted for: records, skipped pages, records to review")
    func accounting() throws {
        let (_, report) = try Self.render(Fixtures.delimited(encoding: "cp932"))
        #expect(report.pagesRead == 6)
        #expect(report.recordsWritten + report.skipped.count + report.review.count == 6)
        #expect(report.skipped == [
            .init(page: "batch/scan-003.png#1", status: "review", reasons: ["reads_disagree"]),
            .init(page: "batch/scan-004.png#1", status: "unvalidated", reasons: []),
        ])
        #expect(report.review.map(\.page) == ["batch/scan-002.png#1", "batch/scan-005.png#1"])
        #expect(report.review[1].problems == [
            RecordProblem(code: .unmappedValue, column: "預金種目", detail: "value not in map"),
        ])
    }
}
