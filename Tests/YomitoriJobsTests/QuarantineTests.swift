import Foundation
import Testing
import YomitoriJobs

@Suite("Quarantine and routing")
struct QuarantineTests {
    private let reason = QuarantineReason(
        code: "unreadable_file", messageJA: "PDF として読めません。", messageEN: "The file cannot be read as a PDF.",
        job: "juminhyo", run: "run-1", inputID: "5d1c0a9e-0000-4000-8000-000000000001"
    )
    private let moment = Date(timeIntervalSince1970: 1_748_736_000)  // 2025-06-01 09:00 JST

    @Test("moves the file and writes the reason in Japanese and English, as text and JSON")
    func moveWithNotes() throws {
        let folder = try TemporaryFolder("quarantine")
        defer { folder.remove() }
        let source = try folder.write("work/5d1c__scan 001.pdf", "%PDF-broken")
        let result = try Quarantine.move(file: source, to: folder.file("error"), reason: reason, name: "scan 001.pdf",
                                         now: moment)
        #expect(result.path == folder.file("error/scan 001.pdf"))
        #expect(!FileManager.default.fileExists(atPath: source))
        #expect(try String(contentsOfFile: result.path, encoding: .utf8) == "%PDF-broken")
        let text = try String(contentsOfFile: result.textPath, encoding: .utf8)
        #expect(text.contains("PDF として読めません。"))
        #expect(text.contains("The file cannot be read as a PDF."))
        #expect(text.contains("2025-06-01T09:00:00+09:00"))
        let json = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: result.jsonPath))) as? [String: String])
        #expect(json == [
            "code": "unreadable_file", "message_ja": "PDF として読めません。",
            "message_en": "The file cannot be read as a PDF.", "time": "2025-06-01T09:00:00+09:00",
            "job": "juminhyo", "run": "run-1", "file": "scan 001.pdf", "input_id": "5d1c0a9e-0000-4000-8000-000000000001",
        ])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.file("error")).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)  // no temporary files left behind
    }

    @Test("nothing in the error folder is overwritten: a second scan.pdf becomes scan (2).pdf")
    func collisions() throws {
        let folder = try TemporaryFolder("quarantine")
        defer { folder.remove() }
        try folder.write("error/scan.pdf", "earlier")
        let source = try folder.write("work/x__scan.pdf", "later")
        let result = try Quarantine.move(file: source, to: folder.file("error"), reason: reason, name: "scan.pdf")
        #expect(result.path == folder.file("error/scan (2).pdf"))
        #expect(try String(contentsOfFile: folder.file("error/scan.pdf"), encoding: .utf8) == "earlier")
        #expect(try String(contentsOfFile: result.path, encoding: .utf8) == "later")
    }

    @Test("after a crash between the notes and the move, the retry reuses the name")
    func retryReusesItsNotes() throws {
        let folder = try TemporaryFolder("quarantine")
        defer { folder.remove() }
        try folder.write("error/scan.pdf.error.json", #"{"input_id": "5d1c0a9e-0000-4000-8000-000000000001"}"#)
        try folder.write("error/scan.pdf.error.txt", "old note")
        let source = try folder.write("work/x__scan.pdf", "data")
        let result = try Quarantine.move(file: source, to: folder.file("error"), reason: reason, name: "scan.pdf")
        #expect(result.path == folder.file("error/scan.pdf"))
        #expect(try String(contentsOfFile: result.textPath, encoding: .utf8).contains("unreadable_file"))
        // Someone else's notes are left alone.
        var other = reason
        other.inputID = "5d1c0a9e-0000-4000-8000-000000000002"
        try folder.write("error/b.pdf.error.json", #"{"input_id": "5d1c0a9e-0000-4000-8000-000000000001"}"#)
        let second = try Quarantine.move(file: try folder.write("work/y__b.pdf", "b"), to: folder.file("error"),
                                         reason: other, name: "b.pdf")
        #expect(second.path == folder.file("error/b (2).pdf"))
    }

    @Test("across file systems the file is copied, flushed, and only then removed")
    func acrossFileSystems() throws {
        let folder = try TemporaryFolder("quarantine")
        defer { folder.remove() }
        let shm = "/dev/shm/yomitori-quarantine-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: shm, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: shm) }
        let source = shm + "/x__住民票.pdf"
        let content = Data((0..<3_000_000).map { UInt8(truncatingIfNeeded: $0) })
        try content.write(to: URL(fileURLWithPath: source))
        let result = try Quarantine.move(file: source, to: folder.file("error"), reason: reason, name: "住民票.pdf")
        #expect(!FileManager.default.fileExists(atPath: source))
        #expect(try Data(contentsOf: URL(fileURLWithPath: result.path)) == content)
        let routed = try FileRoute.move(try folder.write("work/a.pdf", "a"), toFolder: shm + "/done/20250601", name: "a.pdf")
        #expect(routed == shm + "/done/20250601/a.pdf")
        #expect(try String(contentsOfFile: routed, encoding: .utf8) == "a")
    }

    @Test("routing never overwrites and creates the folder")
    func routing() throws {
        let folder = try TemporaryFolder("quarantine")
        defer { folder.remove() }
        try folder.write("done/a.pdf", "1")
        try folder.write("done/a (2).pdf", "2")
        let routed = try FileRoute.move(try folder.write("work/x__a.pdf", "3"), toFolder: folder.file("done"), name: "a.pdf")
        #expect(routed == folder.file("done/a (3).pdf"))
        let noExtension = try FileRoute.move(try folder.write("work/README", "r"), toFolder: folder.file("done"), name: "README")
        #expect(noExtension == folder.file("done/README"))
        do {
            _ = try FileRoute.move(folder.file("work/missing.pdf"), toFolder: folder.file("done"), name: "missing.pdf")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .ioFailed)
        }
    }
}
