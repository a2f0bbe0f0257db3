import YomitoriHashing
import YomitoriYAML
import Foundation
import Testing
import YomitoriExport
import YomitoriResults

/// 全銀 総合振込 files: the published test vector of jp-formats §1.6, byte for byte, and records
/// that must go to review instead of being cut or mangled.
@Suite("全銀 総合振込")
struct ZenginTests {
    /// The §1.6 header configuration and data items taken from page fields.
    static func vectorMapping(newline: String = "crlf") -> String {
        """
        format: zengin
        newline: \(newline)
        zengin:
          type_code: "21"
          code_division: "0"
          requester_code: "1234567890"
          requester_name: ｻﾝﾌﾟﾙｼ ｺﾄﾞﾓｶﾃｲｶ
          transfer_date: "0610"
          bank_code: "0001"
          bank_name: ﾐｽﾞﾎ
          branch_code: "001"
          branch_name: ﾄｳｷﾖｳ
          account_type: "1"
          account_number: "1234567"
          fields:
            bank_code: bank_code
            bank_name: bank_kana
            branch_code: branch_code
            branch_name: branch_kana
            account_type: {field: account_type, map: {普通: "1", 当座: "2"}}
            account_number: {field: account_number, normalize: [digits_only]}
            recipient_name: account_holder
            amount: {field: amount, normalize: [digits_only]}
            edi: edi
        """
    }

    /// The two payees of §1.6, as OCR and validation would leave them (full-width kana, small ュ).
    static let vectorPages = [
        page("scan1.png", template: "b_jido_koza", [
            field("bank_code", "0009"), field("bank_kana", "ミツイスミトモ"), field("branch_code", "001"),
            field("branch_kana", "ジンボウチョウ"), field("account_type", "普通"), field("account_number", "0012345"),
            field("account_holder", "キュウヨ　イチロウ"), field("amount", "15,000"), field("edi", ""),
        ]),
        page("scan2.png", template: "b_jido_koza", [
            field("bank_code", "9900"), field("bank_kana", "ユウチヨ"), field("branch_code", "238"),
            field("branch_kana", "ニサンハチ"), field("account_type", "普通"), field("account_number", "1234567"),
            field("account_holder", "ﾔﾏﾀﾞ ﾊﾅｺ"), field("amount", "30000"), field("edi", "JIDOUTEATE R8-06"),
        ]),
    ]

    @Test("§1.6 vector with CRLF: 610 bytes, published SHA-256")
    func vectorWithLineBreaks() throws {
        let (bytes, report) = try ImportFileBuilder.render(Self.vectorPages, mapping: mapping(Self.vectorMapping()),
                                                           context: testContext)
        #expect(report.recordsWritten == 2 && report.isComplete)
        #expect(bytes.count == 610)
        #expect(SHA256.hex(bytes) == "3699bdf2fd93f626b6073dcd7010285cf20839236380837b773436d682cf3dc5")
        #expect(Array(bytes.prefix(24)) == [0x31, 0x32, 0x31, 0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38,
                                            0x39, 0x30, 0xBB, 0xDD, 0xCC, 0xDF, 0xD9, 0xBC, 0x20, 0xBA, 0xC4, 0xDE])
        try ZenginLayoutCheck.check(bytes, lineBreaks: true, expectedTotal: 45000)
        try expectGolden(bytes, "zengin_crlf.txt")
    }

    @Test("§1.6 vector without line breaks: 600 bytes, published SHA-256")
    func vectorWithoutLineBreaks() throws {
        let (bytes, _) = try ImportFileBuilder.render(Self.vectorPages, mapping: mapping(Self.vectorMapping(newline: "none")),
                                                      context: testContext)
        #expect(bytes.count == 600)
        #expect(SHA256.hex(bytes) == "7434fdfabb4e322e48c1732a4d529eb98059a0f2d371d343b43bcffee9d73ca8")
        try ZenginLayoutCheck.check(bytes, lineBreaks: false, expectedTotal: 45000)
        try expectGolden(bytes, "zengin_none.txt")
    }

    @Test("LF alone is refused when the mapping is loaded")
    func lfRefused() {
        let errors = mappingErrors(Self.vectorMapping(newline: "lf"))
        #expect(errors.map(\.code) == [.invalidValue])
        #expect(errors.first?.line == 2)
    }

    @Test("the run's transfer date replaces the mapping's")
    func transferDateOverride() throws {
        var context = testContext
        context.transferDate = "0701"
        let (bytes, _) = try ImportFileBuilder.render(Self.vectorPages, mapping: mapping(Self.vectorMapping()), context: context)
        #expect(String(decoding: bytes[54..<58], as: UTF8.self) == "0701")
        context.transferDate = "1332"
        #expect(throws: ExportError.self) {
            _ = try ImportFileBuilder.render(Self.vectorPages, mapping: mapping(Self.vectorMapping()), context: context)
        }
    }

    /// Pages whose records must not be written, and the problem each one must report.
    @Test(arguments: [
        ("account_holder", "ヤマダ タロウ ヤマダ タロウ ヤマダ タロウ ヤマダ", "zengin_kana"),  // 35 bytes: never cut
        ("account_holder", "山田 太郎", "zengin_kana"),  // kanji: the フリガナ is needed
        ("account_holder", "", "missing_value"),
        ("amount", "0", "zero_amount"),
        ("amount", "12345678901", "overflow"),
        ("amount", "", "missing_value"),
        ("account_number", "12345678", "overflow"),
        ("account_type", "貯蓄", "unmapped_value"),
        ("bank_code", "00O9", "not_numeric"),
        ("edi", "児童手当", "zengin_kana"),
        ("edi", "JIDOUTEATE R8-06 EXTRA", "overflow"),
        ("edi", nil, "unknown_field"),  // the page has no such field: template and mapping disagree
    ] as [(String, String?, String)])
    func recordGoesToReview(name: String, value: String?, code: String) throws {
        var pages = Self.vectorPages
        pages[1].fields = pages[1].fields.filter { $0.name != name }
        if let value { pages[1].fields.append(field(name, value)) }
        let (bytes, report) = try ImportFileBuilder.render(pages, mapping: mapping(Self.vectorMapping()), context: testContext)
        #expect(report.recordsWritten == 1)
        #expect(report.review.count == 1)
        #expect(report.review.first?.page == "scan2.png#1")
        #expect(report.review.first?.problems.map(\.code.rawValue).contains(code) == true, "\(report.review)")
        // The file stays consistent: one data record, trailer counts and sums only that one.
        try ZenginLayoutCheck.check(bytes, lineBreaks: true, expectedTotal: 15000)
    }

    @Test("a name that is too long is reported with its length, not its text")
    func tooLongNameReport() throws {
        var pages = Self.vectorPages
        pages[0].fields[6] = field("account_holder", "ジュゲムジュゲム ゴコウノスリキレ カイジャリスイギョ", sensitive: false)
        let (_, report) = try ImportFileBuilder.render(pages, mapping: mapping(Self.vectorMapping()), context: testContext)
        let problem = try #require(report.review.first?.problems.first)
        #expect(problem.code == .zenginKana && problem.column == "recipient_name")
        #expect(problem.detail == "34 bytes, limit 30; never truncated")
        #expect(problem.character == nil)
    }

    @Test("pages not accepted are skipped with their status; the trailer counts only records")
    func skippedPages() throws {
        var pages = Self.vectorPages
        pages[0].status = .review
        pages[0].fields[0].reasons = [Reason(code: "low_confidence", field: "bank_code", ja: "", en: "")]
        let (bytes, report) = try ImportFileBuilder.render(pages, mapping: mapping(Self.vectorMapping()), context: testContext)
        #expect(report.skipped == [.init(page: "scan1.png#1", status: "review", reasons: ["low_confidence"])])
        try ZenginLayoutCheck.check(bytes, lineBreaks: true, expectedTotal: 30000)
    }
}
