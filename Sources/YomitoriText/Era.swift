/// 元号 (Japanese era) since the adoption of the Gregorian calendar (jp-formats §4.1).
///
/// 明治 is supported only from 1873-01-01 (明治6年1月1日), the day Japan adopted the Gregorian
/// calendar: earlier 明治 dates were lunisolar, its start day is ambiguous (1868-01-25, -09-08,
/// -10-23 are all in use) and no living person needs them. ``firstDay`` of ``meiji`` is therefore
/// 1873-01-01, and dates before it are reported as `.beforeSupportedRange`.
public enum Era: String, CaseIterable, Sendable, Comparable, CustomStringConvertible {
    /// 明治 (M), supported from 1873-01-01 to 1912-07-29.
    case meiji
    /// 大正 (T), 1912-07-30 to 1926-12-24.
    case taisho
    /// 昭和 (S), 1926-12-25 to 1989-01-07.
    case showa
    /// 平成 (H), 1989-01-08 to 2019-04-30.
    case heisei
    /// 令和 (R), from 2019-05-01.
    case reiwa

    /// Era name in kanji: 明治, 大正, 昭和, 平成, 令和.
    public var kanji: String {
        switch self {
        case .meiji: "明治"
        case .taisho: "大正"
        case .showa: "昭和"
        case .heisei: "平成"
        case .reiwa: "令和"
        }
    }

    /// One-kanji abbreviation: 明, 大, 昭, 平, 令.
    public var abbreviation: String { String(kanji.prefix(1)) }

    /// Latin letter of JIS X 0301: M, T, S, H, R.
    public var latin: String {
        switch self {
        case .meiji: "M"
        case .taisho: "T"
        case .showa: "S"
        case .heisei: "H"
        case .reiwa: "R"
        }
    }

    /// The common numeric 年号コード: 1 明治 … 5 令和.
    public var code: Int {
        switch self {
        case .meiji: 1
        case .taisho: 2
        case .showa: 3
        case .heisei: 4
        case .reiwa: 5
        }
    }

    /// Gregorian year of 元年 (year 1 of the era): 1868, 1912, 1926, 1989, 2019.
    public var firstGregorianYear: Int {
        switch self {
        case .meiji: 1868
        case .taisho: 1912
        case .showa: 1926
        case .heisei: 1989
        case .reiwa: 2019
        }
    }

    /// First supported day of the era (明治: 1873-01-01, see the type's documentation).
    public var firstDay: JapaneseDate {
        switch self {
        case .meiji: JapaneseDate(uncheckedYear: 1873, month: 1, day: 1)
        case .taisho: JapaneseDate(uncheckedYear: 1912, month: 7, day: 30)
        case .showa: JapaneseDate(uncheckedYear: 1926, month: 12, day: 25)
        case .heisei: JapaneseDate(uncheckedYear: 1989, month: 1, day: 8)
        case .reiwa: JapaneseDate(uncheckedYear: 2019, month: 5, day: 1)
        }
    }

    /// Last day of the era; nil for the current era 令和.
    public var lastDay: JapaneseDate? {
        switch self {
        case .meiji: JapaneseDate(uncheckedYear: 1912, month: 7, day: 29)
        case .taisho: JapaneseDate(uncheckedYear: 1926, month: 12, day: 24)
        case .showa: JapaneseDate(uncheckedYear: 1989, month: 1, day: 7)
        case .heisei: JapaneseDate(uncheckedYear: 2019, month: 4, day: 30)
        case .reiwa: nil
        }
    }

    /// Last year number of the era (45, 15, 64, 31); nil for 令和.
    public var lastYear: Int? {
        lastDay.map { $0.year - firstGregorianYear + 1 }
    }

    /// Gregorian year of an era year (令和8 → 2026). Year 1 is 元年.
    public func gregorianYear(eraYear: Int) -> Int { firstGregorianYear + eraYear - 1 }

    /// The era a Gregorian date belongs to; nil before 1873-01-01.
    public static func containing(_ date: JapaneseDate) -> Era? {
        allCases.last { $0.firstDay <= date }
    }

    /// Looks an era up by kanji (`令和`), one-kanji abbreviation (`令`) or Latin letter (`R`, `r`).
    public init?(name: String) {
        guard let era = Era.allCases.first(where: {
            name == $0.kanji || name == $0.abbreviation || name.uppercased() == $0.latin
        }) else { return nil }
        self = era
    }

    /// The kanji name.
    public var description: String { kanji }

    /// Chronological order.
    public static func < (lhs: Era, rhs: Era) -> Bool { lhs.code < rhs.code }
}
