import YomitoriYAML
import Foundation
import Testing
@testable import YomitoriTemplate

/// Files that cannot be read, YAML that does not parse, and mappings with the wrong keys.
@Suite struct StructureDiagnosticTests {
    // MARK: - Files and YAML syntax

    @Test func missingFileIsReportedWithoutALine() throws {
        let result = TemplateLoader.check(path: "/nonexistent/t.yaml")
        let diagnostic = try #require(result.first)
        #expect(result.count == 1)
        #expect(diagnostic.code == .unreadableFile)
        #expect(diagnostic.line == nil)
        #expect(diagnostic.description == "/nonexistent/t.yaml: error: no such file; expected a template YAML file")
        let error = try #require(throws: TemplateError.self) { try TemplateLoader.load(path: "/nonexistent/t.yaml") }
        #expect(error.code == .unreadableFile)
    }

    @Test func directoryAndNonUTF8FilesAreUnreadable() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        #expect(TemplateLoader.check(path: directory.url.path).map(\.message)
            == ["is a directory; expected a template YAML file"])
        let binary = directory.url.appendingPathComponent("binary.yaml")
        try Data([0x74, 0x3A, 0x20, 0xFF, 0xFE]).write(to: binary)
        #expect(TemplateLoader.check(path: binary.path).map(\.message)
            == ["is not UTF-8 text from here on (saved as Shift_JIS?); save the template as UTF-8"])
        #expect(TemplateLoader.check(path: binary.path).map(\.line) == [1])
        // A template saved as Shift_JIS: the first Japanese text is named by line and column.
        let sjis = directory.url.appendingPathComponent("sjis.yaml")
        try Data(Array("template: t\ntitle: ".utf8) + [0x8F, 0x5A, 0x96, 0xAF, 0x95, 0x5B] + Array("\n".utf8)).write(to: sjis)
        let diagnostic = try #require(TemplateLoader.check(path: sjis.path).first)
        #expect(diagnostic.description.hasPrefix("\(sjis.path):2:8: error: is not UTF-8 text from here on"))
    }

    @Test func malformedYAMLUsesTheLineFromYams() throws {
        let diagnostic = try single(.malformedYAML, in: "template: t\ntitle: x\n  bad: indentation: here\n")
        #expect(diagnostic.line == 3)
        #expect(diagnostic.column == 6)
        #expect(diagnostic.message == "malformed YAML: mapping values are not allowed in this context")
        #expect(diagnostic.description
            == "/virtual/t.yaml:3:6: error: malformed YAML: mapping values are not allowed in this context")
    }

    @Test func unclosedBracketAndTabsAreMalformed() throws {
        let bracket = try single(.malformedYAML, in: "template: t\npage:\n  size: A4\n  fields: [\n")
        #expect(bracket.line == 5)
        #expect(bracket.message.hasSuffix("did not find expected node content"))
        let tab = try single(.malformedYAML, in: "template: t\n\ttitle: x\n")
        #expect(tab.line == 2)
        #expect(tab.message.contains("tab character"))
    }

    @Test func duplicateYAMLKeyIsMalformed() throws {
        let diagnostic = try single(.malformedYAML, in: "template: t\ntitle: a\ntitle: b\n")
        #expect(diagnostic.line == 2)
        #expect(diagnostic.message
            == "malformed YAML: key 'title' appears more than once in the same mapping; each key may appear once")
    }

    @Test func emptyFileAndNonMappingRoot() throws {
        #expect(diagnostics("").map(\.message) == ["the file is empty; a template starts with `template: <id>`"])
        let list = try single(.notAMapping, in: "- a\n- b\n")
        #expect(list.line == 1)
        #expect(list.message == "the template must be a mapping of `key: value` lines, got [a, b]")
    }

    @Test func fieldThatIsNotAMapping() throws {
        let diagnostic = try single(.notAMapping, in: page(fields: "    - name: a\n      type: text\n      zone: [20, 20, 30, 10]\n    - just text"))
        #expect(diagnostic.line == 11)
        #expect(diagnostic.message == "field 2 must be a mapping of `key: value` lines, got just text")
    }

    // MARK: - Unknown keys

    @Test func unknownKeySuggestsTheClosestKnownKey() throws {
        let diagnostic = try single(.unknownKey, in: page(fields: """
                - name: a
                  type: text
                  zones: [20, 20, 30, 10]
            """))
        #expect(diagnostic.line == 10)
        #expect(diagnostic.column == 7)
        #expect(diagnostic.message == "unknown key 'zones' in field 'a'; did you mean 'zone'?")
    }

    @Test func unknownKeySuggestionsCoverPrefixesAndCase() throws {
        let yaml = page(fields: """
                - name: a
                  type: text
                  zone: [20, 20, 30, 10]
                  language: jpn
                  MIN_CHECKED: 1
            """)
        let messages = diagnostics(yaml).filter { $0.code == .unknownKey }.map(\.message)
        #expect(messages == [
            "unknown key 'language' in field 'a'; did you mean 'lang'?",
            "unknown key 'MIN_CHECKED' in field 'a'; did you mean 'min_checked'?",
        ])
    }

    @Test func unknownKeyWithoutSuggestionListsTheKeys() throws {
        let diagnostic = try single(.unknownKey, in: "template: t\nauthor: 田中\npage: {}\n")
        #expect(diagnostic.line == 2)
        #expect(diagnostic.message == "unknown key 'author' in the template; expected one of: template, title, page, pages")
    }

    @Test func keyFromAnotherSectionSaysWhereItBelongs() throws {
        let diagnostic = try single(.unknownKey, in: "template: t\npage:\n  size: A4\n  fields: []\nmarks: []\n")
        #expect(diagnostic.line == 5)
        #expect(diagnostic.message == "unknown key 'marks' in the template; 'marks' belongs in a registration mapping")
    }

    /// Rules are written on a page (cross-field) or on a field, not at the top level.
    @Test func topLevelRulesBelongOnAPage() throws {
        let yaml = """
            template: t
            rules: []
            page:
              size: A4
              registration: {marks: [[8, 8, 6, 6]]}
              fields:
                - name: a
                  type: text
                  zone: [20, 20, 30, 10]
                  normalize: [nfkc]
                  threshold: 0.3
            """
        let unknown = diagnostics(yaml).filter { $0.code == .unknownKey }
        #expect(unknown.map(\.line) == [2])
        #expect(unknown.map(\.message) == ["unknown key 'rules' in the template; 'rules' belongs in a page mapping"])
    }

    // MARK: - Missing keys

    @Test func missingNameAndTypeArePointedAtTheField() throws {
        let yaml = page(fields: """
                - label: 氏名
                  type: text
                  zone: [20, 20, 30, 10]
                - name: b
                  zone: [20, 40, 30, 10]
            """)
        let missing = diagnostics(yaml).filter { $0.code == .missingKey }
        #expect(missing.map(\.line) == [8, 11])
        #expect(missing.map(\.message) == [
            "field 1 is missing required key 'name'",
            "field 'b' is missing required key 'type'",
        ])
    }

    @Test func zoneIsRequiredForFieldsReadByOCR() throws {
        let diagnostic = try single(.missingKey, in: page(fields: "    - name: a\n      type: katakana\n"))
        #expect(diagnostic.line == 8)
        #expect(diagnostic.message == "field 'a' is missing required key 'zone' ([x, y, width, height] in mm: "
            + "the writing area inside the printed frame)")
    }

    @Test func missingTemplateLevelKeys() throws {
        let messages = diagnostics("title: x\n").filter { $0.code == .missingKey }.map(\.message)
        #expect(messages == [
            "the template is missing required key 'template'",
            "the template is missing required key 'page' (or 'pages' for a multi-page form)",
        ])
        let pageKeys = diagnostics("template: t\npage:\n  registration: {marks: [[8, 8, 6, 6]]}\n")
            .filter { $0.code == .missingKey }
        #expect(pageKeys.map(\.line) == [3, 3])
        #expect(pageKeys.map(\.message) == [
            "page is missing required key 'size'", "page is missing required key 'fields'",
        ])
    }

    @Test func pageAndPagesTogetherIsAnError() throws {
        let diagnostic = try single(.invalidValue, in: "template: t\npage: {}\npages: []\n")
        #expect(diagnostic.line == 3)
        #expect(diagnostic.message == "give either 'page' (a one-page form) or 'pages' (a list of pages), not both")
    }

    @Test func templateWithoutFields() throws {
        let diagnostic = try single(.missingKey, in: page(fields: "      []"))
        #expect(diagnostic.line == 1)
        #expect(diagnostic.message == "the template has no fields; list them under page: fields:")
    }

    // MARK: - Value types

    @Test func wrongValueTypesSayWhatIsExpected() throws {
        let yaml = page(fields: """
                - name: a
                  type: text
                  zone: [20, 20, 30]
                  psm: seven
                  required: maybe
                  padding: wide
                  label: [氏, 名]
            """)
        let wrong = diagnostics(yaml).filter { $0.code == .wrongType }
        #expect(wrong.map(\.line) == [10, 11, 12, 13, 14])
        #expect(wrong.map(\.message) == [
            "field 'a': zone must be [x, y, width, height] in mm, got [20, 20, 30]",
            "field 'a': psm must be a whole number, got seven",
            "field 'a': required must be true or false, got maybe",
            "field 'a': padding must be a number of mm, got wide",
            "field 'a': label must be text, got [氏, 名]",
        ])
    }

    @Test func quotedNumbersAreNotNumbers() throws {
        let diagnostic = try single(.wrongType, in: page(fields: """
                - name: a
                  type: text
                  zone: [20, "20", 30, 10]
            """))
        #expect(diagnostic.message == "field 'a': zone must be [x, y, width, height] in mm, got [20, \"20\", 30, 10]")
    }

    @Test func invalidIdentifiers() throws {
        let yaml = """
            template: A Juminhyo
            page:
              size: A4
              registration: {marks: [[8, 8, 6, 6]]}
              fields:
                - name: Request Date
                  type: date
                  zone: [20, 20, 30, 10]
            """
        let invalid = diagnostics(yaml).filter { $0.code == .invalidValue }
        #expect(invalid.map(\.line) == [1, 6])
        #expect(invalid.map(\.message) == [
            "template id 'A Juminhyo' must use only a-z, 0-9, _ and - (e.g. a_juminhyo)",
            "field name 'Request Date' must start with a-z and use only a-z, 0-9 and _ (e.g. birth_date)",
        ])
    }
}
