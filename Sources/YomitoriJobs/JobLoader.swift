public import Foundation
import Yams
public import YomitoriYAML

/// Reads job YAML files into ``JobDefinition`` values, checking everything an author can get wrong.
///
/// Every problem is reported with `file:line:column` of the YAML node it is about, and all of them
/// are collected in one pass. A warning (the inbox does not exist on this machine, a mapping file
/// is not written yet) is not a failure: ``load(path:)`` returns the job and ``check(path:)`` shows it.
public enum JobLoader {
    /// Loads and validates a job file.
    ///
    /// - Throws: ``JobError`` listing every error diagnostic (warnings are left out).
    public static func load(path: String) throws(JobError) -> JobDefinition {
        let report = report(path: path)
        if let job = report.job { return job }
        throw JobError(diagnostics: report.diagnostics.filter { $0.severity == .error })
    }

    /// All diagnostics (errors and warnings) without throwing — for `yomitori jobs check`.
    public static func check(path: String) -> [JobDiagnostic] {
        report(path: path).diagnostics
    }

    /// The job (when it has no errors) together with every diagnostic.
    public static func report(path: String) -> JobReport {
        switch YAMLSource.readText(path: path, kind: "a job YAML file", name: "the job file") {
        case .success(let yaml): report(yaml: yaml, path: path)
        case .failure(let diagnostic): JobReport(job: nil, diagnostics: [diagnostic])
        }
    }

    /// ``report(path:)`` for YAML read elsewhere; `path` names the file in messages and is the base
    /// for relative paths.
    public static func report(yaml: String, path: String) -> JobReport {
        let root: Node
        switch YAMLSource.compose(yaml: yaml, path: path, emptyHint: "a job starts with `job: <id>`", hint: braceHint) {
        case .success(let node): root = node
        case .failure(let diagnostic): return JobReport(job: nil, diagnostics: [diagnostic])
        }
        var parser = JobParser(file: path)
        let job = parser.parseJob(root)
        let diagnostics = parser.reader.diagnostics.inFileOrder()
        let hasErrors = diagnostics.contains { $0.severity == .error }
        return JobReport(job: hasErrors ? nil : job, diagnostics: diagnostics)
    }

    /// Every `*.yaml` / `*.yml` job file in a folder (not its subfolders), in name order, with the
    /// diagnostics of each plus one error per repeated job id.
    public static func checkAll(directory: String) -> [String: [JobDiagnostic]] {
        loadAll(directory: directory).diagnostics
    }

    /// The jobs of a folder that load without errors, and every diagnostic by file.
    public static func loadAll(directory: String) -> (jobs: [JobDefinition], diagnostics: [String: [JobDiagnostic]]) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            return ([], [directory: [JobDiagnostic(severity: .error, code: .unreadableFile, file: directory,
                                                   message: "cannot list the jobs folder: \(error.localizedDescription)")]])
        }
        let files = names.filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.hasPrefix(".") }.sorted()
        var diagnostics: [String: [JobDiagnostic]] = [:]
        var jobs: [JobDefinition] = []
        var seen: [String: String] = [:]
        for name in files {
            let path = (directory as NSString).appendingPathComponent(name)
            let report = report(path: path)
            diagnostics[path] = report.diagnostics
            guard let job = report.job else { continue }
            if let first = seen[job.id] {
                diagnostics[path, default: []].append(JobDiagnostic(
                    severity: .error, code: .duplicateJob, file: path, line: 1,
                    message: "job id '\(job.id)' is also used by \(first); each job needs its own id"
                ))
                continue
            }
            seen[job.id] = path
            jobs.append(job)
        }
        return (jobs, diagnostics)
    }

    // MARK: - Helpers

    /// Inside `{ … }` (a flow mapping) a `{variable}` must be quoted; say so when that is the likely cause.
    private static func braceHint(_ yaml: String, line: Int) -> String {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return "" }
        let text = lines[line - 1]
        guard text.contains(": {"), text.range(of: #"[^"']\{[a-z_]+\}"#, options: .regularExpression) != nil else {
            return ""
        }
        return #"; a value with {variables} inside { … } must be quoted: {append: "./logs/{job}.log"}"#
    }
}
