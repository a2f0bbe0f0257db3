import Testing
import YomitoriResults
import YomitoriTemplate
import YomitoriText
@testable import YomitoriValidation

/// Every kind of field rule, hard and soft, with vectors.
@Suite struct RuleDecisionTests {
    /// Decides a text field `f` with one rule written as YAML flow (`{regex: "…"}`).
    func decide(_ rule: String, _ value: String, type: String = "text", extra: String = "") throws -> FieldRead {
        let line = field("f", type, "label: 項目, rules: [\(rule)]\(extra.isEmpty ? "" : ", " + extra)")
        return try decideOne(line, read("f", type, text(value)))
    }

    @Test(arguments: [("1234567", true), ("123456", false), ("1234567a", false), ("x1234567", false)])
    func regexMatchesTheWholeValue(value: String, passes: Bool) throws {
        let decided = try decide("{regex: \"[0-9]{7}\"}", value)
        #expect(decided.status == (passes ? .accepted : .invalid))
        if !passes {
            #expect(codes(decided) == ["pattern"])
            #expect(decided.reasons[0].ja == "項目が指定された形式に一致しません")
        }
    }

    @Test(arguments: [("{length: 4}", "0123", true), ("{length: 4}", "012", false), ("{length: 4}", "01234", false),
                      ("{length: {min: 1, max: 7}}", "1234567", true), ("{length: {min: 1, max: 7}}", "12345678", false),
                      ("{length: {max: 3}}", "山田花", true), ("{length: {min: 2}}", "山", false)])
    func lengthCountsCharacters(rule: String, value: String, passes: Bool) throws {
        let decided = try decide(rule, value)
        #expect(decided.status == (passes ? .accepted : .invalid), "\(rule) \(value)")
        #expect(codes(decided) == (passes ? [] : ["length"]))
    }

    @Test func lengthMessagesNameTheBounds() throws {
        #expect(try decide("{length: 4}", "1").reasons[0].ja == "項目の文字数が範囲外です（4文字）")
        #expect(try decide("{length: {min: 1, max: 7}}", "12345678").reasons[0].en
            == "項目 (f): the length must be from 1 to 7 characters")
        #expect(try decide("{length: {min: 2}}", "1").reasons[0].ja == "項目の文字数が範囲外です（2文字以上）")
    }

    @Test(arguments: [("1", true), ("20", true), ("0", false), ("21", false), ("1,000", false), ("１５", true),
                      ("two", false)])
    func rangeReadsTheValueAsANumber(value: String, passes: Bool) throws {
        let decided = try decide("{range: {min: 1, max: 20}}", value, type: "number")
        #expect(decided.status == (passes ? .accepted : .invalid), "\(value): \(decided.reasons)")
        #expect(codes(decided) == (passes ? [] : ["range"]))
        if !passes { #expect(decided.reasons[0].ja == "項目が範囲外の数値です（1〜20）") }
    }

    @Test func oneOfAndVocabulary() throws {
        #expect(try decide("{one_of: [普通, 当座]}", "普通").status == .accepted)
        let other = try decide("{one_of: [普通, 当座]}", "貯蓄")
        #expect(codes(other) == ["not_allowed"])
        #expect(other.status == .invalid)
        let line = field("pref", "text", "vocabulary: prefectures")
        #expect(try decideOne(line, read("pref", "text", text("東京都"))).status == .accepted)
        #expect(codes(try decideOne(line, read("pref", "text", text("東京")))) == ["not_allowed"])
    }

    // MARK: - Dates

    func dateField(_ rule: String, label: String = "生年月日") -> String {
        field("d", "date", "label: \(label), rules: [{date: \(rule)}]")
    }

    @Test func notFutureNotBeforeNotAfter() throws {
        let future = dateField("{not_future: true}", label: "請求日")
        #expect(try decideOne(future, read("d", "date", text("2026-06-10"))).status == .accepted)
        let tomorrow = try decideOne(future, read("d", "date", text("2026-06-11")))
        #expect(codes(tomorrow) == ["date_range"])
        #expect(tomorrow.reasons[0].ja == "請求日が未来の日付です")
        let bounded = dateField("{not_before: 1900-01-01, not_after: 令和8年12月31日}")
        #expect(try decideOne(bounded, read("d", "date", text("1900-01-01"))).status == .accepted)
        let early = try decideOne(bounded, read("d", "date", text("1899-12-31")))
        #expect(early.reasons.map(\.ja) == ["生年月日が1900-01-01より前の日付です"])
        let late = try decideOne(bounded, read("d", "date", text("2027-01-01")))
        #expect(late.reasons.map(\.en) == ["生年月日 (d): the date is after 2026-12-31"])
    }

    @Test func agesAreCountedOnTodayOrOnAnotherDateField() throws {
        // Born 2008-06-11: 17 on 2026-06-09, 18 from 2026-06-10 (the day before the birthday).
        let adult = dateField("{min_age: 18}")
        #expect(try decideOne(adult, read("d", "date", text("2008-06-11"))).status == .accepted)
        let minor = try decideOne(adult, read("d", "date", text("2008-06-12")))
        #expect(codes(minor) == ["age"])
        #expect(minor.reasons[0].ja == "生年月日から求めた年齢が範囲外です（18歳以上）")
        #expect(try decideOne(dateField("{max_age: 120}"), read("d", "date", text("1906-01-01"))).status == .accepted)
        #expect(codes(try decideOne(dateField("{max_age: 120}"), read("d", "date", text("1905-01-01")))) == ["age"])

        let fields = [field("request_date", "date", y: 20), field("birth_date", "date",
                      "rules: [{date: {min_age: 0, max_age: 120, age_on: request_date}}]", y: 40)].joined(separator: "\n")
        let validator = Validator(template: try template(fields: fields))
        func decideBirth(_ birth: String, request: String) throws -> FieldRead {
            let page = try page([read("request_date", "date", text(request)), read("birth_date", "date", text(birth))])
            return validator.decide(page, today: today).fields[1]
        }
        // Born after the request: a negative age on the request date.
        #expect(codes(try decideBirth("2026-05-10", request: "2026-05-01")) == ["age"])
        #expect(try decideBirth("2026-05-01", request: "2026-05-01").status == .accepted)
        // 120 on the request date, 121 today: the request date counts.
        #expect(try decideBirth("1905-06-01", request: "2025-06-01").status == .accepted)
        #expect(codes(try decideBirth("1905-06-01", request: "2026-06-01")) == ["age"])
    }

    // MARK: - Soft and hard, messages

    @Test func aSoftRuleSendsToReviewWithTheSameCode() throws {
        let hard = try decide("{regex: \"^A\"}", "B")
        let soft = try decide("{regex: \"^A\", soft: true}", "B")
        #expect(hard.status == .invalid)
        #expect(soft.status == .review)
        #expect(codes(hard) == codes(soft))
    }

    @Test func aRulesMessageReplacesTheJapaneseText() throws {
        let decided = try decideOne(dateField("{not_future: true}, soft: true, message: 生年月日を確認してください"),
                                    read("d", "date", text("2030-01-01")))
        #expect(decided.status == .review)
        #expect(decided.reasons[0].ja == "生年月日を確認してください")
        #expect(decided.reasons[0].en == "生年月日 (d): the date is in the future")
    }

    @Test func theWorstReasonDecides() throws {
        let line = field("f", "text", "rules: [{regex: \"^A\", soft: true}, {length: 2}]")
        let decided = try decideOne(line, read("f", "text", text("BBB"), confidence: 0.5))
        #expect(Set(codes(decided)) == ["low_confidence", "pattern", "length"])
        #expect(decided.status == .invalid)
    }

    @Test func rulesAreNotRunOnBlankFields() throws {
        let decided = try decide("{length: 4}", "")
        #expect(decided.status == .accepted)
        #expect(decided.reasons.isEmpty)
    }

    @Test func rulesSeeTheNormalisedValue() throws {
        let line = field("zip", "text", "normalize: [digits_only], rules: [{check: postal_code}, {length: 7}]")
        let decided = try decideOne(line, read("zip", "text", text("〒１２３－４５６７")))
        #expect(decided.status == .accepted, "\(decided.reasons)")
        #expect(decided.normalized == text("1234567"))
    }
}
