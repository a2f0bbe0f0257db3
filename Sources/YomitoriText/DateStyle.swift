/// Output style of ``JapaneseDate/formatted(_:)``.
public enum DateStyle: Sendable, Equatable, CaseIterable {
    /// `2026-06-10` (ISO 8601 / JIS X 0301, the interchange format).
    case iso
    /// `令和8年6月10日`, year 1 written `元年` (`令和元年5月1日`).
    case kanji
    /// `R8.6.10` (JIS X 0301 Latin letter, no padding).
    case abbreviated
    /// `R08.06.10` (JIS X 0301 Latin letter, two-digit fields).
    case abbreviatedPadded
}
