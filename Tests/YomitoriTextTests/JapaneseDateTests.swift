import Foundation
import Testing
import YomitoriText

/// The ISO string of a successful result, or the error code.
func outcome(_ result: Result<JapaneseDate, DateParseError>) -> String {
    switch result {
    case .success(let date): date.iso
    case .failure(let error): "error:\(error.code.rawValue)"
    }
}

/// The ISO string of a successful parse, or the error code.
func parsed(_ text: String, _ mode: DateMode = .strict) -> String {
    outcome(JapaneseDate.parse(text, mode: mode))
}

@Suite("Era")
struct EraTests {
    @Test func table() {
        #expect(Era.allCases.map(\.kanji) == ["明治", "大正", "昭和", "平成", "令和"])
        #expect(Era.allCases.map(\.abbreviation) == ["明", "大", "昭", "平", "令"])
        #expect(Era.allCases.map(\.latin) == ["M", "T", "S", "H", "R"])
        #expect(Era.allCases.map(\.code) == [1, 2, 3, 4, 5])
        #expect(Era.allCases.map(\.firstDay.iso) == ["1873-01-01", "1912-07-30", "1926-12-25", "1989-01-08", "2019-05-01"])
        #expect(Era.allCases.map { $0.lastDay?.iso } == ["1912-07-29", "1926-12-24", "1989-01-07", "2019-04-30", nil])
        #expect(Era.allCases.map(\.lastYear) == [45, 15, 64, 31, nil])
        #expect(Era.reiwa.gregorianYear(eraYear: 8) == 2026)
        #expect(Era.meiji < Era.reiwa)
    }

    @Test func erasAreContiguous() throws {
        for (earlier, later) in zip(Era.allCases, Era.allCases.dropFirst()) {
            let last = try #require(earlier.lastDay)
            #expect(last < later.firstDay)
            #expect(later.firstDay.dayOfReaching(age: 0) == last)  // the day before
            #expect(Era.containing(last) == earlier)
            #expect(Era.containing(later.firstDay) == later)
        }
        #expect(Era.containing(JapaneseDate(year: 1872, month: 12, day: 31)!) == nil)
    }

    @Test(arguments: [("令和", Era.reiwa), ("令", .reiwa), ("R", .reiwa), ("r", .reiwa), ("昭", .showa), ("M", .meiji)])
    func lookupByName(name: String, era: Era) {
        #expect(Era(name: name) == era)
    }

    @Test func unknownName() {
        #expect(Era(name: "X") == nil)
        #expect(Era(name: "慶応") == nil)
    }
}

@Suite("JapaneseDate")
struct JapaneseDateTests {
    /// jp-formats §4.3 boundary vectors, strict mode.
    @Test(arguments: [
        ("昭和64年1月7日", "1989-01-07"),
        ("昭和64年1月8日", "error:outsideEra"),
        ("平成元年1月7日", "error:outsideEra"),
        ("平成元年1月8日", "1989-01-08"),
        ("H01.01.08", "1989-01-08"),
        ("平成31年4月30日", "2019-04-30"),
        ("平成31年5月1日", "error:outsideEra"),
        ("令和元年4月30日", "error:outsideEra"),
        ("令和1年5月1日", "2019-05-01"),
        ("R1.5.1", "2019-05-01"),
        ("大正15年12月24日", "1926-12-24"),
        ("大正15年12月25日", "error:outsideEra"),
        ("明治45年7月29日", "1912-07-29"),
        ("明治45年7月30日", "error:outsideEra"),
        ("大正元年7月29日", "error:outsideEra"),
        ("令和6年2月29日", "2024-02-29"),
        ("平成12年2月29日", "2000-02-29"),
        ("令和7年2月29日", "error:notACalendarDate"),
    ])
    func boundaryVectorsStrict(input: String, expected: String) {
        #expect(parsed(input) == expected)
    }

    /// The same vectors in 住基 mode: only the two era exceptions and non-calendar days change.
    @Test(arguments: [
        ("昭和64年1月8日", "error:outsideEra"),
        ("平成元年1月7日", "error:outsideEra"),
        ("平成31年5月1日", "error:outsideEra"),
        ("令和元年4月30日", "error:outsideEra"),
        ("大正15年12月25日", "1926-12-25"),
        ("明治45年7月30日", "1912-07-30"),
        ("大正元年7月29日", "error:outsideEra"),
        ("令和7年2月29日", "2025-02-29"),
        ("平成11年2月30日", "1999-02-30"),
        ("令和6年4月31日", "2024-04-31"),
        ("令和6年4月32日", "error:notACalendarDate"),
        ("令和6年13月1日", "error:notACalendarDate"),
        ("明治45年7月31日", "error:outsideEra"),
        ("大正15年12月26日", "error:outsideEra"),
    ])
    func boundaryVectorsJuki(input: String, expected: String) {
        #expect(parsed(input, .juki) == expected)
    }

    @Test func jukiExceptionsKeepTheWrittenEra() throws {
        let meiji = try JapaneseDate.parse("明治45年7月30日", mode: .juki).get()
        #expect(meiji.wareki?.era == .meiji)
        #expect(meiji.wareki?.year == 45)
        #expect(meiji.formatted(.kanji) == "明治45年7月30日")
        #expect(meiji == JapaneseDate(year: 1912, month: 7, day: 30))
        #expect(JapaneseDate(year: 1912, month: 7, day: 30)?.formatted(.kanji) == "大正元年7月30日")
        let taisho = try JapaneseDate.parse("T15.12.25", mode: .juki).get()
        #expect(taisho.formatted(.abbreviated) == "T15.12.25")
        let leap = try JapaneseDate.parse("令和7年2月29日", mode: .juki).get()
        #expect(!leap.isCalendarDate)
        #expect(leap.formatted(.kanji) == "令和7年2月29日")
    }

    @Test(arguments: [
        ("令和6年4月1日", "2024-04-01"),
        ("令和元年5月1日", "2019-05-01"),
        ("令和 6年 4月 1日", "2024-04-01"),
        (" 令 和６年\u{3000}４月１日 ", "2024-04-01"),
        ("令和６年４月１日", "2024-04-01"),
        ("R6.4.1", "2024-04-01"),
        ("R06.04.01", "2024-04-01"),
        ("R6/4/1", "2024-04-01"),
        ("R6-4-1", "2024-04-01"),
        ("Ｒ６．４．１", "2024-04-01"),
        ("r6.4.1", "2024-04-01"),
        ("S58.4.1", "1983-04-01"),
        ("H31.04.30", "2019-04-30"),
        ("令6.4.1", "2024-04-01"),
        ("昭和64年1月7日", "1989-01-07"),
        ("昭和64.1.7", "1989-01-07"),
        ("㋿6年4月1日", "2024-04-01"),
        ("㍻31年4月30日", "2019-04-30"),
        ("㍼64年1月7日", "1989-01-07"),
        ("R6年4月1日", "2024-04-01"),
        ("明治6年1月1日", "1873-01-01"),
        ("2026-06-10", "2026-06-10"),
        ("2026/6/10", "2026-06-10"),
        ("2026.6.10", "2026-06-10"),
        ("2026年6月10日", "2026-06-10"),
        ("２０２６年６月１０日", "2026-06-10"),
        ("西暦2026年6月10日", "2026-06-10"),
        ("20260610", "2026-06-10"),
        ("2000-02-29", "2000-02-29"),
    ])
    func inputStyles(input: String, expected: String) {
        #expect(parsed(input) == expected)
    }

    @Test(arguments: [
        ("", "error:unrecognised"),
        ("令和", "error:unrecognised"),
        ("令和6年4月", "error:unrecognised"),
        ("令和6年4月1", "error:unrecognised"),
        ("令和6午4月1日", "error:unrecognised"),
        ("R6.4/1", "error:unrecognised"),
        ("R6.4.1.", "error:unrecognised"),
        ("R123.4.1", "error:unrecognised"),
        ("6.4.1", "error:unrecognised"),
        ("26.6.10", "error:unrecognised"),
        ("2026-6", "error:unrecognised"),
        ("2026ー06ー10", "error:unrecognised"),
        ("202606100", "error:unrecognised"),
        ("X6.4.1", "error:unrecognised"),
        ("令和0年5月1日", "error:unrecognised"),
        ("2026-02-30", "error:notACalendarDate"),
        ("2026-00-10", "error:notACalendarDate"),
        ("2100-02-29", "error:notACalendarDate"),
        ("明治5年12月2日", "error:beforeSupportedRange"),
        ("1872-12-31", "error:beforeSupportedRange"),
        ("明治元年10月23日", "error:beforeSupportedRange"),
        ("昭和70年1月1日", "error:outsideEra"),
        ("令和元年", "error:unrecognised"),
    ])
    func rejected(input: String, expected: String) {
        #expect(parsed(input) == expected)
    }

    @Test(arguments: [
        ("平成31年5月1日", "令和元年5月1日"),
        ("昭和64年1月8日", "平成元年1月8日"),
        ("平成元年1月7日", "昭和64年1月7日"),
        ("令和元年4月30日", "平成31年4月30日"),
        ("大正15年12月25日", "昭和元年12月25日"),
        ("昭和70年1月1日", "平成7年1月1日"),
    ])
    func outsideEraSuggestsTheCorrectEra(input: String, suggestion: String) {
        guard case .failure(let error) = JapaneseDate.parse(input) else {
            Issue.record("\(input) must be rejected")
            return
        }
        #expect(error.code == .outsideEra)
        #expect(error.suggestion == suggestion)
        #expect(error.description.contains(suggestion))
    }

    @Test func formattedStyles() throws {
        let date = try JapaneseDate.parse("2026-06-10").get()
        #expect(date.formatted(.iso) == "2026-06-10")
        #expect(date.formatted(.kanji) == "令和8年6月10日")
        #expect(date.formatted(.abbreviated) == "R8.6.10")
        #expect(date.formatted(.abbreviatedPadded) == "R08.06.10")
        #expect(date.description == "2026-06-10")
        #expect(date.wareki?.era == .reiwa)
        #expect(date.wareki?.year == 8)
        let gannen = try JapaneseDate.parse("R1.5.1").get()
        #expect(gannen.formatted(.kanji) == "令和元年5月1日")
        #expect(gannen.formatted(.abbreviated) == "R1.5.1")
        #expect(gannen.formatted(.abbreviatedPadded) == "R01.05.01")
        let showa = try JapaneseDate.parse("1989-01-07").get()
        #expect(showa.formatted(.kanji) == "昭和64年1月7日")
        let heisei = try JapaneseDate.parse("1989-01-08").get()
        #expect(heisei.formatted(.kanji) == "平成元年1月8日")
        let early = try #require(JapaneseDate(year: 1850, month: 1, day: 2))
        #expect(early.wareki == nil)
        #expect(early.formatted(.kanji) == "1850年1月2日")
        #expect(early.formatted(.abbreviatedPadded) == "1850.01.02")
    }

    @Test func everyStyleRoundTripsThroughParse() throws {
        let dates = ["1873-01-01", "1912-07-29", "1912-07-30", "1926-12-25", "1989-01-07", "1989-01-08",
                     "2019-04-30", "2019-05-01", "2024-02-29", "2026-06-10"]
        for iso in dates {
            let date = try JapaneseDate.parse(iso).get()
            for style in DateStyle.allCases {
                #expect(parsed(date.formatted(style)) == iso, "\(style) of \(iso)")
            }
        }
    }

    @Test func fromWarekiForTickedEraBoxes() {
        #expect(outcome(JapaneseDate.fromWareki(era: .showa, year: 58, month: 4, day: 1)) == "1983-04-01")
        #expect(outcome(JapaneseDate.fromWareki(era: .heisei, year: 31, month: 5, day: 1)) == "error:outsideEra")
        #expect(outcome(JapaneseDate.fromWareki(era: .reiwa, year: 0, month: 5, day: 1)) == "error:unrecognised")
        #expect(outcome(JapaneseDate.fromGregorian(year: 2026, month: 2, day: 29)) == "error:notACalendarDate")
        #expect(outcome(JapaneseDate.fromGregorian(year: 2026, month: 2, day: 29, mode: .juki)) == "2026-02-29")
    }

    @Test func initValidatesCalendarDates() {
        #expect(JapaneseDate(year: 2024, month: 2, day: 29) != nil)
        #expect(JapaneseDate(year: 2025, month: 2, day: 29) == nil)
        #expect(JapaneseDate(year: 2025, month: 4, day: 31) == nil)
        #expect(JapaneseDate(year: 2025, month: 13, day: 1) == nil)
        #expect(JapaneseDate(year: 0, month: 1, day: 1) == nil)
        #expect(JapaneseDate.isLeapYear(2000) && !JapaneseDate.isLeapYear(1900) && JapaneseDate.isLeapYear(2024))
    }

    @Test func comparable() throws {
        let a = try JapaneseDate.parse("昭和64年1月7日").get()
        let b = try JapaneseDate.parse("平成元年1月8日").get()
        #expect(a < b)
        #expect([b, a].sorted() == [a, b])
        #expect(Set([a, try JapaneseDate.parse("1989-01-07").get()]).count == 1)
    }

    /// 年齢計算ニ関スル法律: age N is reached on the day before the N-th birthday (jp-formats §4.3).
    @Test(arguments: [
        ("2008-04-01", "2026-03-30", 17),
        ("2008-04-01", "2026-03-31", 18),
        ("2008-04-02", "2026-03-31", 17),
        ("2008-04-02", "2026-04-01", 18),
        ("2008-02-29", "2026-02-27", 17),
        ("2008-02-29", "2026-02-28", 18),
        ("2008-02-29", "2028-02-28", 20),
        ("2008-01-01", "2025-12-30", 17),
        ("2008-01-01", "2025-12-31", 18),
        ("2008-03-01", "2026-02-28", 18),
        ("2008-03-01", "2026-02-27", 17),
        ("2024-05-01", "2024-05-01", 0),
        ("1989-01-07", "2026-06-10", 37),
    ])
    func age(birth: String, on day: String, expected: Int) throws {
        let birthDate = try JapaneseDate.parse(birth).get()
        let date = try JapaneseDate.parse(day).get()
        #expect(birthDate.age(on: date) == expected)
    }

    @Test func dayOfReaching() throws {
        #expect(try JapaneseDate.parse("2008-04-01").get().dayOfReaching(age: 18).iso == "2026-03-31")
        #expect(try JapaneseDate.parse("2008-04-02").get().dayOfReaching(age: 18).iso == "2026-04-01")
        #expect(try JapaneseDate.parse("2008-02-29").get().dayOfReaching(age: 18).iso == "2026-02-28")
        #expect(try JapaneseDate.parse("2008-01-01").get().dayOfReaching(age: 18).iso == "2025-12-31")
        let juki = try JapaneseDate.parse("平成11年2月30日", mode: .juki).get()
        #expect(juki.dayOfReaching(age: 1).iso == "2000-02-29")
        #expect(juki.age(on: try JapaneseDate.parse("2000-02-29").get()) == 1)
    }
}

@Suite("JapaneseDate from Foundation")
struct JapaneseDateFoundationTests {
    @Test func dateUsesJapanStandardTime() throws {
        // 1970-01-01 15:00 UTC is 1970-01-02 00:00 JST.
        let instant = Date(timeIntervalSince1970: 15 * 3600)
        #expect(JapaneseDate(instant).iso == "1970-01-02")
        let utc = try #require(TimeZone(secondsFromGMT: 0))
        #expect(JapaneseDate(instant, timeZone: utc).iso == "1970-01-01")
        #expect(JapaneseDate(Date(timeIntervalSince1970: 1_781_049_600)).formatted(.kanji) == "令和8年6月10日")
    }
}
