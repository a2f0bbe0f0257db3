import YomitoriHashing
import YomitoriYAML
import Foundation
import Testing
import YomitoriExport
import YomitoriResults
#if canImport(Glibc)
import Glibc
#endif

/// Delivery: atomic publication, never overwriting, sequence numbers, clean-up, manifest.
@Suite("Delivery")
struct DeliveryTests {
    static func csvMapping(_ delivery: String = "") throws -> ExportMapping {
        try mapping(Fixtures.delimited(encoding: "cp932", extra: delivery))
    }

    @Test("files get {job}_{date}_{seq} names, counting up, with exactly the bytes built")
    func namesAndContent() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let mapping = try Self.csvMapping()
        let first = try Exporter.export(Fixtures.pages, mapping: mapping, context: testContext, directory: folder.path)
        let second = try Exporter.export(Fixtures.pages, mapping: mapping, context: testContext, directory: folder.path)
        #expect(try folder.names() == ["test_20260610_001.csv", "test_20260610_002.csv"])
        let expected = try ImportFileBuilder.render(Fixtures.pages, mapping: mapping, context: testContext).bytes
        #expect(folder.contents("test_20260610_001.csv") == expected)
        #expect(first.files.map(\.name) == ["test_20260610_001.csv"])
        #expect(second.files.first?.sha256 == SHA256.hex(expected))
        #expect(second.files.first?.bytes == expected.count && second.files.first?.records == 2)
        #expect(first.report(without: \.files) == second.report(without: \.files))
    }

    @Test("an existing file is never overwritten: the next seq is taken")
    func neverOverwrite() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("test_20260610_001.csv", "precious")
        try folder.write("test_20260610_007.csv", "also precious")
        let report = try Exporter.export(Fixtures.pages, mapping: Self.csvMapping(), context: testContext, directory: folder.path)
        #expect(report.files.map(\.name) == ["test_20260610_008.csv"])
        #expect(folder.contents("test_20260610_001.csv") == Array("precious".utf8))
        #expect(folder.contents("test_20260610_007.csv") == Array("also precious".utf8))
    }

    @Test("without {seq} an existing name is an error; the existing file and the folder are untouched")
    func existingWithoutSequence() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("fixed.csv", "precious")
        let mapping = try Self.csvMapping("delivery: {file_name: fixed.csv}")
        #expect(throws: ExportError.self) {
            _ = try Exporter.export(Fixtures.pages, mapping: mapping, context: testContext, directory: folder.path)
        }
        #expect(try folder.names() == ["fixed.csv"])
        #expect(folder.contents("fixed.csv") == Array("precious".utf8))
    }

    @Test("publishing never replaces, even when the name appears between the check and the rename")
    func publishRace() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let writer = ImportFileWriter(directory: folder.path, delivery: try Self.csvMapping("delivery: {file_name: \"x_{seq}.csv\"}").delivery)
        let pending = try writer.begin()
        try pending.write(Array("new".utf8))
        // Another process takes 001 after the writer looked: the writer must move on to 002.
        try folder.write("x_001.csv", "other")
        let manifest = ImportManifest(file: "", records: 0, bytes: 0, sha256: "", format: "csv", encoding: "cp932",
                                      job: "j", run: "r", created: "")
        let delivered = try pending.commit(records: 1, variables: [:], manifest: manifest)
        #expect(delivered.name == "x_002.csv")
        #expect(folder.contents("x_001.csv") == Array("other".utf8))
    }

    @Test("stale temporary files of a killed run are removed; live ones and other files are not")
    func staleTemporaryFiles() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(".yomitori-export-0123456789abcdef.tmp", "half a file")
        let live = try folder.write(".yomitori-export-fedcba9876543210.tmp", "being written")
        try folder.write(".yomitori-export-notours.tmp", "not our pattern")
        try folder.write(".other.tmp", "someone else's")
        let fd = open(live, O_RDONLY)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)

        let report = try Exporter.export(Fixtures.pages, mapping: Self.csvMapping(), context: testContext, directory: folder.path)
        #expect(report.files.count == 1)
        #expect(try folder.names() == [".other.tmp", ".yomitori-export-fedcba9876543210.tmp", ".yomitori-export-notours.tmp",
                                       "test_20260610_001.csv"])
    }

    @Test("manifest and .done marker: name, record count, size and a SHA-256 that sha256sum agrees with")
    func manifest() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let report = try Exporter.export(Fixtures.pages, mapping: Self.csvMapping("delivery: {manifest: true, done_marker: true}"),
                                         context: testContext, directory: folder.path)
        let file = try #require(report.files.first)
        #expect(try folder.names() == ["test_20260610_001.csv", "test_20260610_001.csv.done", "test_20260610_001.csv.manifest.json"])
        #expect(file.manifest == "test_20260610_001.csv.manifest.json" && file.doneMarker == "test_20260610_001.csv.done")
        #expect(folder.contents("test_20260610_001.csv.done") == [])
        let data = try #require(folder.contents(file.manifest ?? ""))
        let manifest = try JSONDecoder().decode(ImportManifest.self, from: Data(data))
        #expect(manifest == ImportManifest(file: "test_20260610_001.csv", records: 2, bytes: file.bytes, sha256: file.sha256,
                                           format: "csv", encoding: "cp932", job: "test", run: "R1",
                                           created: "2026-06-10T09:30:00+09:00"))
        let sha256sum = try runProcess("/usr/bin/sha256sum", [file.path])
        #expect(String(decoding: sha256sum.stdout, as: UTF8.self).hasPrefix(file.sha256 + " "))
        #expect(file.bytes == (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int))
    }

    @Test("no accepted page: no file (the report says why), unless write_empty")
    func nothingToWrite() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let pages = [Fixtures.pages[3]]
        let report = try Exporter.export(pages, mapping: Self.csvMapping(), context: testContext, directory: folder.path)
        #expect(report.files.isEmpty && report.notWritten != nil)
        #expect(try folder.names().isEmpty)
        let empty = try Exporter.export(pages, mapping: Self.csvMapping("delivery: {write_empty: true}"), context: testContext,
                                        directory: folder.path)
        #expect(empty.files.first?.records == 0)
        #expect(folder.contents("test_20260610_001.csv")?.count == 62)  // the header row only: 52 + 8 commas + CRLF
    }

    @Test("variables are sanitised: a job name cannot leave the folder")
    func sanitised() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var context = testContext
        context.job = "../../etc/住民 票"
        context.run = ".hidden"
        let report = try Exporter.export(Fixtures.pages, mapping: Self.csvMapping("delivery: {file_name: \"{job}-{run}-{template}.csv\"}"),
                                         context: context, directory: folder.path)
        #expect(report.files.map(\.name) == ["_._.._etc_____-_hidden-b_jido_koza.csv"])
        #expect(try folder.names() == ["_._.._etc_____-_hidden-b_jido_koza.csv"])
    }

    @Test("a missing folder is an error before anything is written")
    func missingFolder() throws {
        #expect(throws: ExportError.self) {
            _ = try Exporter.export(Fixtures.pages, mapping: Self.csvMapping(), context: testContext, directory: "/nonexistent/out")
        }
    }

    @Test("results JSON Lines: pages, error records and blank lines; a broken line stops the export and leaves nothing")
    func resultsFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let encoder = JSONEncoder()
        var lines = try Fixtures.pages.prefix(2).map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        lines.insert(#"{"file":"batch/broken.png","page":null,"error":{"code":"corrupt","message":"cannot decode"}}"#, at: 1)
        lines.append("")
        let input = try folder.write("pages.jsonl", lines.joined(separator: "\n") + "\n")
        var source = try ResultsFile(path: input)
        let report = try Exporter.export(&source, mapping: Self.csvMapping(), context: testContext, directory: folder.path)
        #expect(report.recordsWritten == 2 && report.pagesRead == 3)
        #expect(report.skipped == [.init(page: "batch/broken.png", status: "unreadable", reasons: ["corrupt"])])

        try folder.write("bad.jsonl", lines[0] + "\n{\"file\": \"x.png\", \"page\": 0}\n")
        var bad = try ResultsFile(path: folder.path + "/bad.jsonl")
        let mapping = try Self.csvMapping()
        do throws(ExportError) {
            _ = try Exporter.export(&bad, mapping: mapping, context: testContext, directory: folder.path)
            Issue.record("a broken line was accepted")
        } catch {
            #expect(error.code == .malformedInput)
            #expect(error.message.hasSuffix("bad.jsonl:2: not a page of `yomitori read`: missing .template"))
        }
        #expect(try folder.names() == ["bad.jsonl", "pages.jsonl", "test_20260610_001.csv"])
    }
}

extension ExportReport {
    /// The report with one property cleared, to compare runs that differ only there.
    func report<T>(without keyPath: WritableKeyPath<ExportReport, [T]>) -> ExportReport {
        var copy = self
        copy[keyPath: keyPath] = []
        return copy
    }
}
