/// How strictly ``JapaneseDate`` validates a date.
public enum DateMode: Sendable, Equatable {
    /// Real calendar dates inside the written era only (applications, payment dates).
    case strict
    /// 住基 (住民記録) compatible, for birth dates copied from 戸籍 (jp-formats §4.3): additionally
    /// accepts 明治45年7月30日 and 大正15年12月25日 (written in the old era on the first day of the new
    /// one) and 暦上日以外の年月日 — any day 1–31 in any month, e.g. 2月29日 in a non-leap year or 2月30日.
    /// Such dates keep the numbers as written (`2025-02-29`) and have `isCalendarDate == false`.
    case juki
}
