/// Parsing and validated construction of ``JapaneseDate``.
extension JapaneseDate {
    /// Reads a date written on a form.
    ///
    /// The text is NFKC-normalised (full-width digits, `㋿` → `令和`, `．／－` → `./-`) and all white
    /// space is removed; nothing else is forgiven. Accepted styles:
    /// - 和暦 with an era written as kanji (`令和`), one kanji (`令`) or a Latin letter (`R`, `r`),
    ///   year as 1–2 digits or `元`: `令和6年4月1日`, `令和元年5月1日`, `R6.4.1`, `R06.04.01`,
    ///   `R6/4/1`, `R6-4-1`, `令6.4.1`, `昭和64.1.7`;
    /// - 西暦 (optionally prefixed `西暦`): `2026-06-10`, `2026/6/10`, `2026.6.10`,
    ///   `2026年6月10日`, `20260610`.
    ///
    /// The same separator must be used twice; `年月日` must all be present.
    public static func parse(_ text: String, mode: DateMode = .strict) -> Result<JapaneseDate, DateParseError> {
        let normalised = JapaneseText.removeWhitespace(JapaneseText.nfkc(text))
        guard let fields = DateFields(normalised) else {
            return .failure(DateParseError(code: .unrecognised, message: "not a recognised date (expected e.g. 令和6年4月1日, R6.4.1 or 2026-06-10)"))
        }
        if let era = fields.era {
            return fromWareki(era: era, year: fields.year, month: fields.month, day: fields.day, mode: mode)
        }
        return fromGregorian(year: fields.year, month: fields.month, day: fields.day, mode: mode)
    }

    /// Builds a date from 和暦 fields, e.g. when the era comes from a ticked box (昭・平・令).
    ///
    /// Converts with the era table, then converts back and requires the same era and year
    /// (round trip), so 平成31年5月1日 fails with `.outsideEra` and the suggestion `令和元年5月1日`.
    public static func fromWareki(
        era: Era, year eraYear: Int, month: Int, day: Int, mode: DateMode = .strict
    ) -> Result<JapaneseDate, DateParseError> {
        let written = "\(era.kanji)\(eraYear == 1 ? "元" : String(eraYear))年\(month)月\(day)日"
        guard eraYear >= 1 else {
            return .failure(DateParseError(code: .unrecognised, message: "\(written): era year must be 1 or more"))
        }
        let year = era.gregorianYear(eraYear: eraYear)
        if let error = calendarError(year: year, month: month, day: day, mode: mode, written: written) {
            return .failure(error)
        }
        let date = JapaneseDate(uncheckedYear: year, month: month, day: day, writtenEra: era)
        guard date >= supportedStart else {
            return .failure(beforeSupportedRange(written))
        }
        if Era.containing(date) == era {
            return .success(date)
        }
        if mode == .juki, isJukiEraException(era: era, eraYear: eraYear, month: month, day: day) {
            return .success(date)
        }
        let plain = JapaneseDate(uncheckedYear: year, month: month, day: day)
        let range = "\(era.firstDay.iso)…\(era.lastDay?.iso ?? "")"
        return .failure(
            DateParseError(
                code: .outsideEra,
                message: "\(written) (\(plain.iso)) is outside \(era.kanji) (\(range))",
                suggestion: plain.formatted(.kanji)
            )
        )
    }

    /// Builds a date from 西暦 fields, with the same calendar and range checks as ``parse(_:mode:)``.
    public static func fromGregorian(
        year: Int, month: Int, day: Int, mode: DateMode = .strict
    ) -> Result<JapaneseDate, DateParseError> {
        let written = "\(year)年\(month)月\(day)日"
        guard (1...9999).contains(year) else {
            return .failure(DateParseError(code: .unrecognised, message: "\(written): year out of range"))
        }
        if let error = calendarError(year: year, month: month, day: day, mode: mode, written: written) {
            return .failure(error)
        }
        let date = JapaneseDate(uncheckedYear: year, month: month, day: day)
        guard date >= supportedStart else {
            return .failure(beforeSupportedRange(written))
        }
        return .success(date)
    }

    // MARK: - Validation helpers

    /// 明治45年7月30日 and 大正15年12月25日, which 住基 systems must accept (jp-formats §4.3).
    private static func isJukiEraException(era: Era, eraYear: Int, month: Int, day: Int) -> Bool {
        (era, eraYear, month, day) == (.meiji, 45, 7, 30) || (era, eraYear, month, day) == (.taisho, 15, 12, 25)
    }

    private static func calendarError(
        year: Int, month: Int, day: Int, mode: DateMode, written: String
    ) -> DateParseError? {
        guard (1...12).contains(month), (1...31).contains(day) else {
            return DateParseError(code: .notACalendarDate, message: "\(written): no such month or day")
        }
        if mode == .strict, day > daysInMonth(month, of: year) {
            return DateParseError(code: .notACalendarDate, message: "\(written): \(month)月 has \(daysInMonth(month, of: year)) days in \(year)")
        }
        return nil
    }

    private static func beforeSupportedRange(_ written: String) -> DateParseError {
        DateParseError(
            code: .beforeSupportedRange,
            message: "\(written) is before 1873-01-01 (明治6年1月1日), the first supported date"
        )
    }
}

/// The numeric fields of a date in one of the accepted styles, before validation.
private struct DateFields {
    var era: Era?
    var year: Int
    var month: Int
    var day: Int

    /// Reads normalised text (NFKC, no white space); nil if it matches no accepted style.
    init?(_ text: String) {
        var scanner = FieldScanner(text)
        if !scanner.consume("西暦") {
            era = Era.allCases.first { scanner.consume($0.kanji) }
                ?? Era.allCases.first { scanner.consume($0.abbreviation) }
                ?? Era.allCases.first { scanner.consumeCaseInsensitive($0.latin) }
        }
        if era != nil {
            guard let year = scanner.consume("元") ? 1 : scanner.number(digits: 1...2) else { return nil }
            self.year = year
        } else {
            guard let digits = scanner.digitRun() else { return nil }
            if digits.count == 8, scanner.isAtEnd {  // yyyyMMdd
                let values = [digits.prefix(4), digits.dropFirst(4).prefix(2), digits.suffix(2)].compactMap { Int($0) }
                guard values.count == 3 else { return nil }
                (year, month, day) = (values[0], values[1], values[2])
                return
            }
            guard digits.count == 4, let year = Int(digits) else { return nil }
            self.year = year
        }
        if scanner.consume("年") {
            guard let month = scanner.number(digits: 1...2), scanner.consume("月"),
                let day = scanner.number(digits: 1...2), scanner.consume("日")
            else { return nil }
            (self.month, self.day) = (month, day)
        } else {
            guard let separator = [".", "/", "-"].first(where: { scanner.consume($0) }),
                let month = scanner.number(digits: 1...2), scanner.consume(separator),
                let day = scanner.number(digits: 1...2)
            else { return nil }
            (self.month, self.day) = (month, day)
        }
        guard scanner.isAtEnd else { return nil }
    }
}

/// A forward-only reader over a string's characters.
private struct FieldScanner {
    private let characters: [Character]
    private var index = 0

    init(_ text: String) { characters = Array(text) }

    var isAtEnd: Bool { index == characters.count }

    /// Consumes `literal` if the text continues with it.
    mutating func consume(_ literal: String) -> Bool {
        let expected = Array(literal)
        guard characters[index...].starts(with: expected) else { return false }
        index += expected.count
        return true
    }

    /// Consumes `literal` ignoring ASCII case.
    mutating func consumeCaseInsensitive(_ literal: String) -> Bool {
        consume(literal.uppercased()) || consume(literal.lowercased())
    }

    /// Consumes a run of ASCII digits; nil if there is none.
    mutating func digitRun() -> String? {
        let start = index
        while index < characters.count, characters[index].isASCII, characters[index].isNumber { index += 1 }
        return index > start ? String(characters[start..<index]) : nil
    }

    /// Consumes a digit run whose length is in `digits`.
    mutating func number(digits: ClosedRange<Int>) -> Int? {
        guard let run = digitRun(), digits.contains(run.count) else { return nil }
        return Int(run)
    }
}
