import Foundation
import Yams

/// Reads template YAML files into ``Template`` values, checking everything an author can get wrong.
///
/// Every problem is reported with `file:line:column` of the YAML node it is about, and all of them
/// are collected in one pass. A warning is not a failure: ``load(path:)`` returns the template and
/// ``check(path:)`` shows the warning.
public enum TemplateLoader {
    /// Loads and validates a template file.
    ///
    /// - Throws: ``TemplateError`` listing every error diagnostic (warnings are left out).
    public static func load(path: String) throws -> Template {
        try unwrap(report(path: path))
    }

    /// Loads and validates template YAML that was read elsewhere; `path` is used for messages
    /// and as the base for a relative `reference_image`.
    public static func load(yaml: String, path: String) throws -> Template {
        try unwrap(report(yaml: yaml, path: path))
    }

    /// All diagnostics (errors and warnings) without throwing — for `yomitori template check`.
    public static func check(path: String) -> [TemplateDiagnostic] {
        report(path: path).diagnostics
    }

    /// All diagnostics for template YAML that was read elsewhere.
    public static func check(yaml: String, path: String) -> [TemplateDiagnostic] {
        report(yaml: yaml, path: path).diagnostics
    }

    /// The template (when it has no errors) together with every diagnostic, for callers that
    /// want to load and still show warnings.
    public static func report(path: String) -> TemplateReport {
        switch readText(path) {
        case .success(let yaml):
            return report(yaml: yaml, path: path)
        case .failure(let problem):
            return TemplateReport(template: nil, diagnostics: [
                TemplateDiagnostic(severity: .error, code: .unreadableFile, file: path, message: problem.message),
            ])
        }
    }

    /// ``report(path:)`` for YAML that was read elsewhere.
    public static func report(yaml: String, path: String) -> TemplateReport {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            return TemplateReport(template: nil, diagnostics: [yamlDiagnostic(error, yaml: yaml, file: path)])
        }
        guard let root, root.tagName != .null else {
            return TemplateReport(template: nil, diagnostics: [
                TemplateDiagnostic(severity: .error, code: .notAMapping, file: path, line: 1, column: 1,
                                   message: "the file is empty; a template starts with `template: <id>`"),
            ])
        }
        var parser = TemplateParser(file: path)
        let template = parser.parseTemplate(root)
        let diagnostics = inFileOrder(parser.reader.diagnostics)
        let hasErrors = diagnostics.contains { $0.severity == .error }
        return TemplateReport(template: hasErrors ? nil : template, diagnostics: diagnostics)
    }

    // MARK: - Helpers

    private static func unwrap(_ report: TemplateReport) throws -> Template {
        if let template = report.template { return template }
        throw TemplateError(diagnostics: report.errors)
    }

    /// Sorted by line and column; problems with the whole file first; ties keep their order.
    private static func inFileOrder(_ diagnostics: [TemplateDiagnostic]) -> [TemplateDiagnostic] {
        diagnostics.enumerated().sorted { a, b in
            let keyA = (a.element.line ?? 0, a.element.column ?? 0, a.offset)
            let keyB = (b.element.line ?? 0, b.element.column ?? 0, b.offset)
            return keyA < keyB
        }.map(\.element)
    }

    private struct ReadProblem: Error {
        let message: String
    }

    private static func readText(_ path: String) -> Result<String, ReadProblem> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(ReadProblem(message: "no such file; expected a template YAML file"))
        }
        guard !isDirectory.boolValue else {
            return .failure(ReadProblem(message: "is a directory; expected a template YAML file"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(ReadProblem(message: "cannot be read (check its permissions)"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(ReadProblem(message: "is not UTF-8 text; save the template as UTF-8"))
        }
        return .success(text)
    }

    /// A Yams parse error as a diagnostic at the line Yams points at.
    private static func yamlDiagnostic(_ error: any Error, yaml: String, file: String) -> TemplateDiagnostic {
        func make(_ mark: Mark?, _ message: String) -> TemplateDiagnostic {
            make(line: mark?.line, column: mark?.column, message)
        }
        func make(line: Int?, column: Int?, _ message: String) -> TemplateDiagnostic {
            TemplateDiagnostic(severity: .error, code: .malformedYAML, file: file,
                               line: line, column: column, message: message)
        }
        func explain(_ context: YamlError.Context?, _ problem: String) -> String {
            guard let context else { return "malformed YAML: \(problem)" }
            return "malformed YAML: \(context.text) at line \(context.mark.line), \(problem)"
        }
        guard let error = error as? YamlError else { return make(nil, "malformed YAML: \(error)") }
        switch error {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            return make(mark, explain(context, problem))
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return make(context.mark,
                        "malformed YAML: key \(keys) appears more than once in the same mapping; each key may appear once")
        case let .reader(problem, offset, _, _):
            let line = offset.map { offset in yaml.utf8.prefix(offset).count { $0 == UInt8(ascii: "\n") } + 1 }
            return make(line: line, column: nil, "malformed YAML: \(problem)")
        default:
            return make(nil, "malformed YAML: \(error)")
        }
    }
}
