import YomitoriYAML
import Foundation
import Testing
import YomitoriText
@testable import YomitoriTemplate

/// The templates in `samples/templates/` load cleanly and match the measured layouts in `samples/forms/`.
@Suite struct SampleTemplateTests {
    static let forms = ["a_juminhyo", "b_jido_koza", "c_tennyu"]

    static func templatePath(_ form: String) -> String {
        repositoryRoot.appendingPathComponent("samples/templates/\(form).yaml").path
    }

    @Test(arguments: forms)
    func loadsWithoutAnyDiagnostic(form: String) throws {
        let diagnostics = TemplateLoader.check(path: Self.templatePath(form))
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description).joined(separator: "\n"))")
        let template = try TemplateLoader.load(path: Self.templatePath(form))
        #expect(template.id == form)
        #expect(template.pages.count == 1)
        #expect(template.pages[0].size == .a4)
        let image = try #require(template.resolvedReferenceImage(for: template.pages[0]))
        #expect(FileManager.default.fileExists(atPath: image))
        #expect(image.hasSuffix("samples/forms/\(form).blank.png"))
    }

    @Test func fieldCountsAndSomeZones() throws {
        let a = try TemplateLoader.load(path: Self.templatePath("a_juminhyo"))
        let b = try TemplateLoader.load(path: Self.templatePath("b_jido_koza"))
        let c = try TemplateLoader.load(path: Self.templatePath("c_tennyu"))
        #expect([a, b, c].map { $0.pages[0].fields.count } == [9, 11, 14])

        let requestDate = try #require(a.pages[0].fields.first)
        #expect(requestDate.name == "request_date")
        #expect(requestDate.type == .date)
        #expect(requestDate.zone == RectMM(x: 54.6, y: 42.6, width: 136.8, height: 11.8))
        #expect(requestDate.required)
        #expect(requestDate.sourceLine == 18)

        let accountType = try #require(b.pages[0].fields.first { $0.name == "account_type" })
        #expect(accountType.type == .choice)
        #expect(accountType.options.map(\.value) == ["普通", "当座"])
        #expect(accountType.options[1].box == RectMM(x: 94, y: 126.75, width: 4.5, height: 4.5))

        let myNumber = try #require(c.pages[0].fields.first { $0.name == "my_number" })
        #expect(myNumber.type == .comb)
        #expect(myNumber.sensitive)
        #expect(myNumber.boxes.count == 12)
        #expect(myNumber.boxes.last == RectMM(x: 137.5, y: 164.5, width: 7, height: 9))
        #expect(c.pages[0].fields.filter(\.sensitive).map(\.name) == ["my_number"])

        #expect(a.pages[0].registration.marks.count == 4)
        #expect(c.pages[0].registration.marks.isEmpty)
        #expect(c.pages[0].formMarker == FormMarker(text: "転入届", zone: RectMM(x: 16, y: 11, width: 35, height: 13)))
        #expect(a.languages == ["jpn", "eng"])
    }

    @Test func samplesCarryValidationRules() throws {
        let a = try TemplateLoader.load(path: Self.templatePath("a_juminhyo")).pages[0]
        let b = try TemplateLoader.load(path: Self.templatePath("b_jido_koza")).pages[0]
        let c = try TemplateLoader.load(path: Self.templatePath("c_tennyu")).pages[0]
        func rules(_ page: TemplatePage, _ name: String) -> [FieldRule.Kind] {
            page.fields.first { $0.name == name }?.rules.map(\.kind) ?? []
        }
        let birth = DateRule(notFuture: true, maxAge: 120, ageOn: "request_date", mode: .juki)
        #expect(rules(a, "request_date") == [.date(DateRule(notFuture: true))])
        #expect(rules(a, "birth_date") == [.date(birth)])
        #expect(rules(a, "postal_code") == [.check(.postalCode)])
        #expect(rules(a, "phone") == [.check(.phone)])
        #expect(rules(a, "copies") == [.range(min: 1, max: 20)])
        #expect(rules(a, "furigana") == [.check(.katakana)])
        #expect(a.rules.map(\.kind) == [.dateOrder(["birth_date", "request_date"])])

        #expect(rules(b, "bank_code") == [.length(min: 4, max: 4)])
        #expect(rules(b, "branch_code") == [.length(min: 3, max: 3)])
        #expect(rules(b, "account_number") == [.length(min: 1, max: 7)])
        #expect(rules(b, "account_holder") == [.check(.katakana)])
        #expect(b.fields.first { $0.name == "account_holder" }?.normalize == [.nfkc, .katakana])

        #expect(rules(c, "my_number") == [.check(.myNumber)])
        #expect(rules(c, "email") == [.check(.email)])
        #expect(rules(c, "birth_date") == [.date(DateRule(notFuture: true, maxAge: 120, ageOn: "notify_date", mode: .juki))])
        #expect(c.rules.map(\.kind) == [.dateOrder(["birth_date", "notify_date"]), .dateOrder(["move_date", "notify_date"])])
    }

    /// Every field's name, label, zone, boxes, options, language and character set is the one
    /// in the form's `.fields.json`, with its type mapped as documented.
    @Test(arguments: forms)
    func matchesTheMeasuredLayout(form: String) throws {
        let json = try Data(contentsOf: repositoryRoot.appendingPathComponent("samples/forms/\(form).fields.json"))
        let layout = try JSONDecoder().decode(FormLayout.self, from: json)
        let template = try TemplateLoader.load(path: Self.templatePath(form))
        let page = template.pages[0]

        #expect(template.title == layout.title)
        #expect(page.size == SizeMM(width: layout.page_mm.w, height: layout.page_mm.h))
        #expect(page.registration.marks == layout.registration_marks.map(\.rect))
        #expect(page.fields.map(\.name) == layout.fields.map(\.name))
        for (field, expected) in zip(page.fields, layout.fields) {
            #expect(field.label == expected.label, "\(field.name)")
            #expect(field.zone == expected.rect, "\(field.name)")
            #expect(field.language == expected.lang, "\(field.name)")
            #expect(field.whitelist == expected.charset, "\(field.name)")
            #expect(field.boxes == (expected.boxes ?? []).map(\.rect), "\(field.name)")
            #expect(field.options.map(\.value) == (expected.options ?? []).map(\.value), "\(field.name)")
            #expect(field.options.map(\.box) == (expected.options ?? []).map(\.rect), "\(field.name)")
            if let n = expected.n { #expect(field.boxes.count == n, "\(field.name)") }
            switch expected.type {
            case "date-wareki":
                #expect(field.type == .date, "\(field.name)")
            case "checkbox" where expected.max_checked == 1:
                #expect(field.type == .choice, "\(field.name)")
                #expect(field.required, "\(field.name): min_checked 1 becomes required")
            case "checkbox":
                #expect(field.type == .checkbox, "\(field.name)")
                #expect(field.minChecked == expected.min_checked, "\(field.name)")
                #expect(field.maxChecked == expected.max_checked, "\(field.name)")
            default:
                #expect(field.type.rawValue == expected.type, "\(field.name)")
            }
        }
    }
}

// MARK: - The shared layout JSON

// swiftlint:disable identifier_name
private struct FormLayout: Decodable {
    struct Size: Decodable { var w: Double; var h: Double }
    struct Box: Decodable {
        var x: Double, y: Double, w: Double, h: Double
        var rect: RectMM { RectMM(x: x, y: y, width: w, height: h) }
    }
    struct Option: Decodable {
        var value: String
        var x: Double, y: Double, w: Double, h: Double
        var rect: RectMM { RectMM(x: x, y: y, width: w, height: h) }
    }
    struct Field: Decodable {
        var name: String, label: String, type: String, lang: String
        var x: Double, y: Double, w: Double, h: Double
        var charset: String?
        var n: Int?
        var boxes: [Box]?
        var options: [Option]?
        var min_checked: Int?
        var max_checked: Int?
        var rect: RectMM { RectMM(x: x, y: y, width: w, height: h) }
    }
    var title: String
    var page_mm: Size
    var registration_marks: [Box]
    var fields: [Field]
}
// swiftlint:enable identifier_name
