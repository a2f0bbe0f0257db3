import YomitoriYAML

/// The keys of one YAML mapping in a job file, for unknown-key checks with suggestions.
typealias KeyTable = YAMLKeyTable

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
