import YomitoriYAML
import Foundation
import Testing
@testable import YomitoriTemplate

/// A template using every key loads into exactly the expected model, and the defaults are the documented ones.
@Suite struct RoundTripTests {
    static let fullExample = """
        template: d_full-example
        title: 全項目の例
        pages:
          - size: A4
            registration:
              marks:
                - [8, 8, 6, 6]
                - [196, 8, 6, 6]
            form_marker:
              text: 全項目の例
              zone: [40, 18, 130, 14]
            fields:
              - name: request_date
                label: 請求日
                type: date-wareki
                zone: [54.6, 42.6, 136.8, 11.8]
                lang: jpn
                whitelist: "0123456789年月日令和平成"
                psm: 7
                padding: 0.5
                required: true
                sensitive: false
              - name: prefecture
                type: text
                zone: [54.6, 60, 40, 10]
                vocabulary: [東京都, 大阪府]
              - name: postal_code
                type: comb
                zone: [62, 95, 51.5, 9]
                boxes:
                  - [62.5, 95.5, 5.5, 8]
                  - [69, 95.5, 5.5, 8]
              - name: my_number
                type: comb
                zone: [49, 164, 96, 10]
                count: 12
          - size: {width: 297, height: 210}
            fields:
              - name: account_type
                label: 預金種目
                type: choice
                options:
                  - {value: 普通, box: [64, 126.75, 4.5, 4.5]}
                  - {value: 当座, box: [94, 126.75, 4.5, 4.5]}
              - name: purpose
                type: checkbox
                zone: [50, 140, 60, 10]
                padding: -0.25
                options:
                  - {value: 年金手続, box: [58, 141, 4.5, 4.5]}
                  - {value: 相続手続, box: [92, 141, 4.5, 4.5]}
                min_checked: 1
                max_checked: 2
              - name: agree
                type: checkbox
                box: [20, 180, 5, 5]
        """

    static var expected: Template {
        let page1 = TemplatePage(
            size: .a4,
            registration: RegistrationSpec(marks: [
                RectMM(x: 8, y: 8, width: 6, height: 6), RectMM(x: 196, y: 8, width: 6, height: 6),
            ]),
            formMarker: FormMarker(text: "全項目の例", zone: RectMM(x: 40, y: 18, width: 130, height: 14)),
            fields: [
                FieldSpec(name: "request_date", label: "請求日", type: .date,
                          zone: RectMM(x: 54.6, y: 42.6, width: 136.8, height: 11.8), language: "jpn",
                          whitelist: "0123456789年月日令和平成", psm: 7, padding: 0.5, required: true, sourceLine: 13),
                FieldSpec(name: "prefecture", type: .text, zone: RectMM(x: 54.6, y: 60, width: 40, height: 10),
                          vocabulary: ["東京都", "大阪府"], sourceLine: 23),
                FieldSpec(name: "postal_code", type: .comb, zone: RectMM(x: 62, y: 95, width: 51.5, height: 9),
                          language: "eng", boxes: [
                              RectMM(x: 62.5, y: 95.5, width: 5.5, height: 8), RectMM(x: 69, y: 95.5, width: 5.5, height: 8),
                          ], sourceLine: 27),
                FieldSpec(name: "my_number", type: .comb, zone: RectMM(x: 49, y: 164, width: 96, height: 10),
                          language: "eng",
                          boxes: (0..<12).map { RectMM(x: 49 + Double($0) * 8, y: 164, width: 8, height: 10) },
                          sensitive: true, sourceLine: 33),
            ]
        )
        let page2 = TemplatePage(
            size: SizeMM(width: 297, height: 210),
            registration: RegistrationSpec(),
            fields: [
                FieldSpec(name: "account_type", label: "預金種目", type: .choice,
                          zone: RectMM(x: 64, y: 126.75, width: 34.5, height: 4.5), options: [
                              CheckboxOption(value: "普通", box: RectMM(x: 64, y: 126.75, width: 4.5, height: 4.5)),
                              CheckboxOption(value: "当座", box: RectMM(x: 94, y: 126.75, width: 4.5, height: 4.5)),
                          ], sourceLine: 39),
                FieldSpec(name: "purpose", type: .checkbox, zone: RectMM(x: 50, y: 140, width: 60, height: 10),
                          padding: -0.25, options: [
                              CheckboxOption(value: "年金手続", box: RectMM(x: 58, y: 141, width: 4.5, height: 4.5)),
                              CheckboxOption(value: "相続手続", box: RectMM(x: 92, y: 141, width: 4.5, height: 4.5)),
                          ], minChecked: 1, maxChecked: 2, sourceLine: 45),
                FieldSpec(name: "agree", type: .checkbox, zone: RectMM(x: 20, y: 180, width: 5, height: 5),
                          options: [CheckboxOption(value: "true", box: RectMM(x: 20, y: 180, width: 5, height: 5))],
                          sourceLine: 54),
            ]
        )
        return Template(id: "d_full-example", title: "全項目の例", pages: [page1, page2], sourcePath: virtualPath)
    }

    @Test func fullExampleLoadsIntoTheExpectedModel() throws {
        let report = TemplateLoader.report(yaml: Self.fullExample, path: virtualPath)
        // The second page has no registration: the only diagnostic, and only a warning.
        #expect(report.diagnostics.map(\.code) == [.noRegistration])
        #expect(report.warnings.map(\.line) == [37])
        let template = try #require(report.template)
        #expect(template.pages[0] == Self.expected.pages[0])
        #expect(template.pages[1] == Self.expected.pages[1])
        #expect(template == Self.expected)
        #expect(template.languages == ["jpn", "eng"])
        #expect(template.pages[1].fields.map(\.isSingleCheckbox) == [false, false, true])
    }

    @Test func loadingTheSameTextTwiceGivesEqualTemplates() throws {
        let first = try TemplateLoader.load(yaml: Self.fullExample, path: virtualPath)
        let second = try TemplateLoader.load(yaml: Self.fullExample, path: virtualPath)
        #expect(first == second)
    }

    @Test func defaultsByFieldType() throws {
        let yaml = page(fields: """
                - {name: a, type: text, zone: [20, 20, 30, 10]}
                - {name: b, type: katakana, zone: [20, 32, 30, 10]}
                - {name: c, type: digits, zone: [20, 44, 30, 10]}
                - {name: d, type: number, zone: [20, 56, 30, 10]}
                - {name: e, type: date, zone: [20, 68, 30, 10]}
                - {name: f, type: phone, zone: [20, 80, 30, 10]}
                - {name: g, type: email, zone: [20, 92, 30, 10]}
                - {name: kojin_bango, type: comb, zone: [20, 104, 30, 10], count: 3}
                - {name: my_number, type: comb, zone: [20, 116, 30, 10], count: 3, sensitive: false}
            """)
        let fields = try TemplateLoader.load(yaml: yaml, path: virtualPath).pages[0].fields
        #expect(fields.map(\.language) == ["jpn", "jpn", "eng", "eng", "jpn", "eng", "eng", "eng", "eng"])
        #expect(fields.map(\.sensitive) == [false, false, false, false, false, false, false, true, false])
        #expect(fields.allSatisfy { !$0.required && $0.padding == 0 && $0.psm == nil && $0.whitelist == nil })
        #expect(fields.allSatisfy { $0.vocabulary.isEmpty && $0.minChecked == nil && $0.maxChecked == nil })
    }

    @Test func doubleEntryIsChosenPerField() throws {
        let yaml = page(fields: """
                - {name: a, type: text, zone: [20, 20, 30, 10], double_entry: true}
                - {name: my_number, type: comb, zone: [20, 32, 30, 10], count: 12, double_entry: false}
                - {name: c, type: date, zone: [20, 44, 30, 10]}
            """)
        let fields = try TemplateLoader.load(yaml: yaml, path: virtualPath).pages[0].fields
        #expect(fields.map(\.doubleEntry) == [true, false, false])
        let wrong = diagnostics(page(fields: "        - {name: a, type: text, zone: [20, 20, 30, 10], double_entry: often}"))
        #expect(wrong.contains { $0.severity == .error && $0.message.contains("double_entry") })
    }

    @Test func thrownErrorListsEveryErrorButNoWarning() throws {
        let yaml = page(fields: """
                - {name: a, type: text, zone: [20, 20, 30, 10], psm: 20}
                - {name: b, type: text, zone: [20, 20, 30, 10]}
                - {name: a, type: txt, zone: [20, 40, 30, 10]}
            """)
        let error = try #require(throws: TemplateError.self) { try TemplateLoader.load(yaml: yaml, path: virtualPath) }
        #expect(error.code == .invalidTemplate)
        #expect(error.diagnostics.map(\.code) == [.psmOutOfRange, .duplicateFieldName, .unknownFieldType])
        #expect(error.description == """
            /virtual/t.yaml:8:58: error: field 'a': psm must be a Tesseract page segmentation mode 0–13 \
            (7 = one line, 8 = one word, 10 = one character), got 20
            /virtual/t.yaml:10:14: error: duplicate field name 'a' (first defined at line 8); \
            field names must be unique in a template
            /virtual/t.yaml:10:23: error: field 'a': unknown type 'txt'; expected one of text, katakana, digits, \
            number, date, phone, email, checkbox, choice, comb (did you mean 'text'?)
            3 errors in /virtual/t.yaml
            """)
        // check() also shows the overlap warning between a and b, even though a has an error.
        #expect(TemplateLoader.check(yaml: yaml, path: virtualPath).map(\.code)
            == [.psmOutOfRange, .overlappingZones, .duplicateFieldName, .unknownFieldType])
    }

    @Test func malformedYAMLThrowsWithItsCode() throws {
        let error = try #require(throws: TemplateError.self) {
            try TemplateLoader.load(yaml: "template: [", path: virtualPath)
        }
        #expect(error.code == .malformedYAML)
        #expect(error.diagnostics.count == 1)
    }
}
