import Foundation
import FuzzSupport
import Testing
import YomitoriTemplate

/// A newcomer's template with a typing slip: every damaged copy of the sample templates either
/// loads or is refused with errors that name the file and the line — never a crash, and never a
/// template loaded in spite of an error.
@Suite("Template fuzzing: damaged copies of the sample templates")
struct TemplateFuzzTests {
    @Test("Damaged templates load or are refused with file:line errors", arguments: ["a_juminhyo", "b_jido_koza", "c_tennyu"])
    func damagedTemplates(form: String) throws {
        let sample = repositoryRoot.appendingPathComponent("samples/templates/\(form).yaml")
        // The reference image by absolute path, so copies elsewhere find it.
        let text = try String(contentsOf: sample, encoding: .utf8).replacingOccurrences(
            of: "reference_image: ../forms/", with: "reference_image: \(repositoryRoot.path)/samples/forms/")
        #expect(TemplateLoader.report(yaml: text, path: sample.path).errors.isEmpty, "the undamaged copy loads")
        try YAMLFuzz.check(text, name: form) { path in
            let report = TemplateLoader.report(path: path)
            if report.template == nil {
                #expect(throws: TemplateError.self) { try TemplateLoader.load(path: path) }
            }
            return YAMLFuzz.Outcome(loaded: report.template != nil, diagnostics: report.diagnostics)
        }
    }
}
