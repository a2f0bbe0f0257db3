import Foundation
import Testing
import WebDriverSupport
#if canImport(Glibc)
import Glibc
#endif

/// A job whose run sends real sample scans to review, its ledger with users, and `yomitori review` serving
/// it on a free loopback port — everything through the built `yomitori` binary, in a temporary folder.
///
/// The job reads with a copy of a sample template (`a_juminhyo` unless told) in which chosen fields get
/// `threshold: 1.0` (so they go to review whatever Tesseract's confidence) and optionally
/// `double_entry: true`; the export is a sample mapping (`juminhyo_csv`, CP932 CSV, unless told).
final class ReviewStation: @unchecked Sendable {
    let root: URL
    private var server: Process?
    private(set) var base = ""
    var serverLog: URL { root.appendingPathComponent("review.log") }

    var path: String { root.path }
    var jobFile: String { path + "/jobs/review.yaml" }
    var ledger: String { path + "/ledger.sqlite" }

    /// - Parameters:
    ///   - scans: file names in `samples/scans`, copied into the inbox.
    ///   - review: fields sent to review by a threshold of 1.0.
    ///   - doubleEntry: fields marked `double_entry: true` (list them in `review` too).
    ///   - form: the sample template (`samples/templates/FORM.yaml`); `mapping`: the sample mapping, whose
    ///     import files are named `….csv` or `….jsonl` after its format.
    init(
        scans: [String], review: [String], doubleEntry: [String] = [],
        form: String = "a_juminhyo", mapping: String = "juminhyo_csv"
    ) throws {
        root = try CLIRunner.temporaryDirectory()
        let fm = FileManager.default
        for folder in ["inbox", "jobs", "templates"] {
            try fm.createDirectory(atPath: "\(path)/\(folder)", withIntermediateDirectories: true)
        }
        for scan in scans {
            try fm.copyItem(atPath: CLIRunner.sample("samples/scans/\(scan)"), toPath: "\(path)/inbox/\(scan)")
        }
        try Self.template(form: form, review: review, doubleEntry: doubleEntry)
            .write(toFile: path + "/templates/\(form).yaml", atomically: true, encoding: .utf8)
        let ext = mapping.hasSuffix("jsonl") ? "jsonl" : "csv"
        try """
            job: review
            description: 住民票の写し等交付請求書（確認テスト）
            inbox: \(path)/inbox
            work: \(path)/work
            trigger: manual
            templates: [\(path)/templates/\(form).yaml]
            workers: 1
            steps:
              - read
              - validate
              - export:
                  mapping: \(CLIRunner.sample("samples/mappings/\(mapping).yaml"))
                  to: \(path)/out
                  name: "{job}_{date}_{seq}.\(ext)"
              - route:
                  accepted: \(path)/done
                  review: \(path)/review
                  invalid: \(path)/error
                  failed: \(path)/error
            """.write(toFile: jobFile, atomically: true, encoding: .utf8)
    }

    /// The sample template with absolute reference paths and the test's thresholds and double entry.
    static func template(form: String, review: [String], doubleEntry: [String]) throws -> String {
        let original = try String(contentsOfFile: CLIRunner.sample("samples/templates/\(form).yaml"), encoding: .utf8)
        var lines: [String] = []
        for line in original.components(separatedBy: "\n") {
            if line.contains("reference_image: ../forms/") {
                lines.append(line.replacingOccurrences(of: "../forms/", with: CLIRunner.sample("samples/forms") + "/"))
                continue
            }
            lines.append(line)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("- name: ") else { continue }
            let name = String(trimmed.dropFirst("- name: ".count))
            let indent = String(repeating: " ", count: line.prefix { $0 == " " }.count + 2)
            if review.contains(name) { lines.append(indent + "threshold: 1.0") }
            if doubleEntry.contains(name) { lines.append(indent + "double_entry: true") }
        }
        return lines.joined(separator: "\n")
    }

    deinit {
        stopServer()
        try? FileManager.default.removeItem(at: root)
    }

    // MARK: - The CLI

    /// `yomitori run` of the job (JSON report on stdout).
    @discardableResult
    func run() throws -> CLIRunner.Result {
        let result = try CLIRunner.run(["run", jobFile, "--ledger", ledger, "--lock-dir", path + "/locks", "--json"])
        #expect([0, 1].contains(result.status), "yomitori run: \(result.stderr)")
        return result
    }

    /// `yomitori users add NAME --role ROLE --password-stdin`.
    func addUser(_ name: String, role: String, password: String) throws {
        let result = try CLIRunner.run(["users", "add", name, "--role", role, "--ledger", ledger, "--password-stdin"], input: password + "\n")
        try #require(result.status == 0, "users add \(name): \(result.stderr)")
    }


    /// Starts `yomitori review JOB --listen 127.0.0.1:0` and waits for its "listening on" line.
    func startServer() throws {
        _ = FileManager.default.createFile(atPath: serverLog.path, contents: nil)
        let log = try FileHandle(forWritingTo: serverLog)
        defer { try? log.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLIRunner.binary)
        process.arguments = ["review", jobFile, "--ledger", ledger, "--listen", "127.0.0.1:0"]
        process.currentDirectoryURL = root
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = log
        process.standardError = log
        try process.run()
        server = process
        let deadline = Date().addingTimeInterval(30)
        let marker = "review station listening on "
        while Date() < deadline, process.isRunning {
            let text = (try? String(contentsOf: serverLog, encoding: .utf8)) ?? ""
            if let range = text.range(of: marker) {
                base = String(text[range.upperBound...].prefix { !$0.isWhitespace })
                if base.hasSuffix("/") { base.removeLast() }
                return
            }
            usleep(50_000)
        }
        let text = (try? String(contentsOf: serverLog, encoding: .utf8)) ?? ""
        stopServer()
        throw WebDriverError(code: "server start", message: "yomitori review did not say it listens: \(text.suffix(800))")
    }

    /// SIGTERM, then SIGKILL after 5 s.
    func stopServer() {
        guard let server else { return }
        self.server = nil
        if server.isRunning { kill(server.processIdentifier, SIGTERM) }
        let deadline = Date().addingTimeInterval(5)
        while server.isRunning, Date() < deadline { usleep(20_000) }
        if server.isRunning { kill(server.processIdentifier, SIGKILL) }
        server.waitUntilExit()
    }

    func url(_ path: String) -> URL { URL(string: base + path)! }

    // MARK: - Files

    func files(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "\(path)/\(folder)")) ?? []).sorted()
    }

    /// The rows of every import file, as column name → value (CP932 CSV with a header row).
    func importRows(files names: [String]? = nil) throws -> [[String: String]] {
        var rows: [[String: String]] = []
        for name in (names ?? files("out")) where name.hasSuffix(".csv") {
            let data = try Data(contentsOf: URL(fileURLWithPath: "\(path)/out/\(name)"))
            let text = try #require(String(data: data, encoding: .shiftJIS), "\(name) is CP932")
            let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            guard let header = lines.first.map(Self.csvFields) else { continue }
            for line in lines.dropFirst() {
                rows.append(Dictionary(zip(header, Self.csvFields(line)), uniquingKeysWith: { a, _ in a }))
            }
        }
        return rows
    }

    /// The objects of every JSON Lines import file.
    func importObjects() throws -> [[String: Any]] {
        var objects: [[String: Any]] = []
        for name in files("out") where name.hasSuffix(".jsonl") {
            let text = try String(contentsOfFile: "\(path)/out/\(name)", encoding: .utf8)
            for line in text.split(separator: "\n") where !line.isEmpty {
                objects.append(try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]))
            }
        }
        return objects
    }

    /// One CSV record's fields (RFC 4180 quoting).
    static func csvFields(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var iterator = Array(line).makeIterator()
        var pending: Character? = nil
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { current.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else { current.append(c) }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                fields.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        fields.append(current)
        return fields
    }
}
