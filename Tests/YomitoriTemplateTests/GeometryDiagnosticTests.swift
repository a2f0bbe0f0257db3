import YomitoriYAML
import Foundation
import Testing
@testable import YomitoriTemplate

/// Page sizes, sizes of rectangles, things off the page, and zones that collide.
@Suite struct GeometryDiagnosticTests {
    @Test func nonPositiveWidthOrHeight() throws {
        let yaml = page(fields: """
                - name: a
                  type: text
                  zone: [20, 20, 0, 10]
                - name: b
                  type: text
                  zone: [20, 40, 30, -2]
            """)
        let sizes = diagnostics(yaml).filter { $0.code == .nonPositiveSize }
        #expect(sizes.map(\.line) == [10, 13])
        #expect(sizes.map(\.message) == [
            "field 'a': zone width must be positive, got 0 mm",
            "field 'b': zone height must be positive, got -2 mm",
        ])
    }

    @Test func negativePaddingThatSwallowsTheZone() throws {
        let diagnostic = try single(.nonPositiveSize, in: page(fields: """
                - name: a
                  type: text
                  zone: [20, 20, 30, 4]
                  padding: -2
            """))
        #expect(diagnostic.line == 11)
        #expect(diagnostic.message == "field 'a': padding -2 mm shrinks the zone [20, 20, 30, 4] to nothing")
        #expect(diagnostics(page(fields: "    - {name: a, type: text, zone: [20, 20, 30, 4], padding: -1.5}")).isEmpty)
    }

    @Test func zoneOffThePageNamesTheFieldAndThePageSize() throws {
        let diagnostic = try single(.offPage, in: page(fields: """
                - name: request_date
                  type: date
                  zone: [54.6, 42.6, 200, 11.8]
            """))
        #expect(diagnostic.line == 10)
        #expect(diagnostic.column == 13)
        #expect(diagnostic.message == "zone of field 'request_date' [54.6, 42.6, 200, 11.8] is off the page "
            + "(A4, 210 × 297 mm): its right edge is at x = 254.6 mm")
    }

    /// A newcomer's template written in pixels of the blank scan was caught only by this check.
    @Test func aZoneInPixelsIsToldSo() throws {
        let diagnostic = try single(.offPage, in: page(fields: """
                - name: name
                  type: text
                  zone: [575, 669, 1716, 151]
            """))
        #expect(diagnostic.message.hasSuffix("; positions are millimetres from the top-left corner, not pixels (1 mm = 11.8 px at 300 dpi)"),
                "\(diagnostic.message)")
    }

    @Test func everyKindOfRectangleIsCheckedAgainstThePage() throws {
        let yaml = """
            template: t
            page:
              size: B5
              registration:
                marks: [[8, 8, 6, 6], [200, 8, 6, 6]]
              form_marker: {text: 転入届, zone: [-1, 10, 40, 10]}
              fields:
                - name: code
                  type: comb
                  zone: [20, 240, 30, 10]
                  boxes:
                    - [20.5, 240.5, 6, 9]
                    - [27.5, 250.5, 6, 9]
                - name: agree
                  type: checkbox
                  box: [180, 20, 4.5, 4.5]
                - name: sex
                  type: choice
                  options:
                    - {value: 男, box: [150, 20, 4.5, 4.5]}
                    - {value: 女, box: [170, 300, 4.5, 4.5]}
            """
        let off = diagnostics(yaml).filter { $0.code == .offPage }
        #expect(off.map(\.line) == [5, 6, 13, 16, 21])
        #expect(off.map(\.message) == [
            "registration mark 2 [200, 8, 6, 6] is off the page (B5, 182 × 257 mm): its right edge is at x = 206 mm",
            "form_marker zone [-1, 10, 40, 10] is off the page (B5, 182 × 257 mm): its left edge is at x = -1 mm",
            "box 2 of field 'code' [27.5, 250.5, 6, 9] is off the page (B5, 182 × 257 mm): "
                + "its bottom edge is at y = 259.5 mm",
            "box of field 'agree' [180, 20, 4.5, 4.5] is off the page (B5, 182 × 257 mm): "
                + "its right edge is at x = 184.5 mm",
            "box of field 'sex' option 2 [170, 300, 4.5, 4.5] is off the page (B5, 182 × 257 mm): "
                + "its bottom edge is at y = 304.5 mm",
        ])
    }

    @Test func pageSizeInMillimetres() throws {
        let yaml = """
            template: t
            page:
              size: {width: 100, height: 148}
              registration: {marks: [[5, 5, 5, 5]]}
              fields:
                - {name: a, type: text, zone: [10, 140, 20, 10]}
            """
        let diagnostic = try single(.offPage, in: yaml)
        #expect(diagnostic.message == "zone of field 'a' [10, 140, 20, 10] is off the page (100 × 148 mm): "
            + "its bottom edge is at y = 150 mm")
        let loaded = try TemplateLoader.load(yaml: yaml.replacingOccurrences(of: "140", with: "130"), path: virtualPath)
        #expect(loaded.pages[0].size == SizeMM(width: 100, height: 148))
    }

    @Test func badPageSizes() throws {
        let unknown = try single(.invalidValue, in: "template: t\npage:\n  size: Letter\n  fields: []\n")
        #expect(unknown.line == 3)
        #expect(unknown.message == "page: unknown paper size 'Letter'; expected one of A3, A4, A5, B4, B5 (B = JIS B) "
            + "or {width: …, height: …} in mm")
        let zero = try single(.nonPositiveSize, in: "template: t\npage:\n  size: {width: 0, height: 297}\n  fields: []\n")
        #expect(zero.line == 3)
        #expect(zero.message == "page: size width must be positive, got 0 mm")
        let missing = try single(.missingKey, in: "template: t\npage:\n  size: {width: 210}\n  fields: []\n")
        #expect(missing.message == "page: size is missing required key 'height'")
    }

    @Test func namedSizesAreCaseInsensitiveAndJISB() throws {
        let yaml = page(fields: "    - {name: a, type: text, zone: [20, 20, 30, 10]}")
        let b4 = try TemplateLoader.load(yaml: yaml.replacingOccurrences(of: "size: A4", with: "size: b4"), path: virtualPath)
        #expect(b4.pages[0].size == SizeMM(width: 257, height: 364))
    }

    @Test func combBoxOutsideItsZoneIsAWarning() throws {
        let yaml = page(fields: """
                - name: postal_code
                  type: comb
                  zone: [62, 95, 51.5, 9]
                  boxes:
                    - [62.5, 95.5, 5.5, 8]
                    - [109.5, 95.5, 5.5, 8]
            """)
        let all = diagnostics(yaml)
        #expect(all.count == 1)
        let warning = try #require(all.first)
        #expect(warning.severity == .warning)
        #expect(warning.code == .boxOutsideZone)
        #expect(warning.line == 13)
        #expect(warning.message == "box 2 of field 'postal_code' [109.5, 95.5, 5.5, 8] is not inside the field's zone "
            + "[62, 95, 51.5, 9]")
        #expect(warning.description.hasPrefix("/virtual/t.yaml:13:11: warning: box 2"))
        #expect(try TemplateLoader.load(yaml: yaml, path: virtualPath).pages[0].fields[0].boxes.count == 2)
    }

    @Test func optionBoxOutsideAnExplicitZoneIsAWarning() throws {
        let warning = try single(.boxOutsideZone, in: page(fields: """
                - name: sex
                  type: choice
                  zone: [150, 141, 25, 5]
                  options:
                    - {value: 男, box: [150, 141.25, 4.5, 4.5]}
                    - {value: 女, box: [180, 141.25, 4.5, 4.5]}
            """))
        #expect(warning.severity == .warning)
        #expect(warning.line == 13)
        #expect(warning.message == "box of field 'sex' option 2 [180, 141.25, 4.5, 4.5] is not inside the field's zone "
            + "[150, 141, 25, 5]")
    }

    @Test func mostlyOverlappingZonesAreAWarning() throws {
        let yaml = page(fields: """
                - name: name
                  type: text
                  zone: [50, 60, 100, 12]
                - name: kana
                  type: katakana
                  zone: [50, 64, 100, 12]
                - name: note
                  type: text
                  zone: [50, 74, 100, 12]
            """)
        let all = diagnostics(yaml)
        #expect(all.count == 1)
        let warning = try #require(all.first)
        #expect(warning.severity == .warning)
        #expect(warning.code == .overlappingZones)
        #expect(warning.line == 13)
        #expect(warning.message == "zones of fields 'name' (line 8) and 'kana' overlap by 67% of the smaller one; "
            + "each field should have its own writing area")
    }

    @Test func zonesOnDifferentPagesDoNotOverlap() throws {
        let yaml = """
            template: t
            pages:
              - size: A4
                registration: {marks: [[8, 8, 6, 6]]}
                fields:
                  - {name: a, type: text, zone: [50, 60, 100, 12]}
              - size: A4
                registration: {marks: [[8, 8, 6, 6]]}
                fields:
                  - {name: b, type: text, zone: [50, 60, 100, 12]}
            """
        #expect(diagnostics(yaml).isEmpty)
        let template = try TemplateLoader.load(yaml: yaml, path: virtualPath)
        #expect(template.pages.map { $0.fields.map(\.name) } == [["a"], ["b"]])
    }

    @Test func pageWithoutRegistrationIsAWarning() throws {
        let yaml = "template: t\npage:\n  size: A4\n  fields:\n    - {name: a, type: text, zone: [20, 20, 30, 10]}\n"
        let warning = try single(.noRegistration, in: yaml)
        #expect(warning.severity == .warning)
        #expect(warning.line == 3)
        #expect(warning.message == "page has no registration; no scan can be registered to it, so every page "
            + "fails (add registration: reference_image: a blank scan of the form)")
        #expect(try TemplateLoader.load(yaml: yaml, path: virtualPath).pages[0].registration == RegistrationSpec())
    }
}
