import Testing
import YomitoriResults
import YomitoriTemplate
import YomitoriText
@testable import YomitoriValidation

/// Checks the field type implies, without any `rules:`.
@Suite struct TypeCheckTests {
    // MARK: - Dates and era boundaries

    /// A date field as the reader returns it: ISO when it parsed the text strictly, nil otherwise.
    static func dateRead(_ written: String) -> FieldRead {
        switch JapaneseDate.parse(written, mode: .strict) {
        case .success(let date):
            return read("d", "date", text(date.iso), raw: written)
        case .failure:
            return read("d", "date", nil, raw: written, confidence: 0.3, notes: ["unparsed_date"])
        }
    }

    @Test(arguments: [
        ("昭和64年1月7日", "1989-01-07"), ("平成元年1月8日", "1989-01-08"), ("平成31年4月30日", "2019-04-30"),
        ("令和元年5月1日", "2019-05-01"), ("R1.5.1", "2019-05-01"), ("令和6年2月29日", "2024-02-29"),
        ("2026/6/10", "2026-06-10"),
    ])
    func realDatesAreAccepted(written: String, iso: String) throws {
        let decided = try decideOne(field("d", "date"), Self.dateRead(written))
        #expect(decided.status == .accepted, "\(decided.reasons)")
        #expect(decided.normalized == text(iso))
    }

    @Test(arguments: ["昭和64年1月8日", "平成31年5月1日", "平成元年1月7日", "令和元年4月30日", "令和5年2月30日",
                      "令和7年2月29日", "大正15年12月25日", "令和5年13月1日"])
    func impossibleDatesAreInvalid(written: String) throws {
        let decided = try decideOne(field("d", "date"), Self.dateRead(written))
        #expect(decided.status == .invalid)
        #expect(codes(decided) == ["impossible_date"])
        #expect(decided.reasons[0].ja == "dは存在しない日付です（暦にない日、または元号の期間外）")
        #expect(decided.normalized == nil)
    }

    @Test func textThatIsNoDateIsUnreadableAndGoesToReview() throws {
        let decided = try decideOne(field("d", "date", "label: 生年月日"), Self.dateRead("令和ご年"))
        #expect(decided.status == .review)
        #expect(codes(decided) == ["unreadable"])
        #expect(decided.reasons[0].ja == "生年月日を日付として読み取れませんでした")
        #expect(decided.reasons[0].en == "生年月日 (d): could not be read as a date")
    }

    @Test func jukiModeTakesJukiDatesButAPersonChecksThem() throws {
        let line = field("d", "date", "rules: [{date: {mode: juki}}]")
        for (written, iso) in [("大正15年12月25日", "1926-12-25"), ("明治45年7月30日", "1912-07-30"), ("令和7年2月29日", "2025-02-29")] {
            let decided = try decideOne(line, Self.dateRead(written))
            #expect(decided.status == .review, "\(written)")
            #expect(codes(decided) == ["juki_date"], "\(written)")
            #expect(decided.normalized == text(iso))
        }
        // Still impossible in 住基 mode: outside the era on other days, or no such day.
        for written in ["昭和64年1月8日", "令和5年2月32日"] {
            #expect(try decideOne(line, Self.dateRead(written)).status == .invalid, "\(written)")
        }
    }

    @Test func aDateValueThatIsNoDateIsNotAccepted() throws {
        let decided = try decideOne(field("d", "date"), read("d", "date", text("2026-02-30")))
        #expect(codes(decided) == ["impossible_date"])
    }

    // MARK: - Numbers with check digits

    @Test(arguments: [("123456789018", Status.accepted, [String]()), ("621498320257", .accepted, []),
                      ("123456789012", .invalid, ["check_digit"]), ("000000000000", .invalid, ["check_digit"]),
                      ("12345678901", .invalid, ["format"])])
    func myNumberFieldsGetTheCheckDigitCheckByName(value: String, status: Status, expected: [String]) throws {
        let line = field("my_number", "comb", "label: 個人番号, count: 12, whitelist: \"0123456789\"")
        let decided = try decideOne(line, read("my_number", "comb", text(value), sensitive: true))
        #expect(decided.status == status)
        #expect(codes(decided) == expected)
        if status == .invalid, expected == ["check_digit"] {
            #expect(decided.reasons[0].ja == "個人番号のチェックデジットが一致しません")
            #expect(decided.reasons[0].en == "個人番号 (my_number): the check digit does not match")
        }
    }

    @Test(arguments: [("my_number", "123456789018", true), ("my_number", "123456789012", false),
                      ("corporate_number", "7123456789012", true), ("corporate_number", "5835678256246", true),
                      ("corporate_number", "2835678256246", false), ("corporate_number", "0123456789012", false),
                      ("local_government_code", "131041", true), ("local_government_code", "131042", false),
                      ("postal_code", "123-4567", true), ("postal_code", "1234567", true),
                      ("postal_code", "12-34567", false), ("postal_code", "123456", false),
                      ("phone", "03-1234-5678", true), ("phone", "090-1234-5678", true),
                      ("phone", "0312345678", true), ("phone", "03-1234-567", false), ("phone", "1234567890", false),
                      ("email", "yamada@example.jp", true), ("email", "yamada@example", false),
                      ("email", "yamada@@example.jp", false),
                      ("katakana", "ヤマダ タロウ", true), ("katakana", "やまだ", false),
                      ("digits", "0123", true), ("digits", "12a3", false)])
    func namedChecks(check: String, value: String, passes: Bool) throws {
        let line = field("f", "text", "rules: [{check: \(check)}]")
        let decided = try decideOne(line, read("f", "text", text(value)))
        #expect(decided.status == (passes ? .accepted : .invalid), "\(check) \(value): \(decided.reasons)")
    }

    @Test func checkDigitAndFormatCodes() {
        #expect(FieldDecision.failure(of: .corporateNumber, on: "2835678256246")?.0 == .checkDigit)
        #expect(FieldDecision.failure(of: .corporateNumber, on: "283567825624")?.0 == .format)
        #expect(FieldDecision.failure(of: .postalCode, on: "123")?.0 == .format)
        #expect(FieldDecision.failure(of: .katakana, on: "山田")?.0 == .notKatakana)
        #expect(FieldDecision.failure(of: .digits, on: "１２")?.0 == .notDigits)
        #expect(FieldDecision.failure(of: .myNumber, on: "1234 5678 9018") == nil)
    }

    // MARK: - Types

    @Test(arguments: [("phone", "03-1234-5678", "accepted", ""), ("phone", "03-1234-56", "invalid", "format"),
                      ("email", "a@example.jp", "accepted", ""), ("email", "a@example", "invalid", "format"),
                      ("katakana", "ヤマダ", "accepted", ""), ("katakana", "ヤマ田", "invalid", "not_katakana"),
                      ("digits", "12", "accepted", ""), ("digits", "1O", "invalid", "not_digits")])
    func typesImplyTheirCheck(type: String, value: String, status: String, code: String) throws {
        let decided = try decideOne(field("f", type), read("f", type, text(value)))
        #expect(decided.status?.rawValue == status)
        #expect(codes(decided) == (code.isEmpty ? [] : [code]))
    }

    @Test func combWithADigitWhitelistMustBeDigits() throws {
        let digitsOnly = field("zip", "comb", "count: 7, whitelist: \"0123456789\"")
        #expect(codes(try decideOne(digitsOnly, read("zip", "comb", text("12345A7")))) == ["not_digits"])
        let letters = field("code", "comb", "count: 3")
        #expect(try decideOne(letters, read("code", "comb", text("AB1"))).status == .accepted)
    }

    @Test func anExplicitCheckReplacesTheImpliedOne() throws {
        let line = field("tel", "phone", "rules: [{check: phone, soft: true, message: 電話番号を確認してください}]")
        let decided = try decideOne(line, read("tel", "phone", text("03-12")))
        #expect(decided.status == .review)
        #expect(decided.reasons.map(\.ja) == ["電話番号を確認してください"])
    }
}
