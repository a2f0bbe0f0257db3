import Foundation

/// A job definition for CLI tests: every folder (inbox, work, out, routes) under one root, sample
/// templates and mappings by name, and the steps a test needs. `write(to:)` saves it as YAML.
struct TestJob {
    var id: String
    /// The folder that holds the job's inbox, work, out and route folders.
    var root: String
    /// The `trigger:` value as YAML (`manual`, a `{watch: …}` flow mapping, a `schedule:` line).
    var trigger = "manual"
    /// Sample template names (`b_jido_koza`), in the order the job lists them.
    var templates: [String]
    var workers: Int?
    var secondsPerField: Int?
    /// Steps between `validate` and `export`, as YAML list items (`- transform: {…}`).
    var transforms: [String] = []
    /// The sample mapping and the import file name, when the job exports.
    var export: (mapping: String, name: String)?
    var routeDuplicates = false
    /// Steps after `route`, as YAML list items (with their `when:` lines).
    var afterRoute: [String] = []

    init(_ id: String, root: String, templates: [String]) {
        self.id = id
        self.root = root
        self.templates = templates
    }

    var yaml: String {
        var lines = [
            "job: \(id)",
            "inbox: \(root)/inbox",
            "work: \(root)/work",
            trigger.contains("\n") ? "trigger:\n  " + trigger.replacingOccurrences(of: "\n", with: "\n  ") : "trigger: \(trigger)",
            "templates: [" + templates.map { CLIRunner.sample("samples/templates/\($0).yaml") }.joined(separator: ", ") + "]",
        ]
        if let workers { lines.append("workers: \(workers)") }
        if let secondsPerField { lines.append("seconds_per_field: \(secondsPerField)") }
        lines += ["steps:", "  - read", "  - validate"]
        lines += transforms.map { "  " + $0 }
        if let export {
            lines += [
                "  - export:",
                "      mapping: " + CLIRunner.sample("samples/mappings/\(export.mapping).yaml"),
                "      to: \(root)/out",
                "      name: \"\(export.name)\"",
            ]
        }
        lines += [
            "  - route:",
            "      accepted: \(root)/done",
            "      review: \(root)/review",
            "      invalid: \(root)/error",
            "      failed: \(root)/error",
        ]
        if routeDuplicates { lines.append("      duplicate: \(root)/duplicate") }
        lines += afterRoute.map { "  " + $0.replacingOccurrences(of: "\n", with: "\n  ") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes the YAML to `path` and returns the path.
    @discardableResult
    func write(to path: String) throws -> String {
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
