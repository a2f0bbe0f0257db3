import Foundation
import FuzzSupport
import Testing
import YomitoriJobs

/// A job file edited by hand on the server: every damaged copy of the example jobs either loads
/// or is refused with errors that name the file and the line — never a crash, and never a job
/// loaded in spite of an error.
@Suite("Job fuzzing: damaged copies of the example jobs")
struct JobFuzzTests {
    @Test("Damaged jobs load or are refused with file:line errors", arguments: ["juminhyo", "jido_koza", "tennyu"])
    func damagedJobs(name: String) throws {
        let example = URL(fileURLWithPath: packageRoot).appendingPathComponent("jobs/\(name).yaml")
        // Templates and mappings by absolute path, so copies elsewhere find them.
        let text = try String(contentsOf: example, encoding: .utf8)
            .replacingOccurrences(of: "../samples/", with: "\(packageRoot)/samples/")
        #expect(JobLoader.report(yaml: text, path: example.path).errors.isEmpty, "the undamaged copy loads")
        try YAMLFuzz.check(text, name: name) { path in
            let report = JobLoader.report(path: path)
            if report.job == nil {
                #expect(throws: JobError.self) { try JobLoader.load(path: path) }
            }
            return YAMLFuzz.Outcome(loaded: report.job != nil, diagnostics: report.diagnostics)
        }
    }
}
