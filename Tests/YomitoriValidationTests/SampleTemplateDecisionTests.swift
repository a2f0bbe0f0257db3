import Foundation
import Testing
import YomitoriResults
import YomitoriTemplate
import YomitoriText
@testable import YomitoriValidation

/// The sample 転入届 template (`samples/templates/c_tennyu.yaml`) deciding realistic pages.
@Suite struct SampleTemplateDecisionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func validator() throws -> Validator {
        Validator(template: try TemplateLoader.load(path: root.appendingPathComponent("samples/templates/c_tennyu.yaml").path))
    }

    /// A well-filled 転入届, with some fields replaced.
    static func tennyu(_ changes: [String: FieldRead] = [:]) throws -> PageRead {
        let fields = [
            read("notify_date", "date", text("2026-06-08"), raw: "令和8年6月8日"),
            read("move_date", "date", text("2026-06-01"), raw: "令和8年6月1日"),
            read("new_address", "text", text("東京都千代田区霞が関1-1-1")),
            read("new_postal_code", "comb", text("1000013")),
            read("old_address", "text", text("大阪府大阪市北区1-1")),
            read("householder", "text", text("山田 太郎")),
            read("furigana", "katakana", text("ヤマダ　タロウ")),
            read("name", "text", text("山田 太郎")),
            read("birth_date", "date", text("1980-04-01"), raw: "昭和55年4月1日"),
            read("sex", "choice", text("男")),
            read("relationship", "choice", text("本人")),
            read("my_number", "comb", text("123456789018"), sensitive: true),
            read("phone", "phone", text("03-1234-5678")),
            read("email", "email", text("")),
        ]
        return try page(fields.map { changes[$0.name] ?? $0 }, template: "c_tennyu")
    }

    @Test func aGoodPageIsAccepted() throws {
        let decided = try Self.validator().decide(try Self.tennyu(), today: today)
        #expect(decided.status == .accepted, "\(decided.fields.flatMap(\.reasons)) \(decided.reasons)")
        #expect(decided.fields.allSatisfy { $0.status == .accepted })
        #expect(decided[field: "furigana"]?.normalized == text("ヤマダ タロウ"))
    }

    @Test func aWrongMyNumberIsInvalidAndNotQuoted() throws {
        let wrong = read("my_number", "comb", text("123456789012"), sensitive: true)
        let decided = try Self.validator().decide(try Self.tennyu(["my_number": wrong]), today: today)
        #expect(decided.status == .invalid)
        let field = try #require(decided[field: "my_number"])
        #expect(codes(field) == ["check_digit"])
        #expect(field.reasons[0].ja == "個人番号のチェックデジットが一致しません")
        #expect(decided.fields.filter { $0.status != .accepted }.map(\.name) == ["my_number"])
    }

    @Test func datesOutOfOrderAndImpossibleDates() throws {
        let late = read("move_date", "date", text("2026-06-09"), raw: "令和8年6月9日")
        let order = try Self.validator().decide(try Self.tennyu(["move_date": late]), today: today)
        #expect(order.reasons.map(\.ja) == ["異動日が届出日より後の日付になっています"])
        #expect(order.fields.filter { $0.status == .invalid }.map(\.name) == ["notify_date", "move_date"])

        let impossible = read("birth_date", "date", nil, raw: "昭和64年1月8日", confidence: 0.3, notes: ["unparsed_date"])
        let decided = try Self.validator().decide(try Self.tennyu(["birth_date": impossible]), today: today)
        #expect(codes(try #require(decided[field: "birth_date"])) == ["impossible_date"])
        #expect(decided.status == .invalid)

        let leapDay = read("birth_date", "date", nil, raw: "昭和56年2月29日", confidence: 0.3, notes: ["unparsed_date"])
        let juki = try Self.validator().decide(try Self.tennyu(["birth_date": leapDay]), today: today)
        #expect(codes(try #require(juki[field: "birth_date"])) == ["juki_date"])
        #expect(juki.status == .review)
    }

    @Test func aDoubtfulCombGoesToReview() throws {
        let doubtful = read("new_postal_code", "comb", text("1000O13"), raw: "1000O13", confidence: 0.5,
                            notes: ["comb_box_unclear"])
        let decided = try Self.validator().decide(try Self.tennyu(["new_postal_code": doubtful]), today: today)
        let field = try #require(decided[field: "new_postal_code"])
        #expect(Set(codes(field)) == ["comb_box_unclear", "low_confidence", "not_digits", "format"])
        #expect(field.status == .invalid)
    }
}
