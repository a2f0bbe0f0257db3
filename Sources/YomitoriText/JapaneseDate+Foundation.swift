public import Foundation

/// Conversion from Foundation's `Date` (e.g. today's date for age checks).
extension JapaneseDate {
    /// 日本標準時 (JST, UTC+9, no daylight saving time).
    public static let japanStandardTime: TimeZone = TimeZone(secondsFromGMT: 9 * 3600) ?? .gmt

    /// The Gregorian calendar date of `date` in `timeZone` (default 日本標準時).
    public init(_ date: Date, timeZone: TimeZone = JapaneseDate.japanStandardTime) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let fields = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(uncheckedYear: fields.year ?? 1970, month: fields.month ?? 1, day: fields.day ?? 1)
    }
}
