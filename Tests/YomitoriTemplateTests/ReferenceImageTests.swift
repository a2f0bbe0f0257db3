import YomitoriYAML
import Foundation
import Testing
@testable import YomitoriTemplate

/// `reference_image` is relative to the template file, must exist, and is kept as written.
@Suite struct ReferenceImageTests {
    static func template(referenceImage: String) -> String {
        """
        template: t
        page:
          size: A4
          registration:
            reference_image: \(referenceImage)
          fields:
            - {name: a, type: text, zone: [20, 20, 30, 10]}
        """
    }

    @Test func existingImageIsResolvedAgainstTheTemplateDirectory() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let image = try directory.write("forms/t.blank.png", "not really a PNG")
        let path = try directory.write("templates/t.yaml", Self.template(referenceImage: "../forms/t.blank.png"))

        #expect(TemplateLoader.check(path: path).isEmpty)
        let template = try TemplateLoader.load(path: path)
        #expect(template.sourcePath == path)
        #expect(template.pages[0].registration.referenceImage == "../forms/t.blank.png")
        let resolved = try #require(template.resolvedReferenceImage(for: template.pages[0]))
        #expect(URL(fileURLWithPath: resolved).resolvingSymlinksInPath().path
            == URL(fileURLWithPath: image).resolvingSymlinksInPath().path)
        #expect(resolved.hasPrefix("/"))
    }

    @Test func missingImageIsAnErrorAtItsLine() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("t.yaml", Self.template(referenceImage: "../forms/missing.png"))
        let diagnostics = TemplateLoader.check(path: path)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(diagnostic.code == .missingReferenceImage)
        #expect(diagnostic.line == 5)
        #expect(diagnostic.column == 22)
        let expected = directory.url.deletingLastPathComponent().appendingPathComponent("forms/missing.png")
            .standardizedFileURL.path
        #expect(diagnostic.message == "reference_image '../forms/missing.png' does not exist (looked for \(expected); "
            + "the path is relative to the template file)")
        #expect(throws: TemplateError.self) { try TemplateLoader.load(path: path) }
    }

    @Test func directoryIsNotAnImage() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("forms/keep", "")
        let path = try directory.write("t.yaml", Self.template(referenceImage: "forms"))
        let diagnostic = try #require(TemplateLoader.check(path: path).first)
        #expect(diagnostic.code == .missingReferenceImage)
        #expect(diagnostic.message.hasPrefix("reference_image 'forms' is a directory, expected an image file"))
    }

    @Test func resolvingWithoutASourcePathUsesTheCurrentDirectory() {
        let page = TemplatePage(size: .a4, registration: RegistrationSpec(referenceImage: "blank.png"), fields: [])
        let template = Template(id: "t", title: "", pages: [page])
        let cwd = FileManager.default.currentDirectoryPath
        #expect(template.resolvedReferenceImage(for: page)
            == URL(fileURLWithPath: cwd).appendingPathComponent("blank.png").standardizedFileURL.path)
        let absolute = TemplatePage(size: .a4, registration: RegistrationSpec(referenceImage: "/srv/forms/a.png"), fields: [])
        #expect(template.resolvedReferenceImage(for: absolute) == "/srv/forms/a.png")
        let none = TemplatePage(size: .a4, registration: RegistrationSpec(), fields: [])
        #expect(template.resolvedReferenceImage(for: none) == nil)
    }
}
