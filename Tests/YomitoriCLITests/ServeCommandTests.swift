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
}
