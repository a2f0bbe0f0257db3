import YomitoriYAML
import Foundation
import Yams

/// Turns a composed YAML tree into a ``JobDefinition``, reporting every problem through its ``YAMLReader``.
///
/// Parsing is best-effort: a bad value is reported and left out, and parsing goes on so one run
/// lists every mistake. The result is only used when no error was reported.
struct JobParser {
    var reader: YAMLReader
    /// Folder of the job file: relative paths are resolved against it.
    let directory: URL

    init(file: String) {
        reader = YAMLReader(file: file)
        directory = URL(fileURLWithPath: file).deletingLastPathComponent()
    }

    mutating func parseJob(_ root: Node) -> JobDefinition? {
        guard let keyed = reader.mapping(root, JobKeys.job, subject: "the job") else { return nil }
        let id = keyed["job"].flatMap { parseIdentifier($0) }
        let description = keyed["description"].flatMap { reader.text($0, "description") } ?? ""
        let inbox = keyed["inbox"].flatMap { parseFolder($0, "inbox") }
        let patterns = keyed["patterns"].map { parsePatterns($0) } ?? JobDefinition.defaultPatterns
        let explicitWork = keyed["work"].flatMap { parseFolder($0, "work") }
        let timeZone = keyed["time_zone"].map { parseTimeZone($0) } ?? JobDefinition.defaultTimeZone
        let trigger = keyed["trigger"].flatMap { parseTrigger($0) }
        let templates = keyed["templates"].flatMap { parseTemplates($0) }
        let workers = keyed["workers"].map { parseWorkers($0) } ?? 1
        let secondsPerField = keyed["seconds_per_field"].map { parseSecondsPerField($0) } ?? 8
        let steps = keyed["steps"].flatMap { parseSteps($0) }

        if let id, let inbox {
            checkInbox(inbox, node: keyed["inbox"])
            let work = explicitWork ?? JobDefinition.defaultWork(inbox: inbox, job: id)
            checkSameFileSystem(inbox: inbox, work: work, node: keyed["work"] ?? keyed["inbox"])
        }
        guard let id, let inbox, let trigger, let templates, let steps, !reader.hasErrors else { return nil }
        return JobDefinition(
            id: id, description: description, sourcePath: reader.file, inbox: inbox, patterns: patterns,
            work: explicitWork ?? JobDefinition.defaultWork(inbox: inbox, job: id), trigger: trigger.trigger,
            intake: trigger.intake, timeZone: timeZone, templates: templates, workers: workers,
            secondsPerField: secondsPerField, steps: steps
        )
    }

    // MARK: - Top-level values

    private mutating func parseIdentifier(_ node: Node) -> String? {
        guard let id = reader.text(node, "job") else { return nil }
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789_-")
        guard !id.isEmpty, id.allSatisfy(allowed.contains) else {
            reader.error(.invalidValue, at: node, "job id '\(id)' must use only a-z, 0-9, _ and - (e.g. juminhyo)")
            return nil
        }
        let stem = URL(fileURLWithPath: reader.file).deletingPathExtension().lastPathComponent
        if stem != id {
            reader.warning(.fileNameMismatch, at: node,
                           "job id '\(id)' differs from the file name '\(stem)'; name the file \(id).yaml to find it easily")
        }
        return id
    }

    private mutating func parsePatterns(_ node: Node) -> [String] {
        guard let items = reader.texts(node, "patterns") else { return JobDefinition.defaultPatterns }
        var patterns: [String] = []
        for (pattern, item) in items {
            if pattern.isEmpty || pattern.contains("/") {
                reader.error(.invalidValue, at: item, "pattern '\(pattern)' must be a file name pattern like \"*.pdf\" (no folders)")
            } else if let problem = GlobPattern.problem(in: pattern) {
                reader.error(.invalidValue, at: item, "pattern '\(pattern)': \(problem)")
            } else {
                patterns.append(pattern)
            }
        }
        if items.isEmpty { reader.error(.invalidValue, at: node, "patterns must list at least one pattern") }
        return patterns
    }

    private mutating func parseTimeZone(_ node: Node) -> TimeZone {
        guard let name = reader.text(node, "time_zone") else { return JobDefinition.defaultTimeZone }
        if let zone = TimeZone(identifier: name) { return zone }
        var message = "unknown time zone '\(name)'"
        if let close = closestWord(to: name, in: TimeZone.knownTimeZoneIdentifiers.map { $0.lowercased() }) {
            let proper = TimeZone.knownTimeZoneIdentifiers.first { $0.lowercased() == close } ?? close
            message += "; did you mean '\(proper)'?"
        } else {
            message += "; use an IANA name such as Asia/Tokyo"
        }
        reader.error(.invalidValue, at: node, message)
        return JobDefinition.defaultTimeZone
    }

    private mutating func parseTemplates(_ node: Node) -> [String]? {
        guard let items = reader.texts(node, "templates") else { return nil }
        guard !items.isEmpty else {
            reader.error(.invalidValue, at: node, "templates must list at least one template file")
            return nil
        }
        var paths: [String] = []
        for (text, item) in items {
            guard let path = resolve(text, item, "template") else { continue }
            if !FileManager.default.fileExists(atPath: path) {
                reader.error(.missingTemplate, at: item, "template file '\(text)' does not exist (looked for \(path))")
            }
            paths.append(path)
        }
        return paths
    }

    private mutating func parseWorkers(_ node: Node) -> Int {
        guard let workers = reader.integer(node, "workers") else { return 1 }
        guard (1...64).contains(workers) else {
            reader.error(.outOfRange, at: node, "workers must be between 1 and 64, got \(workers)")
            return 1
        }
        return workers
    }

    private mutating func parseSecondsPerField(_ node: Node) -> Double {
        guard let seconds = reader.number(node, "seconds_per_field") else { return 8 }
        guard seconds > 0, seconds <= 3600 else {
            reader.error(.outOfRange, at: node, "seconds_per_field must be above 0 and at most 3600, got \(seconds)")
            return 8
        }
        return seconds
    }
}
