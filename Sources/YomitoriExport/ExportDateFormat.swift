public import YomitoriText

/// How a date column is written (`format:` on a column).
public enum ExportDateFormat: String, Sendable, Equatable, CaseIterable {
    /// `2026-06-10` (ISO 8601 / JIS X 0301).
    case iso
    /// `令和8年6月10日`, year 1 written `元年` (和暦).
    case wareki
    /// `R8.6.10` (JIS X 0301 era letter).
    case warekiShort = "wareki_short"
    /// `R08.06.10` (JIS X 0301 era letter, two-digit fields).
    case warekiPadded = "wareki_padded"
    /// `20260610`.
    case yyyymmdd

    /// The date written in this format.
    public func string(_ date: JapaneseDate) -> String {
        switch self {
        case .iso: date.formatted(.iso)
        case .wareki: date.formatted(.kanji)
        case .warekiShort: date.formatted(.abbreviated)
        case .warekiPadded: date.formatted(.abbreviatedPadded)
        case .yyyymmdd: String(date.iso.filter { $0 != "-" })
        }
    }
}
