import Foundation
import Testing
import YomitoriJobs

private let tokyo = TimeZone(identifier: "Asia/Tokyo")!

private func date(_ text: String, _ zone: TimeZone = tokyo) -> Date {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = zone
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return formatter.date(from: text)!
}

private func text(_ date: Date?, _ zone: TimeZone = tokyo) -> String {
    guard let date else { return "never" }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = zone
    formatter.dateFormat = "yyyy-MM-dd HH:mm EEE"
    return formatter.string(from: date)
}

struct CronVector: CustomTestStringConvertible, Sendable {
    let expression: String
    let after: String
    let next: String
    var testDescription: String { "\(expression) after \(after)" }
}

@Suite("Cron schedules")
struct CronScheduleTests {
    @Test("next run time (Asia/Tokyo)", arguments: [
        CronVector(expression: "*/10 8-18 * * 1-5", after: "2025-06-06 18:45", next: "2025-06-06 18:50 Fri"),
        CronVector(expression: "*/10 8-18 * * 1-5", after: "2025-06-06 18:55", next: "2025-06-09 08:00 Mon"),
        CronVector(expression: "*/10 8-18 * * 1-5", after: "2025-06-07 12:00", next: "2025-06-09 08:00 Mon"),
        CronVector(expression: "0 9 * * *", after: "2025-06-01 09:00", next: "2025-06-02 09:00 Mon"),  // strictly after
        CronVector(expression: "@hourly", after: "2025-06-01 10:00", next: "2025-06-01 11:00 Sun"),
        CronVector(expression: "@daily", after: "2025-12-31 23:59", next: "2026-01-01 00:00 Thu"),
        CronVector(expression: "@midnight", after: "2025-06-01 00:00", next: "2025-06-02 00:00 Mon"),
        CronVector(expression: "@weekly", after: "2025-06-02 00:00", next: "2025-06-08 00:00 Sun"),
        CronVector(expression: "@monthly", after: "2025-01-31 12:00", next: "2025-02-01 00:00 Sat"),
        CronVector(expression: "@yearly", after: "2025-06-01 00:00", next: "2026-01-01 00:00 Thu"),
        CronVector(expression: "@annually", after: "2025-12-31 23:59", next: "2026-01-01 00:00 Thu"),
        // Month ends and leap days.
        CronVector(expression: "0 0 31 * *", after: "2025-04-15 00:00", next: "2025-05-31 00:00 Sat"),
        CronVector(expression: "59 23 30 * *", after: "2025-01-30 23:59", next: "2025-03-30 23:59 Sun"),
        CronVector(expression: "0 0 29 2 *", after: "2025-03-01 00:00", next: "2028-02-29 00:00 Tue"),
        CronVector(expression: "0 0 29 2 *", after: "2096-03-01 00:00", next: "2104-02-29 00:00 Fri"),  // 2100 is not leap
        CronVector(expression: "0 12 28-31 2 *", after: "2024-02-28 12:00", next: "2024-02-29 12:00 Thu"),
        CronVector(expression: "0 12 28-31 2 *", after: "2025-02-28 12:00", next: "2026-02-28 12:00 Sat"),
        // Day-of-month OR day-of-week when both are restricted (Vixie).
        CronVector(expression: "0 9 1 * MON", after: "2025-06-02 10:00", next: "2025-06-09 09:00 Mon"),
        CronVector(expression: "0 9 1 * MON", after: "2025-06-30 10:00", next: "2025-07-01 09:00 Tue"),
        // A field starting with * (even */2) counts as unrestricted: AND, so odd days that are Mondays.
        CronVector(expression: "0 9 */2 * MON", after: "2025-06-01 00:00", next: "2025-06-09 09:00 Mon"),
        CronVector(expression: "0 9 */2 * MON", after: "2025-06-09 09:00", next: "2025-06-23 09:00 Mon"),
        // Names, any case; 7 is Sunday; lists and stepped ranges.
        CronVector(expression: "30 7 * jan,JUL Sat", after: "2025-06-01 00:00", next: "2025-07-05 07:30 Sat"),
        CronVector(expression: "0 0 * * 7", after: "2025-06-02 00:00", next: "2025-06-08 00:00 Sun"),
        CronVector(expression: "0 0 * * SUN-TUE", after: "2025-06-03 00:00", next: "2025-06-08 00:00 Sun"),
        CronVector(expression: "5,35 8-17/3 * * *", after: "2025-06-01 11:35", next: "2025-06-01 14:05 Sun"),
        CronVector(expression: "0 0 1 */3 *", after: "2025-01-01 00:00", next: "2025-04-01 00:00 Tue"),
    ])
    func next(_ vector: CronVector) throws {
        let schedule = try CronSchedule(parsing: vector.expression)
        let next = schedule.next(after: date(vector.after), in: tokyo)
        #expect(text(next) == vector.next)
        if let next { #expect(schedule.matches(next, in: tokyo)) }
    }

    @Test("seconds are ignored: the next minute boundary after 10:00:30 is 10:01")
    func secondsIgnored() throws {
        let schedule = try CronSchedule(parsing: "* * * * *")
        let next = schedule.next(after: date("2025-06-01 10:00").addingTimeInterval(30), in: tokyo)
        #expect(text(next) == "2025-06-01 10:01 Sun")
    }

    @Test("the time zone decides: 09:00 in Tokyo is 00:00 UTC")
    func timeZones() throws {
        let schedule = try CronSchedule(parsing: "0 9 * * *")
        let utc = TimeZone(identifier: "UTC")!
        #expect(text(schedule.next(after: date("2025-06-01 00:00", utc), in: tokyo), utc) == "2025-06-02 00:00 Mon")
        #expect(text(schedule.next(after: date("2025-06-01 00:00", utc), in: utc), utc) == "2025-06-01 09:00 Sun")
    }

    @Test("a local time skipped by daylight saving fires after the jump; times stay increasing")
    func daylightSaving() throws {
        let newYork = TimeZone(identifier: "America/New_York")!
        let schedule = try CronSchedule(parsing: "30 2 * * *")
        let next = try #require(schedule.next(after: date("2025-03-09 00:00", newYork), in: newYork))
        #expect(next > date("2025-03-09 00:00", newYork))
        #expect(next < date("2025-03-10 00:00", newYork))
        let every = try CronSchedule(parsing: "*/30 * * * *")
        var time = date("2025-11-01 23:00", newYork)
        for _ in 0..<12 {  // across the November fall-back
            let following = try #require(every.next(after: time, in: newYork))
            #expect(following > time)
            #expect(following.timeIntervalSince(time) <= 5400)  // the repeated 01:00 fires once
            time = following
        }
    }

    @Test("errors name the field and the problem", arguments: [
        ("0 9 * *", "expected 5 fields (minute hour day-of-month month day-of-week), got 4"),
        ("0 24 * * *", "hour: 24 is out of range 0–23"),
        ("60 * * * *", "minute: 60 is out of range 0–59"),
        ("0 0 0 * *", "day-of-month: 0 is out of range 1–31"),
        ("0 0 * 13 *", "month: 13 is out of range 1–12"),
        ("0 0 * * 8", "day-of-week: 8 is out of range 0–7"),
        ("0 0 * * FRU", "day-of-week: unknown name 'FRU'; use SUN–SAT or numbers 0–7"),
        ("0 0 * JANUARY *", "month: unknown name 'JANUARY'; use JAN–DEC or numbers 1–12"),
        ("0 18-8 * * *", "hour: range '18-8' runs backwards; write it from low to high"),
        ("*/0 * * * *", "minute: step in '*/0' must be a whole number above 0"),
        ("5/10 * * * *", "minute: a step needs a range or '*': write '5-59/10' or '*/10'"),
        ("0 0 15W * *", "day-of-month: '15W' is Quartz syntax, not 5-field cron; use numbers, ranges, lists and steps"),
        ("0 0 L * *", "day-of-month: 'L' is Quartz syntax, not 5-field cron; use numbers, ranges, lists and steps"),
        ("0 0 ? * MON", "day-of-month: '?' is Quartz syntax, not 5-field cron; use numbers, ranges, lists and steps"),
        ("0 0 * * MON#2", "day-of-week: 'MON#2' is Quartz syntax, not 5-field cron; use numbers, ranges, lists and steps"),
        ("0 0 1,,2 * *", "day-of-month: has an empty item in its list"),
        ("x 0 * * *", "minute: 'x' in 'x' is not a number"),
        ("@reboot", "unknown shortcut '@reboot'; use @hourly, @daily, @weekly, @monthly or @yearly"),
        ("0 0 30 2 *", "day-of-month: no selected day exists in the selected months; the schedule would never run"),
        ("0 0 31 4,6,9,11 *", "day-of-month: no selected day exists in the selected months; the schedule would never run"),
    ])
    func errors(_ expression: String, _ message: String) {
        do {
            _ = try CronSchedule(parsing: expression)
            Issue.record("expected an error for \(expression)")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("day 31 in February still parses when weekdays can make it fire (OR)")
    func orKeepsImpossibleDays() throws {
        let schedule = try CronSchedule(parsing: "0 0 31 2 FRI")
        #expect(text(schedule.next(after: date("2025-02-01 00:00"), in: tokyo)) == "2025-02-07 00:00 Fri")
    }
}
