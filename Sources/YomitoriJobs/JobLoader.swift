import Foundation
import Yams

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
        switch readText(path) {
        case .success(let yaml):
            return report(yaml: yaml, path: path)
        case .failure(let problem):
            return JobReport(job: nil, diagnostics: [
                JobDiagnostic(severity: .error, code: .unreadableFile, file: path, message: problem.message),
            ])
        }
    }

    /// ``report(path:)`` for YAML read elsewhere; `path` names the file in messages and is the base
    /// for relative paths.
    public static func report(yaml: String, path: String) -> JobReport {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            return JobReport(job: nil, diagnostics: [yamlDiagnostic(error, yaml: yaml, file: path)])
        }
        guard let root, root.tagName != .null else {
            return JobReport(job: nil, diagnostics: [
                JobDiagnostic(severity: .error, code: .notAMapping, file: path, line: 1, column: 1,
                              message: "the file is empty; a job starts with `job: <id>`"),
            ])
        }
        var parser = JobParser(file: path)
        let job = parser.parseJob(root)
        let diagnostics = inFileOrder(parser.reader.diagnostics)
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

    /// Sorted by line and column; problems with the whole file first; ties keep their order.
    private static func inFileOrder(_ diagnostics: [JobDiagnostic]) -> [JobDiagnostic] {
        diagnostics.enumerated().sorted { a, b in
            (a.element.line ?? 0, a.element.column ?? 0, a.offset) < (b.element.line ?? 0, b.element.column ?? 0, b.offset)
        }.map(\.element)
    }

    private struct ReadProblem: Error {
        let message: String
    }

    private static func readText(_ path: String) -> Result<String, ReadProblem> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(ReadProblem(message: "no such file; expected a job YAML file"))
        }
        guard !isDirectory.boolValue else {
            return .failure(ReadProblem(message: "is a directory; expected a job YAML file"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(ReadProblem(message: "cannot be read (check its permissions)"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(ReadProblem(message: "is not UTF-8 text; save the job file as UTF-8"))
        }
        return .success(text)
    }

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

    /// A Yams parse error as a diagnostic at the line Yams points at.
    private static func yamlDiagnostic(_ error: any Error, yaml: String, file: String) -> JobDiagnostic {
        func make(line: Int?, column: Int?, _ message: String) -> JobDiagnostic {
            JobDiagnostic(severity: .error, code: .malformedYAML, file: file, line: line, column: column, message: message)
        }
        func explain(_ context: YamlError.Context?, _ problem: String) -> String {
            guard let context else { return "malformed YAML: \(problem)" }
            return "malformed YAML: \(context.text) at line \(context.mark.line), \(problem)"
        }
        guard let error = error as? YamlError else { return make(line: nil, column: nil, "malformed YAML: \(error)") }
        switch error {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            return make(line: mark.line, column: mark.column, explain(context, problem) + braceHint(yaml, line: mark.line))
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return make(line: context.mark.line, column: context.mark.column,
                        "malformed YAML: key \(keys) appears more than once in the same mapping; each key may appear once")
        case let .reader(problem, offset, _, _):
            let line = offset.map { offset in yaml.utf8.prefix(offset).count { $0 == UInt8(ascii: "\n") } + 1 }
            return make(line: line, column: nil, "malformed YAML: \(problem)")
        default:
            return make(line: nil, column: nil, "malformed YAML: \(error)")
        }
    }
}
