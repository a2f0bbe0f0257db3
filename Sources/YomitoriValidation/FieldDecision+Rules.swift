import YomitoriResults
import YomitoriTemplate
import YomitoriText

/// The second pass: the template's `rules:` and `vocabulary:` on the normalised value.
extension FieldDecision {
    /// Runs every rule of the field; a failure is invalid, or review for a `soft: true` rule.
    ///
    /// Rules are skipped for a blank field (only `required` matters), a field whose normalisation
    /// failed, and a value that is not text (several ticked options). A `date:` rule needs the
    /// field's date; without it the date check has already said why.
    ///
    /// - Parameters:
    ///   - dateOf: the date of another field of the page (for `age_on`), nil if it has none.
    ///   - today: the day of validation (`not_future`, and ages without `age_on` or whose
    ///     `age_on` field has no date).
    mutating func applyRules(dateOf: (String) -> JapaneseDate?, today: JapaneseDate) {
        guard let spec, isFilledIn, !isUncheckable, let text else { return }
        for rule in spec.rules {
            let status: Status = rule.soft ? .review : .invalid
            let override = rule.message
            switch rule.kind {
            case .check(let check):
                run(check, status: status, override: override)
            case .regex(let pattern):
                let matches = (try? Regex(pattern)).map { text.wholeMatch(of: $0) != nil } ?? false
                if !matches { add(.pattern, status, override: override) }
            case .length(let minimum, let maximum):
                if !Self.isWithin(Double(text.count), minimum.map(Double.init), maximum.map(Double.init)) {
                    add(.length, status, .bounds(min: minimum.map(Double.init), max: maximum.map(Double.init)),
                        override: override)
                }
            case .range(let minimum, let maximum):
                let number = Self.number(text)
                if number.map({ Self.isWithin($0, minimum, maximum) }) != true {
                    add(.range, status, .bounds(min: minimum, max: maximum), override: override)
                }
            case .oneOf(let words):
                if !words.contains(text) { add(.notAllowed, status, override: override) }
            case .date(let dateRule):
                guard let date else { continue }
                applyDateRule(dateRule, to: date, status: status, override: override, dateOf: dateOf, today: today)
            }
        }
        if !spec.vocabulary.isEmpty, !spec.vocabulary.contains(text) {
            add(.notAllowed, .invalid)
        }
    }

    private mutating func applyDateRule(
        _ rule: DateRule, to date: JapaneseDate, status: Status, override: String?,
        dateOf: (String) -> JapaneseDate?, today: JapaneseDate
    ) {
        if rule.notFuture, date > today {
            add(.dateRange, status, .dateBound(.future), override: override)
        }
        if let notBefore = rule.notBefore, date < notBefore {
            add(.dateRange, status, .dateBound(.before(notBefore)), override: override)
        }
        if let notAfter = rule.notAfter, date > notAfter {
            add(.dateRange, status, .dateBound(.after(notAfter)), override: override)
        }
        guard rule.minAge != nil || rule.maxAge != nil else { return }
        let reference = rule.ageOn.flatMap(dateOf) ?? today
        let age = Double(date.age(on: reference))
        let bounds = (rule.minAge.map(Double.init), rule.maxAge.map(Double.init))
        if !Self.isWithin(age, bounds.0, bounds.1) {
            add(.age, status, .bounds(min: bounds.0, max: bounds.1), override: override)
        }
    }

    /// Whether `value` is within the bounds that are given.
    static func isWithin(_ value: Double, _ minimum: Double?, _ maximum: Double?) -> Bool {
        if let minimum, value < minimum { return false }
        if let maximum, value > maximum { return false }
        return true
    }

    /// The text as a number: NFKC, thousands separators and white space removed (`１,０００` → 1000).
    static func number(_ text: String) -> Double? {
        let cleaned = JapaneseText.removeWhitespace(JapaneseText.nfkc(text)).filter { $0 != "," }
        guard cleaned.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "-" }), let value = Double(cleaned), value.isFinite else { return nil }
        return value
    }
}
