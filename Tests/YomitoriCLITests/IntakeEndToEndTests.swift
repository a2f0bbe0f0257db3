import Foundation
import Testing

/// Files are taken only when complete: a slow writer, and a multi-page TIFF written page by page
/// with a marker file.
@Suite("Intake end to end", .serialized)
struct IntakeEndToEndTests {
    static func job(_ r: String, marker: String) throws -> String {
        var job = TestJob("intake", root: r, templates: ["b_jido_koza", "a_juminhyo", "c_tennyu"])
        job.trigger = "{watch: {settle_seconds: 1, marker: \"\(marker)\", poll: always, poll_interval: 1}}"
        return try job.write(to: r + "/job.yaml")
    }

    static func run(_ job: String, _ r: String) throws -> CLIRunner.Result {
        try CLIRunner.run(["run", job, "--ledger", r + "/l.sqlite", "--lock-dir", r + "/locks", "--json"])
    }

    static func routed(_ r: String) -> [String] {
        ["done", "review", "error"].flatMap { (try? FileManager.default.contentsOfDirectory(atPath: r + "/" + $0)) ?? [] }
    }

    @Test("A file written in chunks over several seconds is not taken before it is complete")
    func slowWriter() throws {
        let root = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let r = root.path
        try FileManager.default.createDirectory(atPath: r + "/inbox", withIntermediateDirectories: true)
        let job = try Self.job(r, marker: "none")
        let data = try Data(contentsOf: URL(fileURLWithPath: CLIRunner.sample("samples/scans/b_jido_koza-clean-01.png")))
        let target = r + "/inbox/slow.png"
        FileManager.default.createFile(atPath: target, contents: data.prefix(1000))
        let writer = Thread {
            let handle = FileHandle(forWritingAtPath: target)
            var offset = 1000
            while offset < data.count {
                Thread.sleep(forTimeInterval: 0.4)
                let end = min(data.count, offset + data.count / 10)
                handle?.seekToEndOfFile()
                handle?.write(data[offset..<end])
                offset = end
            }
            try? handle?.close()
        }
        writer.start()
        Thread.sleep(forTimeInterval: 0.5)
        let during = try Self.run(job, r)
        #expect(Self.routed(r).isEmpty, "nothing taken while the file grows: \(during.stdout)")
        while (try? FileManager.default.attributesOfItem(atPath: target)[.size] as? Int) ?? 0 < data.count {
            Thread.sleep(forTimeInterval: 0.2)
        }
        Thread.sleep(forTimeInterval: 1.5)
        let after = try Self.run(job, r)
        #expect(Self.routed(r) == ["slow.png"] || Self.routed(r).contains("slow.png"), "\(after.stderr)")
        #expect(!((try? FileManager.default.contentsOfDirectory(atPath: r + "/error")) ?? []).contains("slow.png"), "read complete, not quarantined")
    }

    @Test("A multi-page TIFF is taken only after its marker file")
    func markerFile() throws {
        let root = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let r = root.path
        try FileManager.default.createDirectory(atPath: r + "/inbox", withIntermediateDirectories: true)
        let job = try Self.job(r, marker: "{name}.ok")
        try FileManager.default.copyItem(atPath: CLIRunner.sample("samples/scans/mixed-stack.tif"), toPath: r + "/inbox/stack.tif")
        Thread.sleep(forTimeInterval: 1.5)
        _ = try Self.run(job, r)
        #expect(Self.routed(r).isEmpty, "no marker yet")
        FileManager.default.createFile(atPath: r + "/inbox/stack.ok", contents: Data())  // {name} is the file name without extension
        let result = try Self.run(job, r)
        let report = try #require(try JSONSerialization.jsonObject(with: Data((result.stdoutLines.last ?? "{}").utf8)) as? [String: Any])
        let counts = try #require(report["counts"] as? [String: Int])
        #expect(counts["inputs"] == 1)
        #expect(counts["pages"] == 3, "all three pages of the stack")
        #expect(Self.routed(r).contains("stack.tif"))
    }
}
