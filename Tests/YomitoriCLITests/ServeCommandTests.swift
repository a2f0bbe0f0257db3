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
        try """
        job: watched
        inbox: \(r)/inbox
        work: \(r)/work
        trigger:
          watch: {settle_seconds: 1, poll: \(poll), poll_interval: 1}
        templates: [\(CLIRunner.sample("samples/templates/b_jido_koza.yaml"))]
        workers: 1
        steps:
          - read
          - validate
          - export:
              mapping: \(CLIRunner.sample("samples/mappings/all_forms_jsonl.yaml"))
              to: \(r)/out
              name: "{job}_{date}_{seq}.jsonl"
          - route:
              accepted: \(r)/done
              review: \(r)/review
              invalid: \(r)/error
              failed: \(r)/error
        """.write(toFile: r + "/jobs/watched.yaml", atomically: true, encoding: .utf8)
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
}
