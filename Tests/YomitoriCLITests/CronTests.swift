import Foundation
import Testing

/// `yomitori run` under Debian's real cron daemon: cron's bare environment (no TTY, a minimal
/// PATH, no OMP_THREAD_LIMIT) must be enough to process a dropped file.
@Suite("yomitori run under cron", .serialized)
struct CronTests {
    @Test("A file dropped into the inbox is processed by a cron-started run",
          .enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/cron"), "needs root and Debian's cron (scripts/setup installs it)"))
    func underCron() throws {
        let root = URL(fileURLWithPath: "/tmp/yomitori-cron-test-\(getpid())")
        try? FileManager.default.removeItem(at: root)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("inbox"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let r = root.path
        var job = TestJob("cronjob", root: r, templates: ["b_jido_koza"])
        job.trigger = "{schedule: \"* * * * *\"}"
        try job.write(to: r + "/job.yaml")
        try FileManager.default.copyItem(atPath: CLIRunner.sample("samples/scans/b_jido_koza-clean-03.png"), toPath: r + "/inbox/scan.png")
        // Copy the binary where cron can run it (build folders may be private to the user).
        try FileManager.default.copyItem(atPath: CLIRunner.binary, toPath: r + "/yomitori")
        let cronFile = "/etc/cron.d/yomitori-test-\(getpid())"
        try "* * * * * root \(r)/yomitori run \(r)/job.yaml --ledger \(r)/ledger.sqlite --lock-dir \(r)/locks >> \(r)/cron.log 2>&1\n"
            .write(toFile: cronFile, atomically: true, encoding: .utf8)
        chmod(cronFile, 0o644)
        defer { unlink(cronFile) }
        // Start the daemon; when one runs already, cron sees its pid file and exits. It forks into
        // the background and its first process exits at once (not waited for: the daemon's
        // children would keep the wait open).
        let cron = Process()
        cron.executableURL = URL(fileURLWithPath: "/usr/sbin/cron")
        cron.standardOutput = FileHandle.nullDevice
        cron.standardError = FileHandle.nullDevice
        try cron.run()
        let deadline = Date().addingTimeInterval(150)
        func routed() -> [String] {
            ["done", "review", "error"].flatMap { (try? FileManager.default.contentsOfDirectory(atPath: r + "/" + $0)) ?? [] }
        }
        while routed().isEmpty, Date() < deadline { Thread.sleep(forTimeInterval: 1) }
        let log = (try? String(contentsOfFile: r + "/cron.log", encoding: .utf8)) ?? "(no log)"
        #expect(routed() == ["scan.png"], "cron log: \(log)")
        #expect(log.contains("cronjob: 1 file(s)"), "the one-line summary reached cron's log: \(log)")
    }
}
