public import Foundation

/// A 5-field cron schedule (`minute hour day-of-month month day-of-week`), evaluated in a time zone.
///
/// Supports lists (`1,15`), ranges (`8-18`), steps (`*/10`, `8-18/2`), month and weekday names
/// (`JAN`–`DEC`, `SUN`–`SAT`, any case; day-of-week 7 is Sunday too) and the shortcuts `@hourly`,
/// `@daily` (`@midnight`), `@weekly`, `@monthly`, `@yearly` (`@annually`). When both day-of-month
/// and day-of-week are restricted, a day matches if **either** matches (Vixie cron); a field that
/// starts with `*` (including `*/2`) counts as unrestricted for that rule. `@reboot` is not
/// supported: yomitori is not an init system.
///
/// Pure logic: ``next(after:in:)`` does not read the clock.
public struct CronSchedule: Sendable, Hashable, CustomStringConvertible {
    /// The expression as written.
    public let expression: String
    let minutes: UInt64
    let hours: UInt64
    let daysOfMonth: UInt64
    let months: UInt64
    let daysOfWeek: UInt64
    /// Vixie's DOM_STAR / DOW_STAR: the field text starts with `*`.
    let dayOfMonthIsStar: Bool
    let dayOfWeekIsStar: Bool

    private static let shortcuts: [String: String] = [
        "@hourly": "0 * * * *",
        "@daily": "0 0 * * *",
        "@midnight": "0 0 * * *",
        "@weekly": "0 0 * * 0",
        "@monthly": "0 0 1 * *",
        "@yearly": "0 0 1 1 *",
        "@annually": "0 0 1 1 *",
    ]

    /// Parses an expression; the error names the field and the problem.
    public init(parsing expression: String) throws(CronError) {
        self.expression = expression
        var text = expression.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("@") {
            guard let expanded = Self.shortcuts[text.lowercased()] else {
                throw CronError(.unknownShortcut, field: nil,
                                "unknown shortcut '\(text)'; use @hourly, @daily, @weekly, @monthly or @yearly")
            }
            text = expanded
        }
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard fields.count == 5 else {
            throw CronError(.fieldCount, field: nil,
                            "expected 5 fields (minute hour day-of-month month day-of-week), got \(fields.count)")
        }
        minutes = try CronField.minute.parse(fields[0])
        hours = try CronField.hour.parse(fields[1])
        daysOfMonth = try CronField.dayOfMonth.parse(fields[2])
        months = try CronField.month.parse(fields[3])
        daysOfWeek = try CronField.dayOfWeek.parse(fields[4])
        dayOfMonthIsStar = fields[2].hasPrefix("*")
        dayOfWeekIsStar = fields[4].hasPrefix("*")
        try checkFires()
    }

    public var description: String { expression }

    /// A day-of-month restriction that no selected month has (`0 0 30 2 *`) never fires.
    private func checkFires() throws(CronError) {
        guard dayOfWeekIsStar else { return }  // otherwise weekdays alone can make it fire
        let longest = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        let possible = (1...12).contains { month in
            months & (1 << UInt64(month)) != 0
                && (1...longest[month]).contains { daysOfMonth & (1 << UInt64($0)) != 0 }
        }
        guard possible else {
            throw CronError(.neverFires, field: "day-of-month",
                            "no selected day exists in the selected months; the schedule would never run")
        }
    }

    // MARK: - Evaluation

    /// The first time strictly after `date` (to the minute) that the schedule fires, in `timeZone`;
    /// nil only if none within nine years (impossible for a schedule that parsed).
    ///
    /// A local time skipped by a daylight-saving change fires at the corresponding time after the
    /// jump; a repeated local time fires once.
    public func next(after date: Date, in timeZone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let start = Date(timeIntervalSinceReferenceDate: (date.timeIntervalSinceReferenceDate / 60).rounded(.down) * 60 + 60)
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: start)
        guard var year = parts.year, var month = parts.month, var day = parts.day, var hour = parts.hour,
              var minute = parts.minute else { return nil }
        let lastYear = year + 9
        while year <= lastYear {
            if months & (1 << UInt64(month)) == 0 || day > Self.daysIn(month: month, year: year) {
                (day, hour, minute) = (1, 0, 0)
                month += 1
                if month > 12 { (month, year) = (1, year + 1) }
                continue
            }
            if !dayMatches(year: year, month: month, day: day) {
                (day, hour, minute) = (day + 1, 0, 0)
                continue
            }
            if hours & (1 << UInt64(hour)) == 0 {
                (hour, minute) = (hour + 1, 0)
                if hour > 23 { (day, hour) = (day + 1, 0) }
                continue
            }
            if minutes & (1 << UInt64(minute)) == 0 {
                minute += 1
                if minute > 59 {
                    (hour, minute) = (hour + 1, 0)
                    if hour > 23 { (day, hour) = (day + 1, 0) }
                }
                continue
            }
            let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute)
            if let candidate = calendar.date(from: components), candidate > date {
                return candidate
            }
            minute += 1  // a repeated or skipped local time: look further
            if minute > 59 {
                (hour, minute) = (hour + 1, 0)
                if hour > 23 { (day, hour) = (day + 1, 0) }
            }
        }
        return nil
    }

    /// Whether the schedule fires in the minute containing `date`.
    public func matches(_ date: Date, in timeZone: TimeZone) -> Bool {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        guard let year = parts.year, let month = parts.month, let day = parts.day, let hour = parts.hour,
              let minute = parts.minute else { return false }
        return months & (1 << UInt64(month)) != 0 && dayMatches(year: year, month: month, day: day)
            && hours & (1 << UInt64(hour)) != 0 && minutes & (1 << UInt64(minute)) != 0
    }

    private func dayMatches(year: Int, month: Int, day: Int) -> Bool {
        let byMonthDay = daysOfMonth & (1 << UInt64(day)) != 0
        let byWeekDay = daysOfWeek & (1 << UInt64(Self.weekday(year: year, month: month, day: day))) != 0
        if dayOfMonthIsStar || dayOfWeekIsStar { return byMonthDay && byWeekDay }
        return byMonthDay || byWeekDay
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// 0 = Sunday … 6 = Saturday (Sakamoto's method, proleptic Gregorian).
    static func weekday(year: Int, month: Int, day: Int) -> Int {
        let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = month < 3 ? year - 1 : year
        return (y + y / 4 - y / 100 + y / 400 + offsets[month - 1] + day) % 7
    }
}
