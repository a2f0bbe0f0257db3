import Foundation
import Testing
import YomitoriResults
import YomitoriTemplate
import YomitoriText
@testable import YomitoriValidation

/// The catalogue: every code has both messages, and no message ever carries the value.
@Suite struct ReasonMessageTests {
    @Test(arguments: ReasonCode.all)
    func everyCodeHasAJapaneseAndAnEnglishMessageNamingTheField(code: ReasonCode) {
        let subject = ReasonCatalogue.Subject(name: "birth_date", label: "生年月日")
        let (ja, en) = ReasonCatalogue.message(code, subject, .none)
        #expect(!ja.isEmpty && !en.isEmpty)
        if ![.templateMismatch, .weakFormMatch].contains(code) {
            #expect(ja.contains("生年月日"), "\(code): \(ja)")
            #expect(en.contains("生年月日 (birth_date)"), "\(code): \(en)")
        }
        // The fallback for unknown notes is not used for a catalogued code.
        #expect(!ja.contains("注記"), "\(code)")
    }

    @Test func theGuideListsEveryCode() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let guide = try String(contentsOf: root.appendingPathComponent("docs/templates.md"), encoding: .utf8)
        let table = try #require(guide.components(separatedBy: "### Reason codes").last)
        for code in ReasonCode.all {
            #expect(table.contains("`\(code.rawValue)`"), "\(code) is not in docs/templates.md")
        }
    }

    @Test func codesAreUniqueAndSnakeCase() {
        #expect(Set(ReasonCode.all).count == ReasonCode.all.count)
        let allowed = Set("abcdefghijklmnopqrstuvwxyz_")
        #expect(ReasonCode.all.allSatisfy { $0.rawValue.allSatisfy(allowed.contains) })
    }

    @Test func aFieldWithoutALabelIsNamedByItsName() {
        let subject = ReasonCatalogue.Subject(name: "copies", label: "")
        #expect(ReasonCatalogue.message(.requiredMissing, subject, .none) == ("copiesが記入されていません（必須項目）", "copies: required but blank"))
    }

    // MARK: - Personal data

    /// A 個人番号 field that fails in every way a field can, with its value and second read.
    @Test(arguments: ["123456789012", "12345678901", "1234567890123", "12345678901A"])
    func noReasonContainsASensitiveValue(value: String) throws {
        let line = field("my_number", "comb", "label: 個人番号, count: 12, whitelist: \"0123456789\", threshold: 0.99, "
                         + "rules: [{length: 12}, {regex: \"^[0-9]+$\"}, {one_of: [\"621498320257\"]}]")
        let fields = [line, field("other", "comb", "count: 12", y: 40)].joined(separator: "\n")
        let validator = Validator(template: try template(fields: fields, rules: "    - equal: [my_number, other]"))
        let decided = validator.decide(try page([
            read("my_number", "comb", text(value), confidence: 0.5, notes: ["comb_gap", "comb_box_unclear"], sensitive: true,
                 secondRead: text("621498320257")),
            read("other", "comb", text("621498320257")),
        ]), today: today)
        let field = decided.fields[0]
        #expect(field.status == .invalid)
        #expect(field.reasons.count >= 5)
        let texts = (field.reasons + decided.reasons).flatMap { [$0.ja, $0.en, $0.code, $0.field ?? ""] }
        for text in texts {
            #expect(!text.contains(value), "\(text)")
            #expect(!text.contains(String(value.suffix(4))), "\(text)")
            #expect(!text.contains("621498320257"), "\(text)")
        }
    }

    @Test func sensitiveDatesAndNamesAreNotQuotedEither() throws {
        let fields = [field("name", "katakana", "sensitive: true, rules: [{length: 2}]", y: 20),
                      field("birth", "date", "sensitive: true, rules: [{date: {not_future: true}}]", y: 40)]
            .joined(separator: "\n")
        let validator = Validator(template: try template(fields: fields))
        let decided = validator.decide(try page([
            read("name", "katakana", text("ヤマダ"), sensitive: true),
            read("birth", "date", text("2030-01-02"), raw: "令和12年1月2日", sensitive: true),
        ]), today: today)
        #expect(decided.status == .invalid)
        for reason in decided.fields.flatMap(\.reasons) {
            for forbidden in ["ヤマダ", "2030", "令和12", "1月2日"] {
                #expect(!reason.ja.contains(forbidden) && !reason.en.contains(forbidden), "\(reason)")
            }
        }
    }
}
