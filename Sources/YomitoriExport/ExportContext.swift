public import Foundation
public import YomitoriText

/// What an export knows about the run it belongs to: names for the file and derived values.
public struct ExportContext: Sendable, Equatable {
    /// The job name (`{job}` in file names).
    public var job: String
    /// The run identifier (`{run}`, `derive: run_id`, the `run` of JSON Lines records).
    public var run: String
    /// When the export happens; gives `{date}`, `{time}` and `derive: today`.
    public var now: Date
    /// The time zone of `{date}`, `{time}` and `today` (日本標準時 by default).
    public var timeZone: TimeZone
    /// 振込指定日 `MMDD` for this run, overriding the mapping's `zengin.transfer_date`.
    public var transferDate: String?

    /// A context; `now` defaults to the current time.
    public init(job: String, run: String, now: Date = Date(), timeZone: TimeZone = JapaneseDate.japanStandardTime,
                transferDate: String? = nil) {
        self.job = job
        self.run = run
        self.now = now
        self.timeZone = timeZone
        self.transferDate = transferDate
    }

    /// The export's calendar date.
    public var today: JapaneseDate { JapaneseDate(now, timeZone: timeZone) }

    /// `yyyyMMdd`.
    var dateStamp: String { ExportDateFormat.yyyymmdd.string(today) }

    /// `2026-06-10T09:30:00+09:00`.
    var timestamp: String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: now)
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        let offset = timeZone.secondsFromGMT(for: now)
        let sign = offset < 0 ? "-" : "+"
        let zone = sign + two(abs(offset) / 3600) + ":" + two(abs(offset) % 3600 / 60)
        return "\(p.year ?? 1970)-\(two(p.month))-\(two(p.day))T\(two(p.hour)):\(two(p.minute)):\(two(p.second))" + zone
    }

    /// `HHmmss`.
    var timeStamp: String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.hour, .minute, .second], from: now)
        return [parts.hour, parts.minute, parts.second].map { value in
            let text = String(value ?? 0)
            return text.count < 2 ? "0" + text : text
        }.joined()
    }
}
