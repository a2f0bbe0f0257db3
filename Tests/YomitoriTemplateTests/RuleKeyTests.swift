import YomitoriYAML
import Foundation
import Testing
import YomitoriText
@testable import YomitoriTemplate

/// `normalize`, `threshold` and `rules` on fields, and `rules` on pages, load into the model.
@Suite struct RuleKeyTests {
    static let example = """
        template: t
        page:
          size: A4
          registration: {marks: [[8, 8, 6, 6]]}
          fields:
            - name: request_date
              type: date
              zone: [20, 20, 80, 8]
              threshold: 0.9
              rules:
                - date: {not_future: true}
            - name: birth_date
              type: date
              zone: [20, 30, 80, 8]
              rules:
                - date: {not_future: true, not_before: 1900-01-01, not_after: 令和99年12月31日, min_age: 0, max_age: 120, age_on: request_date, mode: juki}
                  soft: true
                  message: 生年月日を確認してください
            - name: holder
              type: katakana
              zone: [20, 40, 80, 8]
              normalize: [nfkc, katakana, collapse_spaces, zengin_kana]
              rules:
                - check: katakana
                - regex: "^[ァ-ヶー ]+$"
                - length: {min: 1, max: 30}
            - name: copies
              type: digits
              zone: [20, 50, 80, 8]
              rules:
                - range: {min: 1, max: 20}
                - length: 2
                - range: {min: 0.5}
            - name: account_type
              type: text
              zone: [20, 60, 80, 8]
              rules: [{one_of: [普通, 当座]}, {check: postal_code}, {length: {max: 7}}]
            - name: purpose
              type: checkbox
              options:
                - {value: 年金, box: [20, 70, 4, 4]}
                - {value: その他, box: [40, 70, 4, 4]}
            - name: other_reason
              type: text
              zone: [20, 80, 80, 8]
            - name: phone
              type: phone
              zone: [20, 90, 80, 8]
            - name: email
              type: email
              zone: [20, 100, 80, 8]
          rules:
            - date_order: [birth_date, request_date]
            - required_if: {field: other_reason, when: purpose, has: その他}
            - required_if: {field: email, when: phone}
            - at_least_one: [phone, email]
              message: 連絡先を記入してください
            - equal: [phone, other_reason]
              soft: true
        """

    static func load() throws -> Template {
        try TemplateLoader.load(yaml: example, path: virtualPath)
    }

    @Test func loadsWithoutDiagnostics() {
        #expect(diagnostics(Self.example).isEmpty, "\(diagnostics(Self.example).map(\.description))")
    }

    @Test func fieldKeys() throws {
        let fields = try Self.load().pages[0].fields
        let byName = Dictionary(uniqueKeysWithValues: fields.map { ($0.name, $0) })
        #expect(byName["request_date"]?.threshold == 0.9)
        #expect(byName["request_date"]?.rules == [FieldRule(.date(DateRule(notFuture: true)), sourceLine: 11)])
        let birth = try #require(byName["birth_date"]?.rules.first)
        let expected = DateRule(
            notFuture: true, notBefore: JapaneseDate(year: 1900, month: 1, day: 1),
            notAfter: JapaneseDate(year: 2117, month: 12, day: 31), minAge: 0, maxAge: 120, ageOn: "request_date",
            mode: .juki)
        #expect(birth == FieldRule(.date(expected), soft: true, message: "生年月日を確認してください", sourceLine: 16))
        #expect(byName["holder"]?.normalize == [.nfkc, .katakana, .collapseSpaces, .zenginKana])
        #expect(byName["holder"]?.rules.map(\.kind) == [.check(.katakana), .regex("^[ァ-ヶー ]+$"), .length(min: 1, max: 30)])
        #expect(byName["copies"]?.rules.map(\.kind) == [.range(min: 1, max: 20), .length(min: 2, max: 2), .range(min: 0.5, max: nil)])
        #expect(byName["account_type"]?.rules.map(\.kind)
            == [.oneOf(["普通", "当座"]), .check(.postalCode), .length(min: nil, max: 7)])
        #expect(byName["account_type"]?.rules.allSatisfy { !$0.soft && $0.message == nil && $0.sourceLine == 37 } == true)
    }

    @Test func defaultsAreEmpty() throws {
        let other = try #require(try Self.load().pages[0].fields.first { $0.name == "other_reason" })
        #expect(other.normalize.isEmpty)
        #expect(other.rules.isEmpty)
        #expect(other.threshold == nil)
        let built = FieldSpec(name: "a", type: .text, zone: RectMM(x: 0, y: 0, width: 1, height: 1))
        #expect(built.normalize.isEmpty && built.rules.isEmpty && built.threshold == nil)
        #expect(TemplatePage(size: .a4, registration: RegistrationSpec(), fields: []).rules.isEmpty)
    }

    @Test func pageRules() throws {
        let rules = try Self.load().pages[0].rules
        #expect(rules.map(\.kind) == [
            .dateOrder(["birth_date", "request_date"]),
            .requiredIf(field: "other_reason", when: "purpose", has: "その他"),
            .requiredIf(field: "email", when: "phone", has: nil),
            .atLeastOne(["phone", "email"]),
            .equal(["phone", "other_reason"]),
        ])
        #expect(rules.map(\.soft) == [false, false, false, false, true])
        #expect(rules[3].message == "連絡先を記入してください")
        #expect(rules.map(\.sourceLine) == [53, 54, 55, 56, 58])
    }

    @Test(arguments: Normalizer.allCases)
    func everyNormalizerLoadsByItsName(step: Normalizer) throws {
        let yaml = page(fields: "    - {name: a, type: text, zone: [20, 20, 30, 10], normalize: [\(step.rawValue)]}")
        #expect(try TemplateLoader.load(yaml: yaml, path: virtualPath).pages[0].fields[0].normalize == [step])
    }

    @Test(arguments: FieldCheck.allCases)
    func everyCheckLoadsOnATextField(check: FieldCheck) throws {
        let yaml = page(fields: "    - {name: a, type: text, zone: [20, 20, 30, 10], rules: [{check: \(check.rawValue)}]}")
        #expect(try TemplateLoader.load(yaml: yaml, path: virtualPath).pages[0].fields[0].rules.map(\.kind) == [.check(check)])
    }

    @Test func ageOnTodayIsTheDefault() throws {
        let yaml = page(fields: "    - {name: a, type: date, zone: [20, 20, 30, 10], rules: [{date: {max_age: 120, age_on: today}}]}")
        let rule = try TemplateLoader.load(yaml: yaml, path: virtualPath).pages[0].fields[0].rules[0]
        #expect(rule.kind == .date(DateRule(maxAge: 120)))
    }
}
