import YomitoriYAML
import Foundation
import Testing
@testable import YomitoriTemplate

/// The examples in `docs/templates.md` are real: the complete example loads, and the sample
/// `template check` output is what the loader prints for the mistakes it describes.
@Suite struct DocumentationTests {
    static func guide() throws -> String {
        try String(contentsOf: repositoryRoot.appendingPathComponent("docs/templates.md"), encoding: .utf8)
    }

    /// The first fenced block of `language` after the heading or sentence `anchor`.
    static func codeBlock(after anchor: String, language: String = "", in text: String) throws -> String {
        let start = try #require(text.range(of: anchor)).upperBound
        let open = try #require(text.range(of: "```\(language)\n", range: start..<text.endIndex)).upperBound
        let close = try #require(text.range(of: "\n```", range: open..<text.endIndex)).lowerBound
        return String(text[open..<close])
    }

    /// The complete example, written next to a stand-in for its blank scan.
    static func writeExample(_ yaml: String) throws -> (TemporaryDirectory, String) {
        let directory = try TemporaryDirectory()
        try directory.write("forms/d_inkan.blank.png", "stand-in")
        return (directory, try directory.write("templates/d_inkan.yaml", yaml))
    }

    @Test func completeExampleLoadsCleanly() throws {
        let yaml = try Self.codeBlock(after: "## A complete example", language: "yaml", in: Self.guide())
        let (directory, path) = try Self.writeExample(yaml)
        defer { directory.remove() }
        #expect(TemplateLoader.check(path: path).isEmpty)
        let template = try TemplateLoader.load(path: path)
        #expect(template.pages[0].fields.map(\.name)
            == ["apply_date", "name", "postal_code", "address", "applicant", "agree"])
        #expect(template.pages[0].fields[2].boxes.count == 7)
    }

    /// A one-page template with registration marks and `fields` (YAML list items under `fields:`),
    /// followed by a blank line, for a guide's snippet of field rules or page rules to follow.
    static func page(fields: String) -> String {
        """
        template: t
        page:
          size: A4
          registration: {marks: [[8, 8, 6, 6]]}
          fields:
        """ + "\n" + fields + "\n\n"
    }

    /// The soft rule of "Names written with 異体字" loads, and sends a name holding a common form
    /// of a variant the models cannot output to review while passing others.
    @Test func variantNamesRuleLoads() throws {
        let snippet = try Self.codeBlock(after: "**Names written with 異体字.**", language: "yaml", in: Self.guide())
        let yaml = Self.page(fields: """
                - name: name
                  type: text
                  kind: name
                  zone: [54.6, 65.6, 136.8, 13.8]
            """) + snippet
        #expect(diagnostics(yaml).isEmpty, "\(diagnostics(yaml).map(\.description))")
        let rule = try #require(TemplateLoader.load(yaml: yaml, path: virtualPath).pages[0].fields[0].rules.first)
        #expect(rule.soft)
        guard case .regex(let pattern) = rule.kind else {
            Issue.record("not a regex rule: \(rule.kind)")
            return
        }
        let regex = try Regex(pattern)
        for name in ["高橋 美穂", "山崎 健", "吉田 一郎", "渡辺 翔", "渡邊 翔", "斎藤 さくら"] {
            #expect((try? regex.wholeMatch(in: name)) == nil, "\(name) passes")
        }
        for name in ["山田 太郎", "佐藤 花子", "ヤマダ タロウ"] {
            #expect((try? regex.wholeMatch(in: name)) != nil, "\(name) fails")
        }
    }

    /// The fields and page rules of "Checking values", on a page with the fields its rules name.
    @Test func checkingValuesExampleLoads() throws {
        let snippet = try Self.codeBlock(after: "## Checking values", language: "yaml", in: Self.guide())
        let yaml = Self.page(fields: """
                - {name: request_date, type: date, zone: [54.6, 42.6, 136.8, 11.8]}
                - {name: other_reason, type: text, zone: [54.6, 170, 136.8, 11.8]}
                - {name: purpose, type: checkbox, options: [{value: その他, box: [58, 190, 4.5, 4.5]}, {value: 年金, box: [80, 190, 4.5, 4.5]}]}
                - {name: phone, type: phone, zone: [54.6, 200, 136.8, 10]}
                - {name: email, type: email, zone: [54.6, 215, 136.8, 10]}
            """) + snippet
        #expect(diagnostics(yaml).isEmpty, "\(diagnostics(yaml).map(\.description))")
        let page = try TemplateLoader.load(yaml: yaml, path: virtualPath).pages[0]
        #expect(page.fields.map(\.name) == ["request_date", "other_reason", "purpose", "phone", "email",
                                            "account_holder", "birth_date"])
        #expect(page.rules.count == 3)
        #expect(page.fields[5].threshold == 0.85)
        #expect(page.fields[6].rules.first?.soft == true)
    }

    @Test func checkOutputMatchesTheLoader() throws {
        let guide = try Self.guide()
        var yaml = try Self.codeBlock(after: "## A complete example", language: "yaml", in: guide)
        yaml = yaml.replacingOccurrences(of: "zone: [62, 72, 45.5, 9]", with: "zone: [62, 72, 155.5, 9]")
            .replacingOccurrences(of: "      options:", with: "      optons:")
            .replacingOccurrences(of: "zone: [54.6, 83.6, 136.8, 13.8]", with: "zone: [54.6, 60, 136.8, 13.8]")
        let (directory, path) = try Self.writeExample(yaml)
        defer { directory.remove() }
        let printed = TemplateLoader.check(path: path)
            .map { $0.description.replacingOccurrences(of: path, with: "d_inkan.yaml") }
        let documented = try Self.codeBlock(after: "prints one line per problem", in: guide)
            .split(separator: "\n").map(String.init)
        #expect(documented == printed, "\(printed.joined(separator: "\n"))")
    }
}
