public import YomitoriYAML

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
        switch YAMLSource.readText(path: path, kind: "a template YAML file", name: "the template") {
        case .success(let yaml): report(yaml: yaml, path: path)
        case .failure(let diagnostic): TemplateReport(template: nil, diagnostics: [diagnostic])
        }
    }

    /// ``report(path:)`` for YAML that was read elsewhere.
    public static func report(yaml: String, path: String) -> TemplateReport {
        let root: Node
        switch YAMLSource.compose(yaml: yaml, path: path, emptyHint: "a template starts with `template: <id>`") {
        case .success(let node): root = node
        case .failure(let diagnostic): return TemplateReport(template: nil, diagnostics: [diagnostic])
        }
        var parser = TemplateParser(file: path)
        let template = parser.parseTemplate(root)
        let diagnostics = parser.reader.diagnostics.inFileOrder()
        let hasErrors = diagnostics.contains { $0.severity == .error }
        return TemplateReport(template: hasErrors ? nil : template, diagnostics: diagnostics)
    }

    // MARK: - Helpers

    private static func unwrap(_ report: TemplateReport) throws -> Template {
        if let template = report.template { return template }
        throw TemplateError(diagnostics: report.errors)
    }
}
