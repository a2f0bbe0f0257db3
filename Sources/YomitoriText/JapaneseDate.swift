/// A calendar date (Gregorian year, month, day) read from a form, with 和暦 (Japanese era) views.
///
/// Built by ``parse(_:mode:)``, ``fromWareki(era:year:month:day:mode:)`` or
/// ``fromGregorian(year:month:day:mode:)``, which validate with their own era table and a round
/// trip — never with Foundation's Japanese calendar, which accepts 昭和64年1月8日 and 平成31年5月1日.
/// Equality and order use the Gregorian year, month and day only.
public struct JapaneseDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Gregorian year.
    public let year: Int
    /// Month 1–12.
    public let month: Int
    /// Day of the month; in ``DateMode/juki`` mode possibly a day the month does not have.
    public let day: Int
    /// The era as written, when it must be kept (住基 明治45年7月30日 / 大正15年12月25日).
    let writtenEra: Era?

    /// The first supported date, 1873-01-01 (明治6年1月1日, adoption of the Gregorian calendar).
    public static let supportedStart = JapaneseDate(uncheckedYear: 1873, month: 1, day: 1)

    /// A real Gregorian calendar date (year 1–9999); nil otherwise. No era checks.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Self.daysInMonth(month, of: year)).contains(day)
        else { return nil }
        self.init(uncheckedYear: year, month: month, day: day)
    }

    init(uncheckedYear year: Int, month: Int, day: Int, writtenEra: Era? = nil) {
        self.year = year
        self.month = month
        self.day = day
        self.writtenEra = writtenEra
    }

    /// Whether the date exists in the Gregorian calendar (false for 住基 dates like 2025-02-29).
    public var isCalendarDate: Bool {
        (1...12).contains(month) && (1...Self.daysInMonth(month, of: year)).contains(day)
    }

    /// `yyyy-MM-dd`, as written for 住基 non-calendar dates (`2025-02-29`).
    public var iso: String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }

    /// The 和暦 era and year (year 1 = 元年); nil before 1873-01-01.
    ///
    /// For the 住基 exceptions accepted in ``DateMode/juki`` mode the era is the one written
    /// (明治45年7月30日 stays 明治45), otherwise it comes from the era table.
    public var wareki: (era: Era, year: Int)? {
        guard let era = writtenEra ?? Era.containing(self) else { return nil }
        return (era, year - era.firstGregorianYear + 1)
    }

    /// The date in the given style; 和暦 styles fall back to Gregorian before 1873.
    public func formatted(_ style: DateStyle) -> String {
        switch (style, wareki) {
        case (.iso, _):
            return iso
        case (.kanji, let wareki?):
            let eraYear = wareki.year == 1 ? "元" : String(wareki.year)
            return "\(wareki.era.kanji)\(eraYear)年\(month)月\(day)日"
        case (.kanji, nil):
            return "\(year)年\(month)月\(day)日"
        case (.abbreviated, let wareki?):
            return "\(wareki.era.latin)\(wareki.year).\(month).\(day)"
        case (.abbreviatedPadded, let wareki?):
            return "\(wareki.era.latin)\(pad(wareki.year, 2)).\(pad(month, 2)).\(pad(day, 2))"
        case (.abbreviated, nil), (.abbreviatedPadded, nil):
            return "\(pad(year, 4)).\(pad(month, 2)).\(pad(day, 2))"
        }
    }

    /// The ISO form.
    public var description: String { iso }

    // MARK: - Age (年齢計算ニ関スル法律)

    /// Age on `date` of a person born on `self`, per 年齢計算ニ関スル法律 and 民法143条.
    ///
    /// One reaches age N at the end of the day before the N-th birthday (誕生日の前日), and this
    /// function counts that whole day as age N: born 2008-04-01 → 18 on 2026-03-31; born
    /// 2008-02-29 → 18 on 2026-02-28. Negative when `date` is before the birth date.
    public func age(on date: JapaneseDate) -> Int {
        // The day of reaching N lies in year + N, or in year + N − 1 for a birthday on 1 January.
        let candidate = date.year - year + 1
        for age in [candidate, candidate - 1] where date >= dayOfReaching(age: age) {
            return age
        }
        return candidate - 2
    }

    /// The day a person born on `self` reaches `age` (年齢に達する日): the day before the birthday.
    ///
    /// Born 2008-04-01 → reaches 18 on 2026-03-31; born 2008-02-29 → 2026-02-28 (also in leap years).
    public func dayOfReaching(age: Int) -> JapaneseDate {
        let target = year + age
        if day > 1 {
            let lastDay = Self.daysInMonth(month, of: target)
            return JapaneseDate(uncheckedYear: target, month: month, day: min(day - 1, lastDay))
        }
        if month == 1 {
            return JapaneseDate(uncheckedYear: target - 1, month: 12, day: 31)
        }
        return JapaneseDate(uncheckedYear: target, month: month - 1, day: Self.daysInMonth(month - 1, of: target))
    }

    // MARK: - Calendar arithmetic

    /// Gregorian leap year rule.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Days in `month` (1–12) of `year`; 0 for an invalid month.
    public static func daysInMonth(_ month: Int, of year: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: 31
        case 4, 6, 9, 11: 30
        case 2: isLeapYear(year) ? 29 : 28
        default: 0
        }
    }

    // MARK: - Equatable, Hashable, Comparable (Gregorian fields only)

    /// Same Gregorian year, month and day.
    public static func == (lhs: JapaneseDate, rhs: JapaneseDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) == (rhs.year, rhs.month, rhs.day)
    }

    /// Hashes the Gregorian year, month and day.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(year)
        hasher.combine(month)
        hasher.combine(day)
    }

    /// Chronological order.
    public static func < (lhs: JapaneseDate, rhs: JapaneseDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
