/// One of the five fields of a cron expression, with its range and names.
struct CronField: Sendable {
    let name: String
    let range: ClosedRange<Int>
    /// Upper-case three-letter names and their values (JAN = 1, SUN = 0).
    let names: [String: Int]
    /// Values mapped to another after parsing (day-of-week 7 is Sunday, 0).
    let aliases: [Int: Int]

    static let minute = CronField(name: "minute", range: 0...59, names: [:], aliases: [:])
    static let hour = CronField(name: "hour", range: 0...23, names: [:], aliases: [:])
    static let dayOfMonth = CronField(name: "day-of-month", range: 1...31, names: [:], aliases: [:])
    static let month = CronField(
        name: "month", range: 1...12,
        names: Dictionary(uniqueKeysWithValues: ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT",
                                                 "NOV", "DEC"].enumerated().map { ($1, $0 + 1) }),
        aliases: [:]
    )
    static let dayOfWeek = CronField(
        name: "day-of-week", range: 0...7,
        names: Dictionary(uniqueKeysWithValues: ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"].enumerated()
            .map { ($1, $0) }),
        aliases: [7: 0]
    )

    /// The set of values the field text selects, as a bit mask (bit n = value n).
    ///
    /// Accepts `*`, `*/step`, `a`, `a-b`, `a-b/step` and comma-separated lists of these, with names
    /// where the field has them. `a/step` without a range is refused, as Vixie cron does.
    func parse(_ text: String) throws(CronError) -> UInt64 {
        guard !text.isEmpty else { throw CronError(.syntax, field: name, "is empty") }
        var mask: UInt64 = 0
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            mask |= try parseItem(String(item))
        }
        return mask
    }

    private func parseItem(_ item: String) throws(CronError) -> UInt64 {
        guard !item.isEmpty else { throw CronError(.syntax, field: name, "has an empty item in its list") }
        let letters = item.uppercased().filter { !$0.isNumber }
        if item.contains("?") || item.contains("#") || ["L", "W", "LW"].contains(letters) {
            throw CronError(.syntax, field: name,
                            "'\(item)' is Quartz syntax, not 5-field cron; use numbers, ranges, lists and steps")
        }
        let parts = item.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { throw CronError(.syntax, field: name, "'\(item)' has more than one '/'") }
        var step = 1
        if parts.count == 2 {
            guard let value = Int(parts[1]), value > 0 else {
                throw CronError(.syntax, field: name, "step in '\(item)' must be a whole number above 0")
            }
            step = value
        }
        let base = String(parts[0])
        let bounds: ClosedRange<Int>
        if base == "*" {
            bounds = range
        } else if let dash = base.firstIndex(of: "-") {
            let low = try value(String(base[..<dash]), in: item)
            let high = try value(String(base[base.index(after: dash)...]), in: item)
            guard low <= high else {
                throw CronError(.syntax, field: name, "range '\(base)' runs backwards; write it from low to high")
            }
            bounds = low...high
        } else {
            let single = try value(base, in: item)
            guard parts.count == 1 else {
                throw CronError(.syntax, field: name,
                                "a step needs a range or '*': write '\(single)-\(range.upperBound)/\(step)' or '*/\(step)'")
            }
            bounds = single...single
        }
        var mask: UInt64 = 0
        for value in stride(from: bounds.lowerBound, through: bounds.upperBound, by: step) {
            mask |= 1 << UInt64(aliases[value] ?? value)
        }
        return mask
    }

    private func value(_ text: String, in item: String) throws(CronError) -> Int {
        if let number = Int(text), text.allSatisfy(\.isASCII) {
            guard range.contains(number) else {
                throw CronError(.outOfRange, field: name,
                                "\(number) is out of range \(range.lowerBound)–\(range.upperBound)")
            }
            return number
        }
        if let named = names[text.uppercased()] { return named }
        if names.isEmpty {
            throw CronError(.syntax, field: name, "'\(text)' in '\(item)' is not a number")
        }
        let list = names.sorted { $0.value < $1.value }.map(\.key)
        throw CronError(.outOfRange, field: name,
                        "unknown name '\(text)'; use \(list.first ?? "")–\(list.last ?? "") or numbers \(range.lowerBound)–\(range.upperBound)")
    }
}
