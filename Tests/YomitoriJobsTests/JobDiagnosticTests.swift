import YomitoriYAML
import Foundation
import Testing
import YomitoriJobs

/// One broken job file and the diagnostic it must produce.
struct BrokenJob: CustomTestStringConvertible, Sendable {
    let label: String
    /// Replaces `old` in the valid base job with `new`.
    let old: String
    let new: String
    let code: JobDiagnostic.Code
    let line: Int
    let message: String
    var severity: JobDiagnostic.Severity = .error

    var testDescription: String { label }
}

/// A valid job; line numbers in the cases below refer to it.
private let baseJob = """
    job: demo
    inbox: ./inbox
    trigger:
      watch: {settle_seconds: 5, poll: auto}
    templates: [t.yaml]
    workers: 2
    steps:
      - read
      - validate
      - export: {mapping: m.yaml, to: ./out, name: "{job}_{date}_{seq}.csv"}
      - route: {accepted: "./done/{date}", failed: ./error}
      - run: {command: /bin/true, args: ["--job", "{job}"], timeout: 30}
        when: batch_has_accepted
      - notify: {post: "http://192.168.1.10/hook"}
    """

private let cases: [BrokenJob] = [
    BrokenJob(label: "unknown key with suggestion", old: "workers: 2", new: "worker: 2",
              code: .unknownKey, line: 6, message: "did you mean 'workers'?"),
    BrokenJob(label: "key in the wrong section", old: "workers: 2", new: "settle_seconds: 2",
              code: .unknownKey, line: 6, message: "belongs in a trigger mapping"),
    BrokenJob(label: "wrong type", old: "workers: 2", new: "workers: two",
              code: .wrongType, line: 6, message: "workers must be a whole number, got two"),
    BrokenJob(label: "workers out of range", old: "workers: 2", new: "workers: 65",
              code: .outOfRange, line: 6, message: "between 1 and 64"),
    BrokenJob(label: "missing inbox", old: "inbox: ./inbox\n", new: "",
              code: .missingKey, line: 1, message: "missing required key 'inbox'"),
    BrokenJob(label: "bad job id", old: "job: demo", new: "job: Demo Job",
              code: .invalidValue, line: 1, message: "a-z, 0-9, _ and -"),
    BrokenJob(label: "bad cron", old: "watch: {settle_seconds: 5, poll: auto}", new: "schedule: \"61 * * * *\"",
              code: .invalidSchedule, line: 4, message: "minute: 61 is out of range 0–59"),
    BrokenJob(label: "cron that never fires", old: "watch: {settle_seconds: 5, poll: auto}", new: "schedule: \"0 9 31 2,4 *\"",
              code: .invalidSchedule, line: 4, message: "never run"),
    BrokenJob(label: "two triggers", old: "  watch: {settle_seconds: 5, poll: auto}",
              new: "  watch: {settle_seconds: 5}\n  manual: true", code: .invalidValue, line: 4, message: "exactly one"),
    BrokenJob(label: "settle next to watch", old: "  watch: {settle_seconds: 5, poll: auto}",
              new: "  watch: {poll: auto}\n  settle_seconds: 5", code: .invalidValue, line: 5, message: "under watch"),
    BrokenJob(label: "unknown poll mode", old: "poll: auto", new: "poll: allways",
              code: .invalidValue, line: 4, message: "did you mean 'always'?"),
    BrokenJob(label: "marker with a variable it cannot have", old: "poll: auto", new: "marker: \"{date}.ok\"",
              code: .invalidValue, line: 4, message: "{date} cannot be used"),
    BrokenJob(label: "unknown watch key", old: "poll: auto", new: "setle_seconds: 3",
              code: .unknownKey, line: 4, message: "did you mean 'settle_seconds'?"),
    BrokenJob(label: "missing template", old: "templates: [t.yaml]", new: "templates: [t.yaml, nope.yaml]",
              code: .missingTemplate, line: 5, message: "'nope.yaml' does not exist"),
    BrokenJob(label: "missing mapping is a warning", old: "mapping: m.yaml", new: "mapping: later.yaml",
              code: .missingMapping, line: 10, message: "does not exist yet", severity: .warning),
    BrokenJob(label: "unknown step", old: "  - validate", new: "  - valdate",
              code: .unknownStep, line: 9, message: "did you mean 'validate'?"),
    BrokenJob(label: "unknown step in a mapping", old: "  - route: {", new: "  - rout: {",
              code: .unknownStep, line: 11, message: "did you mean 'route'?"),
    BrokenJob(label: "export before validate", old: "  - read\n  - validate", new: "  - read",
              code: .stepOrder, line: 9, message: "export needs a validate step before it"),
    BrokenJob(label: "read not first", old: "  - read\n  - validate", new: "  - validate\n  - read",
              code: .stepOrder, line: 8, message: "read must be the first step"),
    BrokenJob(label: "export without {seq}", old: "name: \"{job}_{date}_{seq}.csv\"", new: "name: \"{job}_{date}.csv\"",
              code: .invalidPath, line: 10, message: "needs {seq}"),
    BrokenJob(label: "unknown variable", old: "./done/{date}", new: "./done/{dat}",
              code: .invalidPath, line: 11, message: "did you mean {date}?"),
    BrokenJob(label: "{name} in a batch path", old: "to: ./out", new: "to: \"./out/{name}\"",
              code: .invalidPath, line: 10, message: "{name} cannot be used here"),
    BrokenJob(label: "unclosed brace", old: "./done/{date}", new: "./done/{date",
              code: .invalidPath, line: 11, message: "is not closed"),
    BrokenJob(label: "relative command", old: "command: /bin/true", new: "command: notify-kikan",
              code: .invalidCommand, line: 12, message: "must be an absolute path"),
    BrokenJob(label: "timeout not positive", old: "timeout: 30", new: "timeout: 0",
              code: .outOfRange, line: 12, message: "above 0"),
    BrokenJob(label: "unknown condition", old: "when: batch_has_accepted", new: "when: batch_has_acepted",
              code: .invalidCondition, line: 13, message: "did you mean 'batch_has_accepted'?"),
    BrokenJob(label: "when on a step that takes none", old: "  - read\n", new: "  - read\n  - transform: {set: {a: b}}\n    when: always\n",
              code: .invalidCondition, line: 10, message: "only run and notify"),
    BrokenJob(label: "post to the internet", old: "http://192.168.1.10/hook", new: "https://hooks.example.jp/yomitori",
              code: .notLocalNetwork, line: 14, message: "never posts outside the local network"),
    BrokenJob(label: "post to a public address", old: "http://192.168.1.10/hook", new: "http://8.8.8.8/hook",
              code: .notLocalNetwork, line: 14, message: "'8.8.8.8' is not a loopback or private address"),
    BrokenJob(label: "post with another scheme", old: "http://192.168.1.10/hook", new: "ftp://192.168.1.10/hook",
              code: .notLocalNetwork, line: 14, message: "only http:// and https://"),
    BrokenJob(label: "unknown time zone", old: "workers: 2", new: "time_zone: Asia/Tokio",
              code: .invalidValue, line: 6, message: "did you mean 'Asia/Tokyo'?"),
    BrokenJob(label: "malformed YAML", old: "workers: 2", new: "workers: [2",
              code: .malformedYAML, line: 7, message: "malformed YAML"),
    BrokenJob(label: "unquoted {variable} in { … }", old: "\"./done/{date}\"", new: "./done/{date}",
              code: .malformedYAML, line: 11, message: "must be quoted"),
    BrokenJob(label: "inbox with a variable", old: "inbox: ./inbox", new: "inbox: ./inbox/{job}",
              code: .invalidPath, line: 2, message: "plain folder path"),
    BrokenJob(label: "tilde path", old: "inbox: ./inbox", new: "inbox: ~/scans",
              code: .invalidValue, line: 2, message: "'~' is not expanded"),
    BrokenJob(label: "inbox missing on this machine", old: "inbox: ./inbox", new: "inbox: ./elsewhere",
              code: .missingInbox, line: 2, message: "does not exist", severity: .warning),
]

@Suite("Job files: every error with its line")
struct JobDiagnosticTests {
    private func check(_ yaml: String) throws -> [JobDiagnostic] {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("t.yaml", "template: t\n")
        try folder.write("m.yaml", "format: csv\n")
        _ = try folder.makeFolder("inbox")
        return JobLoader.check(path: try folder.write("demo.yaml", yaml))
            .map { var d = $0; d.file = "demo.yaml"; return d }
    }

    @Test("the base job is valid")
    func baseIsValid() throws {
        #expect(try check(baseJob).isEmpty)
    }

    @Test("a broken job reports the problem at its line", arguments: cases)
    func brokenJob(_ broken: BrokenJob) throws {
        #expect(baseJob.contains(broken.old), "the case must change the base job")
        let diagnostics = try check(baseJob.replacingOccurrences(of: broken.old, with: broken.new))
        let match = diagnostics.first { $0.code == broken.code && $0.severity == broken.severity }
        #expect(match != nil, "expected \(broken.code) in \(diagnostics.map(\.description))")
        #expect(match?.line == broken.line, "\(match?.description ?? "")")
        #expect(match?.message.contains(broken.message) == true, "\(match?.description ?? "")")
        if broken.severity == .warning {
            #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        }
    }

    @Test("load throws every error at once, formatted file:line:column")
    func loadThrowsAll() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("t.yaml", "template: t\n")
        let path = try folder.write("demo.yaml", baseJob
            .replacingOccurrences(of: "workers: 2", with: "workers: 0")
            .replacingOccurrences(of: "timeout: 30", with: "timeout: -1"))
        do {
            _ = try JobLoader.load(path: path)
            Issue.record("expected a JobError")
        } catch {
            #expect(error.code == .invalidJob)
            #expect(error.diagnostics.count == 2)
            #expect(error.description.hasPrefix(path + ":6:10: error: workers must be between 1 and 64"))
            #expect(error.description.hasSuffix("2 errors in \(path)"))
        }
    }

    @Test("relative paths resolve against the job file's folder; work defaults beside the inbox")
    func relativePaths() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("templates/t.yaml", "template: t\n")
        _ = try folder.makeFolder("scans/inbox")
        let path = try folder.write("jobs/demo.yaml", """
            job: demo
            inbox: ../scans/inbox
            trigger: {manual: true, settle_seconds: 2, marker: "{file}.ok"}
            templates: ../templates/t.yaml
            steps: [read, validate]
            """)
        let job = try JobLoader.load(path: path)
        let root = URL(fileURLWithPath: folder.path).standardizedFileURL.path
        #expect(job.inbox == root + "/scans/inbox")
        #expect(job.work == root + "/scans/.yomitori-work/demo")
        #expect(job.templates == [root + "/templates/t.yaml"])
        #expect(job.trigger == .manual)
        #expect(job.intake.settleSeconds == 2)
        #expect(job.intake.marker.markerName(for: "scan 01.tif") == "scan 01.tif.ok")
        #expect(job.patterns == JobDefinition.defaultPatterns)
    }

    @Test("a work folder on another file system than the inbox is an error")
    func crossFileSystem() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let shm = "/dev/shm/yomitori-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: shm, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: shm) }
        var a = stat(), b = stat()
        guard stat(shm, &a) == 0, stat(folder.path, &b) == 0, a.st_dev != b.st_dev else { return }  // one file system here
        try folder.write("t.yaml", "template: t\n")
        let path = try folder.write("demo.yaml", """
            job: demo
            inbox: \(shm)
            work: ./work
            trigger: manual
            templates: [t.yaml]
            steps: [read]
            """)
        let diagnostics = JobLoader.check(path: path)
        #expect(diagnostics.contains { $0.code == .crossFileSystem && $0.line == 3 }, "\(diagnostics)")
    }
}
