/// The keys of one YAML mapping in a job file, for unknown-key checks with suggestions.
struct KeyTable: Sendable {
    /// How the section is called in messages, e.g. `watch`.
    let section: String
    let keys: [String]
    let required: Set<String>

    init(_ section: String, _ keys: [String], required: Set<String> = []) {
        self.section = section
        self.keys = keys
        self.required = required
    }

    func suggestion(for unknown: String) -> String? {
        closestWord(to: unknown, in: keys)
    }

    /// Another section that has this key, for "belongs in" hints (`settle_seconds` at the top level).
    func otherSection(having key: String) -> String? {
        JobKeys.all.first { $0.section != section && $0.keys.contains(key) }?.section
    }
}

/// Every key of the job format, section by section. A key not listed is reported as unknown.
enum JobKeys {
    static let job = KeyTable("job", [
        "job", "description", "inbox", "patterns", "work", "trigger", "time_zone", "templates", "workers",
        "seconds_per_field", "steps",
    ], required: ["job", "inbox", "trigger", "templates", "steps"])
    static let trigger = KeyTable("trigger", ["watch", "schedule", "manual", "settle_seconds", "marker"])
    static let watch = KeyTable("watch", ["settle_seconds", "marker", "poll", "poll_interval"])
    static let step = KeyTable("step", ["read", "validate", "transform", "export", "route", "run", "notify", "when"])
    static let transform = KeyTable("transform", ["set", "copy", "derive"])
    static let export = KeyTable("export", ["mapping", "to", "name"], required: ["mapping", "to"])
    static let route = KeyTable("route", ["accepted", "review", "invalid", "failed", "duplicate"])
    static let run = KeyTable("run", ["command", "args", "timeout", "when"], required: ["command"])
    static let notify = KeyTable("notify", ["append", "post", "when"])

    static let all = [job, trigger, watch, step, transform, export, route, run, notify]
}

/// The candidate nearest to `word` by edit distance, if it is near enough to be a likely typo
/// (at most a third of the word's length in edits, at least one; or one being a prefix of the other).
func closestWord(to word: String, in candidates: [String]) -> String? {
    let lowered = word.lowercased()
    var best: (word: String, distance: Int)?
    for candidate in candidates {
        let distance = editDistance(lowered, candidate)
        let limit = max(1, min(3, candidate.count / 3))
        let isPrefix = min(lowered.count, candidate.count) >= 3
            && (lowered.hasPrefix(candidate) || candidate.hasPrefix(lowered))
        guard distance <= limit || isPrefix else { continue }
        if best == nil || distance < best?.distance ?? .max { best = (candidate, distance) }
    }
    return best?.word
}

/// Levenshtein distance over characters.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
