import Foundation
import FuzzSupport
import Testing
import YomitoriExport

/// An export mapping edited by hand: every damaged copy of the sample mappings either loads or is
/// refused with errors that name the file and the line — never a crash.
@Suite("Mapping fuzzing: damaged copies of the sample mappings")
struct MappingFuzzTests {
    @Test("Damaged mappings load or are refused with file:line errors",
          arguments: ["juminhyo_csv", "jido_koza_zengin", "tennyu_fixed", "all_forms_jsonl"])
    func damagedMappings(name: String) throws {
        let sample = repositoryRoot.appendingPathComponent("samples/mappings/\(name).yaml")
        let text = try String(contentsOf: sample, encoding: .utf8)
        _ = try ExportMapping.parse(yaml: text, file: sample.path)
        try YAMLFuzz.check(text, name: name) { path in
            do {
                _ = try ExportMapping.load(path: path)
                return YAMLFuzz.Outcome(loaded: true, diagnostics: [])
            } catch let error as ExportMappingError {
                return YAMLFuzz.Outcome(loaded: false, diagnostics: error.diagnostics)
            }
        }
    }
}
