import YomitoriYAML
import Yams
import YomitoriText

/// The `date:` field rule.
extension TemplateParser {
    /// `{not_future: true, not_before: 1900-01-01, not_after: …, min_age: 0, max_age: 120,
    /// age_on: request_date, mode: juki}`; every key is optional (`date: {}` just asks for a real date).
    mutating func parseDateRule(_ node: Node, subject: String, context: RuleContext) -> DateRule? {
        let errorsBefore = reader.diagnostics.count
        guard let keyed = reader.mapping(node, TemplateKeys.dateRule, subject: subject) else { return nil }
        var rule = DateRule()
        if let flag = keyed["not_future"] { rule.notFuture = reader.bool(flag, "\(subject): not_future") ?? false }
        rule.notBefore = keyed["not_before"].flatMap { boundDate($0, "\(subject): not_before") }
        rule.notAfter = keyed["not_after"].flatMap { boundDate($0, "\(subject): not_after") }
        if let notBefore = rule.notBefore, let notAfter = rule.notAfter, notBefore > notAfter {
            reader.error(.invalidBounds, at: keyed.keyNodes["not_before"],
                         "\(subject): not_before (\(notBefore.iso)) is after not_after (\(notAfter.iso))")
        }
        rule.minAge = keyed["min_age"].flatMap { age($0, "\(subject): min_age") }
        rule.maxAge = keyed["max_age"].flatMap { age($0, "\(subject): max_age") }
        if let minAge = rule.minAge, let maxAge = rule.maxAge, minAge > maxAge {
            reader.error(.invalidBounds, at: keyed.keyNodes["min_age"],
                         "\(subject): min_age (\(minAge)) is greater than max_age (\(maxAge))")
        }
        if let ageNode = keyed["age_on"], let name = reader.text(ageNode, "\(subject): age_on"), name != "today" {
            rule.ageOn = name
            if name == context.field {
                reader.error(.invalidValue, at: ageNode,
                             "\(subject): age_on names the field itself; name the date the age is counted on "
                                 + "(e.g. request_date) or leave it out for the day of validation")
            } else {
                fieldReferences.append(FieldReference(
                    name: name, node: ageNode, pageIndex: context.pageIndex, purpose: "\(subject): age_on",
                    expectedTypes: [.date]))
            }
            if rule.minAge == nil, rule.maxAge == nil {
                reader.warning(.ineffectiveKey, at: keyed.keyNodes["age_on"],
                               "\(subject): age_on has no effect without min_age or max_age")
            }
        }
        if let modeNode = keyed["mode"], let mode = reader.text(modeNode, "\(subject): mode") {
            switch mode {
            case "strict": rule.mode = .strict
            case "juki": rule.mode = .juki
            default:
                var message = "\(subject): unknown mode '\(mode)'"
                if let suggestion = closestWord(to: mode, in: ["strict", "juki"]) {
                    message += "; did you mean '\(suggestion)'?"
                }
                reader.error(.invalidValue, at: modeNode,
                             message + " (strict: real calendar dates only; juki: also 住基 birth dates "
                                 + "such as 2月29日 of a common year)")
            }
        }
        let hasErrors = reader.diagnostics[errorsBefore...].contains { $0.severity == .error }
        return hasErrors ? nil : rule
    }

    /// A bound written as any date the forms use: `1900-01-01`, `明治33年1月1日`, `R1.5.1`.
    private mutating func boundDate(_ node: Node, _ what: String) -> JapaneseDate? {
        guard let text = reader.text(node, what) else { return nil }
        switch JapaneseDate.parse(text, mode: .strict) {
        case .success(let date):
            return date
        case .failure(let error):
            reader.error(.invalidValue, at: node,
                         "\(what) must be a date such as 1900-01-01 or 明治33年1月1日: \(error.description)")
            return nil
        }
    }

    /// A whole number of years, 0 or more.
    private mutating func age(_ node: Node, _ what: String) -> Int? {
        guard let value = reader.integer(node, what) else { return nil }
        guard value >= 0 else {
            reader.error(.invalidValue, at: node, "\(what) must be 0 or more, got \(value)")
            return nil
        }
        return value
    }
}
