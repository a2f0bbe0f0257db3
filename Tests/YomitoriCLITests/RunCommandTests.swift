import Foundation
import Testing
import YomitoriLedger

/// `yomitori run` end to end: a job's inbox in, import files, routed inputs and ledger out.
@Suite("yomitori run: jobs end to end", .serialized)
struct RunCommandTests {
    /// A job folder with an inbox holding copies of the given sample scans.
    struct JobFolder {
        let root: URL
        var inbox: URL { root.appendingPathComponent("inbox") }
        var job: String { root.appendingPathComponent("job.yaml").path }
        var ledger: String { root.appendingPathComponent("ledger.sqlite").path }
        var locks: String { root.appendingPathComponent("locks").path }

        init(scans: [String], form: String = "a_juminhyo", otherForms: [String] = [], mapping: String = "juminhyo_csv") throws {
            root = try CLIRunner.temporaryDirectory()
            try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
            for scan in scans {
                try FileManager.default.copyItem(
                    atPath: CLIRunner.sample("samples/scans/\(scan)"), toPath: inbox.appendingPathComponent(scan).path)
            }
        var definition = TestJob("e2e", root: root.path, templates: [form] + otherForms)
            definition.workers = 2
            definition.secondsPerField = 8
            definition.export = (mapping, "{job}_{date}_{seq}.csv")
            definition.routeDuplicates = true
            try definition.write(to: job)
        }

        func run(json: Bool = true, extra: [String] = []) throws -> CLIRunner.Result {
            try CLIRunner.run(["run", job, "--ledger", ledger, "--lock-dir", locks] + extra + (json ? ["--json"] : []))
        }

        func files(_ folder: String) -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []).sorted()
        }

        /// Data rows of every import file (CP932 CSV with a header row).
        func importRows() throws -> [String] {
            var rows: [String] = []
            for name in files("out") where name.hasSuffix(".csv") {
                let data = try Data(contentsOf: root.appendingPathComponent("out/\(name)"))
                let text = try #require(String(data: data, encoding: .shiftJIS), "\(name) is CP932")
                #expect(text.hasSuffix("\r\n"), "\(name) is complete")
                rows += text.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
            }
            return rows
        }
    }

    static func report(_ result: CLIRunner.Result) throws -> [String: Any] {
        let line = try #require(result.stdoutLines.last)
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test("Inbox in; import file, routed inputs, quarantine note, ledger and report out; nothing twice")
    func endToEnd() throws {
        let job = try JobFolder(scans: ["a_juminhyo-clean-01.png", "a_juminhyo-clean-03.png", "a_juminhyo-degraded-04.jpg"])
        defer { try? FileManager.default.removeItem(at: job.root) }
        try Data("not an image".utf8).write(to: job.inbox.appendingPathComponent("壊れた ファイル.png"))
        // The sample mapping asks for a manifest; this copy also for a .done marker.
        let sampleMapping = CLIRunner.sample("samples/mappings/juminhyo_csv.yaml")
        let mapping = job.root.appendingPathComponent("juminhyo_done.yaml").path
        try (String(contentsOfFile: sampleMapping, encoding: .utf8) + "  done_marker: true\n").write(toFile: mapping, atomically: true, encoding: .utf8)
        let definition = try String(contentsOfFile: job.job, encoding: .utf8)
        #expect(definition.contains(sampleMapping))
        try definition.replacingOccurrences(of: sampleMapping, with: mapping).write(toFile: job.job, atomically: true, encoding: .utf8)
        let first = try job.run()
        #expect(first.status == 2, "a failed input makes exit status 2: \(first.stderr)")
        let report = try Self.report(first)
        let counts = try #require(report["counts"] as? [String: Int])
        #expect(counts["inputs"] == 4)
        #expect(counts["failed"] == 1)
        let accepted = counts["accepted"] ?? 0
        #expect(accepted + (counts["review"] ?? 0) + (counts["invalid"] ?? 0) == 3)
        #expect(job.files("inbox").isEmpty, "every input was taken")
        #expect(job.files("error").contains("壊れた ファイル.png"))
        #expect(job.files("error").contains("壊れた ファイル.png.error.txt"))
        let note = try String(contentsOfFile: job.root.appendingPathComponent("error/壊れた ファイル.png.error.txt").path, encoding: .utf8)
        #expect(note.contains("not_an_image") && note.contains("理由"))
        #expect(job.files("done").count == accepted)
        #expect(try job.importRows().count == accepted)
        // The mapping's delivery settings hold in a run as in `yomitori export`: beside the import
        // file its manifest (name, records, size), and a .done marker.
        let out = job.files("out")
        let csv = try #require(out.first { $0.hasSuffix(".csv") }, "a_juminhyo-clean-01.png is accepted: \(out)")
        #expect(out == [csv, csv + ".done", csv + ".manifest.json"])
        let manifestData = try Data(contentsOf: job.root.appendingPathComponent("out/\(csv).manifest.json"))
        let manifest = try #require(try JSONSerialization.jsonObject(with: manifestData) as? [String: Any])
        let size = try FileManager.default.attributesOfItem(atPath: job.root.appendingPathComponent("out/\(csv)").path)[.size] as? Int
        #expect(manifest["file"] as? String == csv && manifest["records"] as? Int == accepted)
        #expect(manifest["bytes"] as? Int == size && (manifest["sha256"] as? String)?.count == 64)
        #expect(manifest["format"] as? String == "csv" && manifest["encoding"] as? String == "cp932" && manifest["job"] as? String == "e2e")
        let effect = try #require(report["effect"] as? [String: Any])
        #expect((effect["fields_automated"] as? Int ?? 0) > 0)
        // Where the workers' time went: recognition seconds, and their share of workers × duration.
        let reading = try #require(report["reading"] as? [String: Any])
        let recognition = try #require(reading["recognition_s"] as? Double)
        let efficiency = try #require(reading["efficiency"] as? Double)
        let duration = try #require(report["duration_s"] as? Double)
        let workers = try #require(reading["workers"] as? Int)
        #expect(workers == 2 && recognition > 0 && efficiency > 0 && efficiency < 1)
        #expect(abs(efficiency - recognition / (Double(workers) * duration)) < 1e-9)
        #expect(first.stderrLines.last?.contains("accepted") == true, "one-line summary on stderr")

        // Nothing left: a second run does nothing and writes nothing.
        let second = try job.run()
        #expect(second.status == 0)
        #expect(try Self.report(second)["reading"] == nil, "nothing read, no engines")
        #expect(try job.importRows().count == accepted)

        // The same content again is a duplicate, not a second import.
        try FileManager.default.copyItem(
            atPath: CLIRunner.sample("samples/scans/a_juminhyo-clean-01.png"),
            toPath: job.inbox.appendingPathComponent("again.png").path)
        let third = try job.run()
        let thirdCounts = try #require(try Self.report(third)["counts"] as? [String: Int])
        #expect(thirdCounts["duplicates"] == 1)
        #expect(job.files("duplicate") == ["again.png", "again.png.error.json", "again.png.error.txt"])
        let duplicateNote = try String(contentsOfFile: job.root.appendingPathComponent("duplicate/again.png.error.txt").path, encoding: .utf8)
        #expect(duplicateNote.contains("duplicate_content") && duplicateNote.contains("a_juminhyo-clean-01.png"), "\(duplicateNote)")
        #expect(try job.importRows().count == accepted)

        let status = try CLIRunner.run(["status", "--ledger", job.ledger])
        #expect(status.status == 0)
        #expect(status.stdout.contains("e2e:"), "\(status.stdout)")
    }

    /// A 転出届 among 転入届s: its ruling matches the 転入届 template (1.00), its printed title does
    /// not. It must not be read (or imported) as a 転入届: the file is quarantined, and the note
    /// says which page and why, in both languages.
    @Test("A page of another form with the same ruling is quarantined with the reason, never read as this form")
    func otherFormSameRuling() throws {
        let root = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let inbox = root.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: CLIRunner.sample("Tests/Fixtures/tenshutsu-clean.png"), toPath: inbox.appendingPathComponent("転出届.png").path)
        let job = root.appendingPathComponent("job.yaml").path
        var definition = TestJob("tennyu", root: root.path, templates: ["c_tennyu"])
        definition.workers = 1
        try definition.write(to: job)
        let result = try CLIRunner.run(["run", job, "--ledger", root.appendingPathComponent("ledger.sqlite").path,
                                        "--lock-dir", root.appendingPathComponent("locks").path, "--json"])
        #expect(result.status == 2, "\(result.stderr)")
        let counts = try #require(try Self.report(result)["counts"] as? [String: Int])
        #expect(counts["failed"] == 1 && counts["accepted"] == 0 && counts["review"] == 0)
        let note = try String(contentsOfFile: root.appendingPathComponent("error/転出届.png.error.txt").path, encoding: .utf8)
        #expect(note.contains("page_failed"), "\(note)")
        #expect(note.contains("page 1 matches the ruling of c_tennyu but not its printed form marker"), "\(note)")
        #expect(note.contains("1ページ目: c_tennyu と罫線は一致しますが、様式名（form_marker）が印刷されていない"), "\(note)")
    }

    @Test("A lone scanner PDF is read by both workers (fields shared); counts and effect as with one worker")
    func lonePDFSharedFields() throws {
        var reports: [[String: Any]] = []
        for workers in [1, 2] {
            // The stack holds a page of each sample form: a job reading it needs all three templates
            // (with 住民票 alone, the other two pages are other forms, quarantined).
            let job = try JobFolder(scans: ["mixed-stack.pdf"], otherForms: ["b_jido_koza", "c_tennyu"])
            defer { try? FileManager.default.removeItem(at: job.root) }
            let result = try job.run(extra: ["--workers", "\(workers)"])
            #expect([0, 1].contains(result.status), "\(result.stderr)")
            reports.append(try Self.report(result))
            #expect(job.files("inbox").isEmpty)
        }
        let counts = reports.map { $0["counts"] as? [String: Int] ?? [:] }
        #expect(counts[0]["pages"] == 3 && counts[0]["inputs"] == 1)
        #expect(counts[0] == counts[1], "one worker: \(counts[0]); two: \(counts[1])")
        let effects = reports.map { ($0["effect"] as? [String: Any] ?? [:]).compactMapValues { $0 as? Int } }
        #expect(!effects[0].isEmpty && effects[0] == effects[1], "one worker: \(effects[0]); two: \(effects[1])")
    }

    @Test("A backlog is worked through in batches: each exported and routed before the next is claimed; nothing twice")
    func batches() throws {
        let scans = ["a_juminhyo-clean-01.png", "a_juminhyo-clean-03.png", "a_juminhyo-degraded-04.jpg",
                     "a_juminhyo-degraded-05.jpg", "a_juminhyo-clean-02.png"]
        let job = try JobFolder(scans: scans)
        defer { try? FileManager.default.removeItem(at: job.root) }
        let result = try job.run(extra: ["--batch-inputs", "2"])
        #expect([0, 1].contains(result.status), "\(result.stderr)")
        let report = try Self.report(result)
        let counts = try #require(report["counts"] as? [String: Int])
        #expect(counts["inputs"] == 5)
        let accepted = counts["accepted"] ?? 0
        #expect(accepted >= 2, "the scans chosen are accepted in reading tests: \(counts)")
        let outputs = try #require(report["outputs"] as? [String])
        let files = job.files("out").filter { $0.hasSuffix(".csv") }
        #expect(outputs.count == job.files("out").count, "every file written is reported (the mapping's manifests too)")
        #expect(job.files("out").count == 2 * files.count, "a manifest beside each import file")
        #expect(files.count >= 2, "three batches of at most two files; those with an accepted page write a file: \(files)")
        #expect(try job.importRows().count == accepted, "every accepted page exported once")
        #expect(job.files("inbox").isEmpty)
        #expect(job.files("done").count == accepted)
        let again = try job.run()
        #expect(again.status == 0)
        #expect(try job.importRows().count == accepted, "a second run exports nothing again")
    }

    @Test("A batch streams: inputs are recorded in claim order, and one not accepted is routed while later inputs are still being read")
    func streamedBatch() async throws {
        let scans = ["a_juminhyo-clean-01.png", "a_juminhyo-clean-03.png", "a_juminhyo-degraded-04.jpg", "a_juminhyo-clean-02.png"]
        let job = try JobFolder(scans: scans)
        defer { try? FileManager.default.removeItem(at: job.root) }
        // Oldest first: the broken file is claimed first, then the scans in this order.
        try Data("not an image".utf8).write(to: job.inbox.appendingPathComponent("broken.png"))
        let fm = FileManager.default
        for (i, name) in (["broken.png"] + scans).enumerated() {
            try fm.setAttributes([.modificationDate: Date(timeIntervalSinceNow: Double(i - 600))], ofItemAtPath: job.inbox.appendingPathComponent(name).path)
        }
        let result = try job.run()
        #expect(result.status == 2, "the broken file makes exit status 2: \(result.stderr)")
        let counts = try #require(try Self.report(result)["counts"] as? [String: Int])
        #expect(counts["inputs"] == 5 && counts["failed"] == 1)

        let events = try await SQLiteLedger(path: job.ledger).events(job: "e2e", after: 0, limit: 1000)
        func seqs(_ kind: String) -> [(input: String, seq: Int64)] {
            events.filter { $0.kind == kind }.map { ($0.inputID ?? "", $0.sequence) }
        }
        let claimed = seqs("input.claimed"), read = seqs("input.read"), routed = seqs("input.routed")
        // A file that is not an image has no pages to record: four `input.read`, one per scan.
        #expect(claimed.count == 5 && read.count == 4 && routed.count == 5)
        #expect(read.map(\.input) == claimed.dropFirst().map(\.input), "results are recorded in the order the inputs were claimed")
        // The broken file fails at once and is quarantined then, while the workers read the scans:
        // a scan's reading (OCR of a whole page) lies between its routing and the last scan's record.
        // (Recorded all at the end, they would be milliseconds apart.)
        let broken = try #require(claimed.first?.input)
        let brokenRouted = try #require(events.first { $0.kind == "input.routed" && $0.inputID == broken })
        let lastRead = try #require(events.last { $0.kind == "input.read" })
        #expect(brokenRouted.sequence < lastRead.sequence)
        #expect(lastRead.time.timeIntervalSince(brokenRouted.time) > 0.1,
                "routed \(brokenRouted.time), last scan recorded \(lastRead.time)")
        // Accepted inputs leave the work folder only after the import file is written.
        if let written = events.first(where: { $0.kind == "batch.written" })?.sequence {
            let acceptedInputs = Set(seqs("input.exported").map(\.input))
            for (input, seq) in routed where acceptedInputs.contains(input) {
                #expect(seq > written, "an accepted input is routed after its import file")
            }
        }
        #expect(job.files("error").contains("broken.png"))
        #expect(job.files("inbox").isEmpty)
    }

    @Test("transform, notify and run steps: a constant field, a log line per input, a program fed JSON on stdin")
    func sideSteps() throws {
        let root = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let r = root.path
        try FileManager.default.createDirectory(atPath: r + "/inbox", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CLIRunner.sample("samples/scans/a_juminhyo-clean-01.png"), toPath: r + "/inbox/a.png")
        try "#!/bin/sh\ncat > \"\(r)/stdin.json\"\necho \"$@\" > \"\(r)/args.txt\"\n".write(toFile: r + "/hook.sh", atomically: true, encoding: .utf8)
        chmod(r + "/hook.sh", 0o755)
        var job = TestJob("side", root: r, templates: ["a_juminhyo"])
        job.transforms = [#"- transform: {set: {office: "みどり市"}}"#]
        job.export = ("all_forms_jsonl", "{job}_{date}_{seq}.jsonl")
        job.afterRoute = [
            "- notify: {append: \"\(r)/logs/{job}.log\"}\n  when: always",
            "- run: {command: \(r)/hook.sh, args: [\"--job\", \"{job}\"], timeout: 10}\n  when: always",
        ]
        try job.write(to: r + "/job.yaml")
        let result = try CLIRunner.run(["run", r + "/job.yaml", "--ledger", r + "/l.sqlite", "--lock-dir", r + "/locks"])
        #expect([0, 1].contains(result.status), "\(result.stderr)")
        let log = try String(contentsOfFile: r + "/logs/side.log", encoding: .utf8)
        #expect(log.contains("a.png\t"), "one line per input: \(log)")
        #expect(try String(contentsOfFile: r + "/args.txt", encoding: .utf8) == "--job side\n")
        let stdin = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: r + "/stdin.json"))) as? [String: Any])
        #expect(stdin["job"] as? String == "side")
        let done = (try? FileManager.default.contentsOfDirectory(atPath: r + "/done")) ?? []
        if !done.isEmpty {
            let out = try FileManager.default.contentsOfDirectory(atPath: r + "/out").filter { $0.hasSuffix(".jsonl") }
            let text = try String(contentsOfFile: r + "/out/" + out[0], encoding: .utf8)
            #expect(text.contains("\"office\":\"みどり市\""), "transform set a constant field")
        }
    }

    @Test("An empty inbox creates no engine; with a file, a missing language fails before the file is taken")
    func emptyInboxLoadsNothing() throws {
        let folder = try JobFolder(scans: [])
        defer { try? FileManager.default.removeItem(at: folder.root) }
        // The sample template with one field read by a model that is not installed.
        let source = try String(contentsOfFile: CLIRunner.sample("samples/templates/a_juminhyo.yaml"), encoding: .utf8)
        let blank = CLIRunner.sample("samples/forms/a_juminhyo.blank.png")
        let template = source
            .replacingOccurrences(of: "reference_image: ../forms/a_juminhyo.blank.png", with: "reference_image: \(blank)")
            .replacingOccurrences(of: "      zone: [54.6, 65.6, 136.8, 13.8]\n", with: "      zone: [54.6, 65.6, 136.8, 13.8]\n      lang: zzz\n")
        #expect(template.contains("lang: zzz"))
        let templatePath = folder.root.appendingPathComponent("missing-lang.yaml").path
        try template.write(toFile: templatePath, atomically: true, encoding: .utf8)
        let job = try String(contentsOfFile: folder.job, encoding: .utf8)
            .replacingOccurrences(of: CLIRunner.sample("samples/templates/a_juminhyo.yaml"), with: templatePath)
        try job.write(toFile: folder.job, atomically: true, encoding: .utf8)

        let empty = try folder.run()
        #expect(empty.status == 0, "an empty inbox needs no engine: \(empty.stderr)")

        try FileManager.default.copyItem(
            atPath: CLIRunner.sample("samples/scans/a_juminhyo-clean-01.png"),
            toPath: folder.inbox.appendingPathComponent("a.png").path)
        let withFile = try folder.run()
        #expect(withFile.status == 3, "\(withFile.stderr)")
        #expect(withFile.stderr.contains("zzz"))
        #expect(folder.files("inbox") == ["a.png"], "the file stays in the inbox")
    }

    @Test("A second run of the same job exits at once with the lock code")
    func lockHeld() throws {
        let job = try JobFolder(scans: ["a_juminhyo-clean-02.png"])
        defer { try? FileManager.default.removeItem(at: job.root) }
        try FileManager.default.createDirectory(atPath: job.locks, withIntermediateDirectories: true)
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = ["-n", job.locks + "/e2e.lock", "sleep", "30"]
        try holder.run()
        defer { holder.terminate() }
        Thread.sleep(forTimeInterval: 0.3)
        let started = Date()
        let result = try job.run()
        #expect(result.status == 4, "\(result.stderr)")
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(result.stderr.contains("lock"))
        #expect(job.files("inbox") == ["a_juminhyo-clean-02.png"], "nothing taken")
    }

    @Test("kill -9 at random moments, 20 times, in one batch and between batches: every input ends exactly once, no partial import file")
    func crashLoop() throws {
        let scans = ["a_juminhyo-clean-01.png", "a_juminhyo-clean-02.png", "a_juminhyo-clean-03.png",
                     "a_juminhyo-clean-04.png", "a_juminhyo-degraded-02.jpg", "a_juminhyo-degraded-04.jpg"]
        let job = try JobFolder(scans: scans)
        defer { try? FileManager.default.removeItem(at: job.root) }
        var generator = SystemRandomNumberGenerator()
        for attempt in 0..<20 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CLIRunner.binary)
            // Every other run works in batches of two, so kills also land between batches (one
            // batch exported and routed, the next claimed or not yet).
            process.arguments = ["run", job.job, "--ledger", job.ledger, "--lock-dir", job.locks]
                + (attempt % 2 == 1 ? ["--batch-inputs", "2"] : [])
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: Double.random(in: 0.05...2.5, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        let last = try job.run()
        #expect([0, 1, 2].contains(last.status), "\(last.stderr)")
        // Every input is in exactly one place.
        let placed = job.files("done") + job.files("review") + job.files("error").filter { !$0.contains(".error.") }
        #expect(placed.sorted() == scans.sorted(), "placed: \(placed)")
        #expect(job.files("inbox").isEmpty && job.files("work").filter { !$0.hasPrefix(".") }.isEmpty)
        // Each accepted input is in the import files exactly once; no temporary leftovers.
        let rows = try job.importRows()
        #expect(rows.count == job.files("done").count, "rows: \(rows.count), done: \(job.files("done"))")
        let sources = rows.compactMap { $0.split(separator: ",").dropLast().last.map(String.init) }
        #expect(Set(sources).count == sources.count, "no input exported twice: \(sources)")
        #expect(job.files("out").allSatisfy { !$0.hasSuffix(".tmp") })
    }
}
