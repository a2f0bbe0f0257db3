import Foundation
import Testing
import YomitoriExport
import YomitoriResults

/// `yomitori export` end to end: the built binary, its files, stderr and exit status.
@Suite("yomitori export")
struct ExportCommandTests {
    /// A folder with `pages.jsonl` (the fixture pages as `yomitori read` prints them), a mapping
    /// and an empty `out` folder.
    struct Workspace {
        let folder: TemporaryFolder
        var input: String { folder.path + "/pages.jsonl" }
        var out: String { folder.path + "/out" }
        var mapping: String { folder.path + "/jido.yaml" }

        init(pages: [PageRead] = Fixtures.pages, mapping: String = Fixtures.delimited(encoding: "cp932")) throws {
            folder = try TemporaryFolder()
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let lines = try pages.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
            try folder.write("pages.jsonl", lines.joined(separator: "\n") + "\n")
            try folder.write("jido.yaml", mapping)
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        }

        func run(_ extra: [String] = [], input: Data = Data()) throws -> ProcessResult {
            let executable = try #require(yomitoriExecutable(), "build the yomitori executable first (swift build)")
            var environment = ProcessInfo.processInfo.environment
            environment["OMP_THREAD_LIMIT"] = "1"
            return try runProcess(executable, ["export", "--mapping", mapping, "--input", self.input, "--out", out,
                                               "--job", "jido", "--run", "R1", "--date", "2026-06-10"] + extra,
                                  input: input, environment: environment)
        }

        func outNames() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: out).sorted() }
    }

    @Test("every page accepted: exit 0, the file, a summary on stderr")
    func allAccepted() throws {
        let workspace = try Workspace(pages: Array(Fixtures.pages.prefix(2)))
        defer { workspace.folder.remove() }
        let result = try workspace.run()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try workspace.outNames() == ["jido_20260610_001.csv"])
        #expect(result.stderr.contains("wrote \(workspace.out)/jido_20260610_001.csv: 2 records"))
        let expected = try ImportFileBuilder.render(Array(Fixtures.pages.prefix(2)),
                                                    mapping: mapping(Fixtures.delimited(encoding: "cp932")),
                                                    context: ExportContext(job: "jido", run: "R1",
                                                                           now: Date(timeIntervalSince1970: 1_781_017_200))).bytes
        let written = try #require(FileManager.default.contents(atPath: workspace.out + "/jido_20260610_001.csv"))
        #expect([UInt8](written) == expected)
    }

    @Test("pages not exported: exit 1, each one named on stderr, the full report with --json")
    func someToReview() throws {
        let workspace = try Workspace()
        defer { workspace.folder.remove() }
        let result = try workspace.run(["--json"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("6 pages read, 2 exported, 2 not accepted, 2 to review"))
        #expect(result.stderr.contains("batch/scan-002.png#1: to review — unencodable '𠮷' (U+20BB7) in 氏名: not in cp932"))
        #expect(result.stderr.contains("batch/scan-003.png#1: review (reads_disagree)"))
        let report = try JSONDecoder().decode(ExportReport.self, from: result.stdout)
        #expect(report.recordsWritten == 2 && report.review.count == 2 && report.skipped.count == 2)
        #expect(report.files.first?.name == "jido_20260610_001.csv")
        // Values never reach the report: not the names, not the addresses.
        let text = String(decoding: result.stdout, as: UTF8.self) + result.stderr
        for value in ["山田", "太郎", "霞が関", "梅田", "はな"] { #expect(!text.contains(value), "\(value) leaked") }
    }

    @Test("a mapping error: exit 2, file:line:column on stderr, no file")
    func mappingError() throws {
        let workspace = try Workspace(mapping: "format: csv\nencoding: cp932\ncolumns:\n  - {name: 氏名, feild: claimant_name}\n")
        defer { workspace.folder.remove() }
        let result = try workspace.run()
        #expect(result.status == 2)
        #expect(result.stderr.contains("jido.yaml:4:16: error: unknown key 'feild' in column 1; did you mean 'field'?"))
        #expect(try workspace.outNames().isEmpty)
    }

    @Test("input that is not page results: exit 2, no file, no temporary file")
    func malformedInput() throws {
        let workspace = try Workspace()
        defer { workspace.folder.remove() }
        try workspace.folder.write("pages.jsonl", "{\"file\": \"x.png\"}\n")
        let result = try workspace.run()
        #expect(result.status == 2)
        #expect(result.stderr.contains("pages.jsonl:1: not a page of `yomitori read`"))
        #expect(try workspace.outNames().isEmpty)
    }

    @Test("usage errors exit 2")
    func usage() throws {
        let workspace = try Workspace()
        defer { workspace.folder.remove() }
        #expect(try workspace.run(["--date", "2026-02-30"]).status == 2)
        #expect(try workspace.run(["--transfer-date", "6/10"]).status == 2)
        let executable = try #require(yomitoriExecutable())
        let missing = try runProcess(executable, ["export", "--mapping", workspace.mapping])
        #expect(missing.status == 2)
        #expect(missing.stderr == "yomitori: missing --input; missing --out (see yomitori export --help)\n")
    }

    @Test("re-emitting from recorded results gives the same bytes, under the next name")
    func reEmit() throws {
        let workspace = try Workspace(pages: Array(Fixtures.pages.prefix(2)),
                                      mapping: Fixtures.delimited(encoding: "utf-8-bom") + "\ndelivery: {manifest: true}")
        defer { workspace.folder.remove() }
        #expect(try workspace.run().status == 0)
        #expect(try workspace.run().status == 0)
        let first = FileManager.default.contents(atPath: workspace.out + "/jido_20260610_001.csv")
        let second = FileManager.default.contents(atPath: workspace.out + "/jido_20260610_002.csv")
        #expect(first != nil && first == second)
        #expect(try workspace.outNames().count == 4)
    }

    @Test("results on standard input (`--input -`)")
    func standardInput() throws {
        let workspace = try Workspace()
        defer { workspace.folder.remove() }
        let executable = try #require(yomitoriExecutable())
        let input = try #require(FileManager.default.contents(atPath: workspace.input))
        let result = try runProcess(executable, ["export", "--mapping", workspace.mapping, "--input", "-", "--out", workspace.out,
                                                 "--job", "stdin", "--date", "2026-06-10"], input: input)
        #expect(result.status == 1)
        #expect(try workspace.outNames() == ["stdin_20260610_001.csv"])
    }
}
