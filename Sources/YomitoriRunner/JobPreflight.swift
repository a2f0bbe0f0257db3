public import YomitoriJobs
import Foundation
import YomitoriTemplate

/// What a run would meet when it loads a job's templates (at its start) and export mappings (at
/// its first export), checked without running: for `yomitori jobs check`.
public enum JobPreflight {
    /// Each error of the templates and export mappings `job` names, as its loader describes it
    /// (`file:line:column: error: …`). A mapping file that does not exist yet is the job file's
    /// warning already, so it is not loaded here.
    public static func errors(of job: JobDefinition) -> [String] {
        var errors: [String] = []
        for path in job.templates {
            do { _ = try TemplateLoader.load(path: path) } catch { errors.append("\(error)") }
        }
        for case .export(let config) in job.steps.map(\.step) {
            if case .file(let path) = config.mapping, !FileManager.default.fileExists(atPath: path) { continue }
            do { _ = try ImportRenderers.make(for: config, timeZone: job.timeZone) } catch { errors.append("\(error)") }
        }
        return errors
    }
}
