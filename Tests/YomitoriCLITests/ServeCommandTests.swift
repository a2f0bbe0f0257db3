import Foundation
import Testing

/// `yomitori serve`: a watched inbox, picked up by inotify or by polling; SIGTERM ends it cleanly.
@Suite("yomitori serve", .serialized)
struct ServeCommandTests {
    @Test("A dropped file is processed; the job's lock is held; SIGTERM exits 0", arguments: ["auto", "always"])
    func watchedInbox(poll: String) throws {
        let root = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let r = root.path
        try FileManager.default.createDirectory(atPath: r + "/inbox", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: r + "/jobs", withIntermediateDirectories: true)
        var job = TestJob("watched", root: r, templates: ["b_jido_koza"])
        job.trigger = "{watch: {settle_seconds: 1, poll: \(poll), poll_interval: 1}}"
        job.workers = 1
        job.export = ("all_forms_jsonl", "{job}_{date}_{seq}.jsonl")
        try job.write(to: r + "/jobs/watched.yaml")
        let serve = Process()
        serve.executableURL = URL(fileURLWithPath: CLIRunner.binary)
        serve.arguments = ["serve", r + "/jobs", "--ledger", r + "/ledger.sqlite", "--lock-dir", r + "/locks"]
        serve.standardOutput = FileHandle.nullDevice
        serve.standardError = FileHandle.nullDevice
        try serve.run()
        defer { if serve.isRunning { kill(serve.processIdentifier, SIGKILL) } }
        Thread.sleep(forTimeInterval: 1.5)
        try FileManager.default.copyItem(atPath: CLIRunner.sample("samples/scans/b_jido_koza-clean-02.png"), toPath: r + "/inbox/scan.png")
        let deadline = Date().addingTimeInterval(60)
        func routed() -> [String] {
            ["done", "review", "error"].flatMap { (try? FileManager.default.contentsOfDirectory(atPath: r + "/" + $0)) ?? [] }
        }
        while routed().isEmpty, Date() < deadline { Thread.sleep(forTimeInterval: 0.5) }
        #expect(routed() == ["scan.png"], "picked up with poll: \(poll)")
        let second = try CLIRunner.run(["run", r + "/jobs/watched.yaml", "--ledger", r + "/ledger.sqlite", "--lock-dir", r + "/locks"])
        #expect(second.status == 4, "serve holds the job's lock")
        kill(serve.processIdentifier, SIGTERM)
        let stop = Date().addingTimeInterval(30)
        while serve.isRunning, Date() < stop { Thread.sleep(forTimeInterval: 0.2) }
        #expect(!serve.isRunning)
        #expect(serve.terminationStatus == 0)
    }

    @Test("Two serve processes on one inbox (as two hosts would) never take the same file")
    func twoServers() throws {
        let root = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let r = root.path
        try FileManager.default.createDirectory(atPath: r + "/inbox", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: r + "/jobs", withIntermediateDirectories: true)
        var job = TestJob("shared", root: r, templates: ["b_jido_koza"])
        job.trigger = "{watch: {settle_seconds: 1, poll: always, poll_interval: 1}}"
        job.workers = 1
        try job.write(to: r + "/jobs/shared.yaml")
        // Two "hosts": separate lock folders, one ledger.
        var servers: [Process] = []
        for host in ["a", "b"] {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: CLIRunner.binary)
            p.arguments = ["serve", r + "/jobs", "--ledger", r + "/ledger.sqlite", "--lock-dir", r + "/locks-" + host]
            p.environment = ProcessInfo.processInfo.environment.merging(["YOMITORI_HOST": "host-" + host]) { $1 }
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            servers.append(p)
        }
        defer { for p in servers where p.isRunning { kill(p.processIdentifier, SIGKILL) } }
        Thread.sleep(forTimeInterval: 1.5)
        let scans = ["b_jido_koza-clean-01.png", "b_jido_koza-clean-02.png", "b_jido_koza-clean-03.png",
                     "b_jido_koza-clean-04.png", "b_jido_koza-degraded-01.jpg", "b_jido_koza-degraded-02.jpg"]
        for scan in scans {
            try FileManager.default.copyItem(atPath: CLIRunner.sample("samples/scans/\(scan)"), toPath: r + "/inbox/" + scan)
        }
        func routed() -> [String] {
            ["done", "review", "error"].flatMap { (try? FileManager.default.contentsOfDirectory(atPath: r + "/" + $0)) ?? [] }
                .filter { !$0.contains(".error.") }
        }
        let deadline = Date().addingTimeInterval(120)
        while routed().count < scans.count, Date() < deadline { Thread.sleep(forTimeInterval: 0.5) }
        for p in servers { kill(p.processIdentifier, SIGTERM) }
        for p in servers { p.waitUntilExit() }
        #expect(routed().sorted() == scans.sorted(), "each file exactly once: \(routed())")
        let duplicates = (try? FileManager.default.contentsOfDirectory(atPath: r + "/error")) ?? []
        #expect(duplicates.filter { $0.contains(".error.") }.isEmpty, "no file failed or was taken twice: \(duplicates)")
    }

    @Test("A job's engines are created once and reused by later passes, then unloaded after --keep-engines seconds without work")
    func enginesKeptBetweenPasses() throws {
        let root = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let r = root.path
        var job = TestJob("kept", root: r, templates: ["b_jido_koza"])
        job.trigger = "{watch: {settle_seconds: 0.5}}"
        job.workers = 1
        let serve = try WatchedServe(root: r, job: job.yaml, arguments: ["--keep-engines", "3"])
        defer { serve.kill() }
        // Three files one after another, each its own pass: one start of the worker for all three.
        for scan in ["b_jido_koza-clean-01.png", "b_jido_koza-clean-02.png", "b_jido_koza-clean-03.png"] {
            try serve.drop(CLIRunner.sample("samples/scans/" + scan))
        }
        #expect(serve.lines("reading workers started") == 1, "engines created once for three passes")
        #expect(serve.lines("1 file(s)") == 3, "three passes")
        serve.waitFor("the idle worker released") { serve.lines("reading workers released") == 1 }
        #expect(serve.lines("reading workers started") == 1)
        // The next file after the release starts a worker again.
        try serve.drop(CLIRunner.sample("samples/scans/b_jido_koza-clean-04.png"))
        #expect(serve.lines("reading workers started") == 2)
        #expect(serve.stop() == 0)
    }

    @Test("A template or reference image changed between passes is used by the next pass: its workers start anew")
    func templateChangeRestartsWorkers() throws {
        let root = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let r = root.path
        let fm = FileManager.default
        for folder in ["templates", "forms"] { try fm.createDirectory(atPath: r + "/" + folder, withIntermediateDirectories: true) }
        let template = r + "/templates/b_jido_koza.yaml", reference = r + "/forms/b_jido_koza.blank.png"
        try fm.copyItem(atPath: CLIRunner.sample("samples/templates/b_jido_koza.yaml"), toPath: template)
        try fm.copyItem(atPath: CLIRunner.sample("samples/forms/b_jido_koza.blank.png"), toPath: reference)
        var job = TestJob("edited", root: r, templates: ["b_jido_koza"])
        job.trigger = "{watch: {settle_seconds: 0.5}}"
        job.workers = 1
        let yaml = job.yaml.replacingOccurrences(of: CLIRunner.sample("samples/templates/b_jido_koza.yaml"), with: template)
        let serve = try WatchedServe(root: r, job: yaml, arguments: [])
        defer { serve.kill() }
        try serve.drop(CLIRunner.sample("samples/scans/b_jido_koza-clean-01.png"))
        try serve.drop(CLIRunner.sample("samples/scans/b_jido_koza-clean-02.png"))
        #expect(serve.lines("reading workers started") == 1, "unchanged: kept")
        let text = try String(contentsOfFile: template, encoding: .utf8)
        try text.replacingOccurrences(of: "title: 児童手当 受給者口座振込申出書", with: "title: 児童手当 口座振込申出書")
            .write(toFile: template, atomically: true, encoding: .utf8)
        try serve.drop(CLIRunner.sample("samples/scans/b_jido_koza-clean-03.png"))
        #expect(serve.lines("reading workers started") == 2, "template edited: started anew")
        try fm.setAttributes([.modificationDate: Date().addingTimeInterval(60)], ofItemAtPath: reference)
        try serve.drop(CLIRunner.sample("samples/scans/b_jido_koza-clean-04.png"))
        #expect(serve.lines("reading workers started") == 3, "reference image replaced: started anew")
        #expect(serve.stop() == 0)
    }
}

/// `yomitori serve` of one watched job under `root`, its log in a file; files dropped one at a
/// time, each waited for until routed and its pass reported.
private final class WatchedServe {
    let root: String
    let process = Process()
    private var dropped = 0
    private var log: String { root + "/serve.log" }

    init(root: String, job yaml: String, arguments: [String]) throws {
        self.root = root
        for folder in ["inbox", "jobs"] {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        try yaml.write(toFile: root + "/jobs/job.yaml", atomically: true, encoding: .utf8)
        FileManager.default.createFile(atPath: root + "/serve.log", contents: nil)
        process.executableURL = URL(fileURLWithPath: CLIRunner.binary)
        process.arguments = ["serve", root + "/jobs", "--ledger", root + "/ledger.sqlite", "--lock-dir", root + "/locks"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: root + "/serve.log"))
        try process.run()
        Thread.sleep(forTimeInterval: 1)
    }

    /// Copies `scan` into the inbox and waits until it is routed and its pass has logged its
    /// summary ("<job>: 1 file(s), …"), which comes after the routing.
    func drop(_ scan: String) throws {
        let name = (scan as NSString).lastPathComponent
        try FileManager.default.copyItem(atPath: scan, toPath: root + "/inbox/" + name)
        dropped += 1
        waitFor("\(name) routed") { routed() == dropped }
        waitFor("the pass of \(name) reported") { lines(" file(s), ") >= dropped }
    }

    func routed() -> Int {
        ["done", "review", "error"].map { ((try? FileManager.default.contentsOfDirectory(atPath: root + "/" + $0)) ?? []).count }.reduce(0, +)
    }

    /// Log lines containing `text`.
    func lines(_ text: String) -> Int {
        ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").components(separatedBy: "\n").filter { $0.contains(text) }.count
    }

    func waitFor(_ what: String, _ done: () -> Bool) {
        let deadline = Date().addingTimeInterval(60)
        while !done(), Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        #expect(done(), "waited for \(what)")
    }

    /// SIGTERM; the exit status.
    func stop() -> Int32 {
        Foundation.kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        return process.terminationStatus
    }

    func kill() {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
    }
}
