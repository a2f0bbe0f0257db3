import YomitoriYAML
import Foundation
import Testing
@testable import YomitoriTemplate

/// Field types and the keys that belong to each of them.
@Suite struct FieldDiagnosticTests {
    @Test func duplicateFieldNamesPointAtTheSecondAndNameTheFirst() throws {
        let yaml = page(fields: """
                - {name: phone, type: phone, zone: [20, 20, 80, 10]}
                - {name: name, type: text, zone: [20, 40, 80, 10]}
                - {name: phone, type: phone, zone: [20, 60, 80, 10]}
            """)
        let diagnostic = try single(.duplicateFieldName, in: yaml)
        #expect(diagnostic.line == 10)
        #expect(diagnostic.column == 14)
        #expect(diagnostic.message == "duplicate field name 'phone' (first defined at line 8); "
            + "field names must be unique in a template")
    }

    @Test func unknownTypeListsTheValidOnes() throws {
        let diagnostic = try single(.unknownFieldType, in: page(fields: "    - name: a\n      type: dat\n      zone: [20, 20, 30, 10]"))
        #expect(diagnostic.line == 9)
        #expect(diagnostic.message == "field 'a': unknown type 'dat'; expected one of text, katakana, digits, number, "
            + "date, phone, email, checkbox, choice, comb (did you mean 'date'?)")
    }

    @Test func dateWarekiIsAnAliasOfDate() throws {
        let template = try TemplateLoader.load(
            yaml: page(fields: "    - {name: a, type: date-wareki, zone: [20, 20, 30, 10]}"), path: virtualPath)
        #expect(template.pages[0].fields[0].type == .date)
    }

    @Test func psmOutsideTesseractsRange() throws {
        let diagnostic = try single(.psmOutOfRange, in: page(fields: "    - {name: a, type: text, zone: [20, 20, 30, 10], psm: 14}"))
        #expect(diagnostic.line == 8)
        #expect(diagnostic.message == "field 'a': psm must be a Tesseract page segmentation mode 0–13 "
            + "(7 = one line, 8 = one word, 10 = one character), got 14")
    }

    @Test(arguments: ["Japanese", "jpn+", "jpn eng", "script/", "script/Japanese 2", "+eng"])
    func invalidLanguageTokens(lang: String) throws {
        let diagnostic = try single(.invalidLanguage, in: page(fields: """
                - name: a
                  type: text
                  zone: [20, 20, 30, 10]
                  lang: "\(lang)"
            """))
        #expect(diagnostic.line == 11)
        #expect(diagnostic.message == "field 'a': lang '\(lang)' is not a Tesseract language; expected names like "
            + "jpn, eng, jpn_vert or script/Japanese, joined by + (e.g. jpn+eng)")
    }

    @Test(arguments: ["jpn", "eng", "jpn+eng", "jpn_vert", "script/Japanese", "jpn+script/Japanese"])
    func validLanguages(lang: String) throws {
        let yaml = page(fields: "    - {name: a, type: text, zone: [20, 20, 30, 10], lang: \(lang)}")
        #expect(diagnostics(yaml).isEmpty)
        #expect(try TemplateLoader.load(yaml: yaml, path: virtualPath).pages[0].fields[0].language == lang)
    }

    @Test func keysThatDoNotApplyToTheType() throws {
        let yaml = page(fields: """
                - name: a
                  type: text
                  zone: [20, 20, 30, 10]
                  count: 7
                - name: b
                  type: checkbox
                  box: [20, 40, 4.5, 4.5]
                  lang: jpn
                - name: c
                  type: choice
                  box: [20, 60, 4.5, 4.5]
            """)
        let notApplicable = diagnostics(yaml).filter { $0.code == .notApplicable }
        #expect(notApplicable.map(\.line) == [11, 15, 18])
        #expect(notApplicable.map(\.message) == [
            "field 'a': 'count' does not apply to a text field (only to comb)",
            "field 'b': 'lang' does not apply to a checkbox field (ticks are decided from pixels, not read by OCR)",
            "field 'c': 'box' does not apply to a choice field (only to checkbox)",
        ])
    }

    @Test func kindNameForTextAndKatakanaOtherKindsForTextOnly() throws {
        let template = try TemplateLoader.load(yaml: page(fields: """
                - {name: name, type: text, kind: name, zone: [20, 20, 80, 10]}
                - {name: furigana, type: katakana, kind: name, zone: [20, 40, 80, 10]}
            """), path: virtualPath)
        #expect(template.pages[0].fields.map(\.kind) == [.name, .name])
        let diagnostic = try single(.invalidValue, in: page(fields: "    - {name: kana, type: katakana, kind: address, zone: [20, 20, 80, 10]}"))
        #expect(diagnostic.line == 8)
        #expect(diagnostic.message == "field 'kana': kind 'address' is for text fields; a katakana field may only be kind: name")
        let digits = diagnostics(page(fields: "    - {name: n, type: digits, kind: name, zone: [20, 20, 80, 10]}"))
        #expect(digits.map(\.code) == [.notApplicable])
    }

    // MARK: - Comb

    @Test func combWithoutBoxesOrCount() throws {
        let diagnostic = try single(.combWithoutBoxes, in: page(fields: "    - name: zip\n      type: comb\n      zone: [20, 20, 50, 9]"))
        #expect(diagnostic.line == 8)
        #expect(diagnostic.message == "comb field 'zip' needs boxes: (one [x, y, width, height] per printed box, "
            + "left to right) or count: (the zone is split into that many equal boxes)")
    }

    @Test func combWithBothBoxesAndCount() throws {
        let diagnostic = try single(.invalidValue, in: page(fields: """
                - name: zip
                  type: comb
                  zone: [20, 20, 50, 9]
                  boxes: [[20, 20, 5, 9]]
                  count: 7
            """))
        #expect(diagnostic.line == 12)
        #expect(diagnostic.message == "field 'zip': give either boxes or count, not both")
    }

    @Test func combCountSplitsTheZoneIntoEqualBoxes() throws {
        let yaml = page(fields: "    - {name: zip, type: comb, zone: [20, 30, 70, 9], count: 7}")
        let field = try TemplateLoader.load(yaml: yaml, path: virtualPath).pages[0].fields[0]
        #expect(field.boxes.count == 7)
        #expect(field.boxes.first == RectMM(x: 20, y: 30, width: 10, height: 9))
        #expect(field.boxes.last == RectMM(x: 80, y: 30, width: 10, height: 9))
        let zero = try single(.invalidValue, in: yaml.replacingOccurrences(of: "count: 7", with: "count: 0"))
        #expect(zero.message == "field 'zip': count must be at least 1, got 0")
    }

    // MARK: - Checkbox and choice

    @Test func checkboxAndChoiceWithoutBoxes() throws {
        let yaml = page(fields: """
                - name: agree
                  type: checkbox
                - name: sex
                  type: choice
            """)
        let missing = diagnostics(yaml).filter { $0.code == .missingOptions }
        #expect(missing.map(\.line) == [8, 10])
        #expect(missing.map(\.message) == [
            "checkbox field 'agree' needs options: (a list of {value: …, box: [x, y, width, height]}) "
                + "or box: (one box, read as true/false)",
            "choice field 'sex' needs options: (at least 2 entries {value: …, box: [x, y, width, height]})",
        ])
    }

    @Test func choiceNeedsTwoOptionsAndACheckboxWithOneShouldUseBox() throws {
        let yaml = page(fields: """
                - name: sex
                  type: choice
                  options:
                    - {value: 男, box: [150, 20, 4.5, 4.5]}
                - name: agree
                  type: checkbox
                  options: [{value: 同意, box: [150, 40, 4.5, 4.5]}]
            """)
        let missing = diagnostics(yaml).filter { $0.code == .missingOptions }
        #expect(missing.map(\.line) == [11, 14])
        #expect(missing.map(\.message) == [
            "choice field 'sex' needs at least 2 options, got 1; for a single box use type: checkbox with "
                + "box: [x, y, width, height]",
            "checkbox field 'agree' has 1 option; write a single box as box: [x, y, width, height] "
                + "(read as true/false) or list at least 2 options",
        ])
    }

    @Test func optionsAndBoxTogether() throws {
        let diagnostic = try single(.invalidValue, in: page(fields: """
                - name: agree
                  type: checkbox
                  options: [{value: a, box: [20, 20, 5, 5]}, {value: b, box: [30, 20, 5, 5]}]
                  box: [40, 20, 5, 5]
            """))
        #expect(diagnostic.line == 11)
        #expect(diagnostic.message == "field 'agree': give either options (several boxes) or box (one box), not both")
    }

    @Test func optionKeysAndDuplicateValues() throws {
        let yaml = page(fields: """
                - name: sex
                  type: choice
                  options:
                    - {value: 男, box: [150, 20, 4.5, 4.5]}
                    - {value: 男, box: [170, 20, 4.5, 4.5]}
                    - {value: 女}
            """)
        let all = diagnostics(yaml)
        #expect(all.map(\.line) == [12, 13])
        #expect(all.map(\.message) == [
            "field 'sex': option value '男' is listed twice (first at line 11)",
            "field 'sex' option 3 is missing required key 'box'",
        ])
    }

    @Test func checkedCountsThatCannotBeSatisfied() throws {
        let options = """
                  options:
                    - {value: a, box: [20, 20, 5, 5]}
                    - {value: b, box: [30, 20, 5, 5]}
                    - {value: c, box: [40, 20, 5, 5]}
            """
        let yaml = page(fields: """
                - name: p
                  type: checkbox
            \(options)
                  min_checked: 3
                  max_checked: 2
                - name: q
                  type: checkbox
                  options:
                    - {value: a, box: [20, 40, 5, 5]}
                    - {value: b, box: [30, 40, 5, 5]}
                  min_checked: 3
                  max_checked: 4
            """)
        let range = diagnostics(yaml).filter { $0.code == .checkedCountRange }
        #expect(range.map(\.line) == [14, 21, 22])
        #expect(range.map(\.message) == [
            "field 'p': min_checked (3) is greater than max_checked (2)",
            "field 'q': min_checked is 3 but there are only 2 options",
            "field 'q': max_checked is 4 but there are only 2 options",
        ])
    }

    @Test func checkedCountsOutOfRangeOrOnASingleBox() throws {
        let yaml = page(fields: """
                - name: p
                  type: checkbox
                  options: [{value: a, box: [20, 20, 5, 5]}, {value: b, box: [30, 20, 5, 5]}]
                  min_checked: -1
                  max_checked: 0
                - name: agree
                  type: checkbox
                  box: [20, 40, 5, 5]
                  max_checked: 1
            """)
        let all = diagnostics(yaml)
        #expect(all.map(\.line) == [11, 12, 16])
        #expect(all.map(\.code) == [.checkedCountRange, .checkedCountRange, .notApplicable])
        #expect(all.map(\.message) == [
            "field 'p': min_checked must be 0 or more, got -1",
            "field 'p': max_checked must be 1 or more, got 0",
            "field 'agree': min_checked and max_checked need options; a single box is just true/false",
        ])
    }

    // MARK: - Vocabulary

    @Test func vocabularyIsAListOrABuiltInName() throws {
        let yaml = page(fields: """
                - {name: pref, type: text, zone: [20, 20, 40, 10], vocabulary: prefectures}
                - {name: kind, type: text, zone: [20, 40, 40, 10], vocabulary: [普通, 当座]}
            """)
        let fields = try TemplateLoader.load(yaml: yaml, path: virtualPath).pages[0].fields
        #expect(fields[0].vocabulary.count == 47)
        #expect(fields[0].vocabulary.first == "北海道")
        #expect(fields[0].vocabulary.last == "沖縄県")
        #expect(fields[1].vocabulary == ["普通", "当座"])
        let unknown = try single(.invalidValue, in: yaml.replacingOccurrences(of: "prefectures", with: "cities"))
        #expect(unknown.line == 8)
        #expect(unknown.message == "field 'pref': unknown vocabulary 'cities'; give a list of words or one of: banks, prefectures")
        let empty = try single(.invalidValue, in: yaml.replacingOccurrences(of: "[普通, 当座]", with: "[]"))
        #expect(empty.line == 9)
        #expect(empty.message == "field 'kind': vocabulary is empty; leave it out to allow any value")
    }

    @Test func emptyWhitelist() throws {
        let diagnostic = try single(.invalidValue, in: page(fields: "    - {name: a, type: digits, zone: [20, 20, 30, 10], whitelist: \"\"}"))
        #expect(diagnostic.line == 8)
        #expect(diagnostic.message == "field 'a': whitelist is empty; leave it out to allow every character")
    }
}
