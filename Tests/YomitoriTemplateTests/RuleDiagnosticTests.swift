import YomitoriYAML
import Foundation
import Testing
@testable import YomitoriTemplate

/// Every mistake in `normalize`, `threshold` and `rules`, with its message and line.
@Suite struct RuleDiagnosticTests {
    /// ``page(fields:)`` followed by page rules; with one field line, the rules start at line 10.
    func page(fields: String, rules: String) -> String {
        YomitoriTemplateTests.page(fields: fields) + "\n  rules:\n" + rules
    }

    /// One text field `a` at line 8 with these extra keys, as block lines from line 11.
    func fieldA(type: String = "text", _ lines: String) -> String {
        YomitoriTemplateTests.page(fields: "    - name: a\n      type: \(type)\n      zone: [20, 20, 30, 10]\n" + lines)
    }

    // MARK: - normalize and threshold

    @Test func unknownNormalizerWithSuggestion() throws {
        let diagnostic = try single(.unknownNormalizer, in: fieldA("      normalize: [nfkc, half_width]"))
        #expect(diagnostic.line == 11)
        #expect(diagnostic.column == 25)
        #expect(diagnostic.message == "field 'a': unknown normalize step 'half_width'; did you mean 'halfwidth'? (steps: "
            + "nfkc, halfwidth, fullwidth, katakana, hiragana, halfwidth_katakana, zengin_kana, digits_only, "
            + "collapse_spaces, remove_spaces, trim, upper, lower)")
    }

    @Test func normalizeMustBeAList() throws {
        let diagnostic = try single(.wrongType, in: fieldA("      normalize: nfkc"))
        #expect(diagnostic.line == 11)
        #expect(diagnostic.message == "field 'a': normalize must be a list of steps, e.g. [nfkc, collapse_spaces], got nfkc")
    }

    @Test func normalizeDoesNotApplyToTicks() throws {
        let yaml = YomitoriTemplateTests.page(fields: "    - {name: agree, type: checkbox, box: [20, 20, 4, 4], normalize: [nfkc]}")
        let diagnostic = try single(.notApplicable, in: yaml)
        #expect(diagnostic.line == 8)
        #expect(diagnostic.message == "field 'agree': 'normalize' does not apply to a checkbox field "
            + "(ticks are decided from pixels, not read by OCR)")
    }

    @Test func thresholdIsAConfidence() throws {
        let diagnostic = try single(.invalidValue, in: fieldA("      threshold: 85"))
        #expect(diagnostic.line == 11)
        #expect(diagnostic.message == "field 'a': threshold must be a confidence between 0 and 1, got 85")
        let text = try single(.wrongType, in: fieldA("      threshold: high"))
        #expect(text.message == "field 'a': threshold must be a confidence between 0 and 1, got high")
    }

    // MARK: - Rule items

    @Test func rulesMustBeAListOfMappings() throws {
        let list = try single(.wrongType, in: fieldA("      rules: {check: phone}"))
        #expect(list.line == 11)
        #expect(list.message == "field 'a': rules must be a list of rules (- check: …), got {check: phone}")
        let item = try single(.notAMapping, in: fieldA("      rules:\n        - my_number"))
        #expect(item.line == 12)
        #expect(item.message == "field 'a' rule 1 must be a mapping of `key: value` lines, got my_number")
    }

    @Test func unknownRuleKeysWithSuggestionsOrWhereTheyBelong() throws {
        let yaml = fieldA("      rules:\n        - chek: phone\n        - date_order: [a, b]")
        let unknown = diagnostics(yaml).filter { $0.code == .unknownKey }
        #expect(unknown.map(\.line) == [12, 13])
        #expect(unknown.map(\.column) == [11, 11])
        #expect(unknown.map(\.message) == [
            "unknown key 'chek' in field 'a' rule 1; did you mean 'check'?",
            "unknown key 'date_order' in field 'a' rule 2; 'date_order' belongs in a page rule mapping",
        ])
        // An item whose only key is unknown is not also reported as having no rule.
        #expect(diagnostics(yaml).count == 2)
    }

    @Test func aRuleItemHasExactlyOneRule() throws {
        let none = try single(.ruleKeyCount, in: fieldA("      rules:\n        - soft: true"))
        #expect(none.line == 12)
        #expect(none.message == "field 'a' rule 1 has no rule; give one of: check, regex, length, range, one_of, date")
        let two = try single(.ruleKeyCount, in: fieldA("      rules:\n        - check: phone\n          length: 3"))
        #expect(two.line == 13)
        #expect(two.column == 11)
        #expect(two.message == "field 'a' rule 1 has several rules (check, length); write each rule as its own list item")
    }

    @Test func softAndMessage() throws {
        let soft = try single(.wrongType, in: fieldA("      rules:\n        - check: phone\n          soft: yes please"))
        #expect(soft.line == 13)
        #expect(soft.message == "field 'a' rule 1: soft must be true or false, got yes please")
        let message = try single(.invalidValue, in: fieldA("      rules:\n        - check: phone\n          message: \"\""))
        #expect(message.line == 13)
        #expect(message.message == "field 'a' rule 1: message must not be empty")
    }

    // MARK: - Checks

    @Test func unknownCheckWithSuggestion() throws {
        let diagnostic = try single(.unknownCheck, in: fieldA("      rules:\n        - check: my_numbr"))
        #expect(diagnostic.line == 12)
        #expect(diagnostic.column == 18)
        #expect(diagnostic.message == "field 'a' rule 1: unknown check 'my_numbr'; did you mean 'my_number'? (checks: "
            + "my_number, corporate_number, postal_code, phone, email, local_government_code, katakana, digits)")
    }

    @Test func rulesThatCannotApplyToTheType() throws {
        let yaml = YomitoriTemplateTests.page(fields: """
                - {name: agree, type: checkbox, box: [20, 20, 4, 4], rules: [{date: {not_future: true}}]}
                - {name: zip, type: comb, zone: [20, 30, 50, 9], count: 7, rules: [{check: email}]}
                - {name: name, type: text, zone: [20, 50, 50, 9], rules: [{range: {min: 1}}]}
                - {name: day, type: date, zone: [20, 70, 50, 9], rules: [{length: 10}]}
            """)
        let notApplicable = diagnostics(yaml).filter { $0.code == .notApplicable }
        #expect(notApplicable.map(\.line) == [8, 9, 10, 11])
        #expect(notApplicable.map(\.message) == [
            "field 'agree' rule 1: rule 'date' does not apply to a checkbox field (only to date)",
            "field 'zip' rule 1: check 'email' does not apply to a comb field (only to text, email)",
            "field 'name' rule 1: rule 'range' does not apply to a text field (only to digits, number, comb)",
            "field 'day' rule 1: rule 'length' does not apply to a date field "
                + "(only to text, katakana, digits, number, phone, email, comb)",
        ])
    }

    // MARK: - regex, length, range, one_of

    @Test func aBadRegexIsReportedAtLoadTime() throws {
        let diagnostic = try single(.invalidPattern, in: fieldA("      rules:\n        - regex: \"[0-9\""))
        #expect(diagnostic.line == 12)
        #expect(diagnostic.column == 18)
        #expect(diagnostic.message.hasPrefix("field 'a' rule 1 (regex): '[0-9' is not a valid regular expression: "))
    }

    @Test func lengthAndRangeBounds() throws {
        let yaml = fieldA(type: "number", """
                  rules:
                    - length: {min: 5, max: 3}
                    - range: {min: 10, max: 1}
                    - length: {}
                    - length: 0
                    - range: {min: one}
            """)
        let all = diagnostics(yaml)
        #expect(all.map(\.line) == [12, 13, 14, 15, 16])
        #expect(all.map(\.code) == [.invalidBounds, .invalidBounds, .missingKey, .invalidValue, .wrongType])
        #expect(all.map(\.message) == [
            "field 'a' rule 1 (length): min (5) is greater than max (3)",
            "field 'a' rule 2 (range): min (10) is greater than max (1)",
            "field 'a' rule 3 (length) needs min, max or both",
            "field 'a' rule 4 (length): length must be at least 1, got 0",
            "field 'a' rule 5 (range): min must be a number, got one",
        ])
    }

    @Test func oneOfNeedsWords() throws {
        let diagnostic = try single(.invalidValue, in: fieldA("      rules:\n        - one_of: []"))
        #expect(diagnostic.line == 12)
        #expect(diagnostic.message == "field 'a' rule 1 (one_of): the list of allowed values is empty")
    }

    // MARK: - date

    @Test func dateRuleMistakes() throws {
        let yaml = fieldA(type: "date", """
                  rules:
                    - date: {not_before: 2020-13-01, mode: jukki, min_age: 20, max_age: 10, not_futur: true}
                    - date: {not_before: 2020-01-01, not_after: 2019-12-31, min_age: -1}
            """)
        let all = diagnostics(yaml)
        #expect(all.map(\.line) == [12, 12, 12, 12, 13, 13])
        // In file order: by line, then by column.
        #expect(all.map(\.code) == [.invalidValue, .invalidValue, .invalidBounds, .unknownKey, .invalidBounds, .invalidValue])
        #expect(all.map(\.message) == [
            "field 'a' rule 1 (date): not_before must be a date such as 1900-01-01 or 明治33年1月1日: "
                + "2020年13月1日: no such month or day",
            "field 'a' rule 1 (date): unknown mode 'jukki'; did you mean 'juki'? (strict: real calendar dates only; "
                + "juki: also 住基 birth dates such as 2月29日 of a common year)",
            "field 'a' rule 1 (date): min_age (20) is greater than max_age (10)",
            "unknown key 'not_futur' in field 'a' rule 1 (date); did you mean 'not_future'?",
            "field 'a' rule 2 (date): not_before (2020-01-01) is after not_after (2019-12-31)",
            "field 'a' rule 2 (date): min_age must be 0 or more, got -1",
        ])
    }

    @Test func ageOnMustNameADateFieldOfThePage() throws {
        let yaml = YomitoriTemplateTests.page(fields: """
                - {name: request_date, type: text, zone: [20, 20, 50, 9]}
                - {name: birth_date, type: date, zone: [20, 40, 50, 9], rules: [{date: {max_age: 120, age_on: request_date}}]}
                - {name: other, type: date, zone: [20, 60, 50, 9], rules: [{date: {max_age: 120, age_on: requst_date}}]}
                - {name: self, type: date, zone: [20, 80, 50, 9], rules: [{date: {max_age: 120, age_on: self}}]}
                - {name: lonely, type: date, zone: [20, 100, 50, 9], rules: [{date: {age_on: birth_date}}]}
            """)
        let all = diagnostics(yaml)
        #expect(all.map(\.line) == [9, 10, 11, 12])
        #expect(all.map(\.code) == [.referenceTypeMismatch, .unknownFieldReference, .invalidValue, .ineffectiveKey])
        #expect(all.map(\.severity) == [.error, .error, .error, .warning])
        #expect(all.map(\.message) == [
            "field 'birth_date' rule 1 (date): age_on: 'request_date' is a text field; expected a date field",
            "field 'other' rule 1 (date): age_on: there is no field 'requst_date'; did you mean 'request_date'?",
            "field 'self' rule 1 (date): age_on names the field itself; name the date the age is counted on "
                + "(e.g. request_date) or leave it out for the day of validation",
            "field 'lonely' rule 1 (date): age_on has no effect without min_age or max_age",
        ])
    }

    // MARK: - Page rules

    static let twoDates = """
            - {name: birth_date, type: date, zone: [20, 20, 50, 9]}
            - {name: request_date, type: date, zone: [20, 40, 50, 9]}
            - {name: name, type: text, zone: [20, 60, 50, 9]}
            - {name: purpose, type: checkbox, options: [{value: 年金, box: [20, 80, 4, 4]}, {value: その他, box: [40, 80, 4, 4]}]}
            - {name: agree, type: checkbox, box: [20, 90, 4, 4]}
        """

    @Test func pageRulesNameFieldsOfThePageWithTheRightType() throws {
        let yaml = page(fields: Self.twoDates, rules: """
                - date_order: [birth_date, request_dat]
                - date_order: [birth_date, name]
                - at_least_one: [name]
                - equal: [name, name]
                - required_if: {field: name, when: purpose, has: その他a}
                - required_if: {field: name, when: agree, has: "true"}
                - required_if: {field: name, when: name}
                - required_if: {field: name}
            """)
        let all = diagnostics(yaml)
        #expect(all.map(\.line) == [14, 15, 16, 17, 18, 19, 20, 21])
        #expect(all.map(\.code) == [.unknownFieldReference, .referenceTypeMismatch, .invalidValue, .invalidValue,
                                    .invalidValue, .notApplicable, .invalidValue, .missingKey])
        #expect(all.map(\.message) == [
            "page rule 1 (date_order): there is no field 'request_dat'; did you mean 'request_date'?",
            "page rule 2 (date_order): 'name' is a text field; expected a date field",
            "page rule 3 (at_least_one) needs at least 2 field names, got 1",
            "page rule 4 (equal) names field 'name' twice",
            "page rule 5 (required_if): 'その他a' is not an option of 'purpose'; did you mean 'その他'? (options: 年金, その他)",
            "page rule 6 (required_if): 'agree' is a single box; leave out has: (the rule then applies when the box is ticked)",
            "page rule 7 (required_if): field and when name the same field 'name'",
            "page rule 8 (required_if) is missing required key 'when'",
        ])
    }

    @Test func pageRuleItemsHaveExactlyOneKnownRule() throws {
        let yaml = page(fields: Self.twoDates, rules: """
                - check: phone
                - date_order: [birth_date, request_date]
                  equal: [birth_date, request_date]
                - dateorder: [birth_date, request_date]
            """)
        let all = diagnostics(yaml)
        #expect(all.map(\.line) == [14, 16, 17])
        #expect(all.map(\.message) == [
            "unknown key 'check' in page rule 1; 'check' belongs in a field rule mapping",
            "page rule 2 has several rules (date_order, equal); write each rule as its own list item",
            "unknown key 'dateorder' in page rule 3; did you mean 'date_order'?",
        ])
    }

    @Test func aRuleCanOnlyNameFieldsOfItsOwnPage() throws {
        let yaml = """
            template: t
            pages:
              - size: A4
                registration: {marks: [[8, 8, 6, 6]]}
                fields:
                  - {name: birth_date, type: date, zone: [20, 20, 50, 9]}
              - size: A4
                registration: {marks: [[8, 8, 6, 6]]}
                fields:
                  - {name: request_date, type: date, zone: [20, 20, 50, 9]}
                rules:
                  - date_order: [birth_date, request_date]
            """
        let diagnostic = try single(.unknownFieldReference, in: yaml)
        #expect(diagnostic.line == 12)
        #expect(diagnostic.column == 22)
        #expect(diagnostic.message == "page rule 1 (date_order): field 'birth_date' is on page 1; "
            + "rules can only name fields of their own page")
    }
}
