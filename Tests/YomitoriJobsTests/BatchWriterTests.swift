import YomitoriHashing
import Foundation
import Testing
import YomitoriJobs
import YomitoriLedger

/// A ledger file, an output folder, and one read input with two accepted pages.
private struct Fixture {
    let folder: TemporaryFolder
    let ledgerPath: String
    let inputID: String

    init() async throws {
        folder = try TemporaryFolder("batch")
        ledgerPath = folder.file("state/ledger.sqlite")
        let ledger = try SQLiteLedger(path: ledgerPath)
        inputID = UUID().uuidString.lowercased()
        _ = try await ledger.recordClaim(ClaimRequest(
            inputID: inputID, job: "juminhyo", runID: nil, originalPath: "/in/a.pdf", claimedPath: "/work/a.pdf",
            size: 1, sha256: "aa", by: WorkerIdentity(host: "h", worker: "w")))
        try await ledger.recordPages(inputID: inputID, pages: [0, 1].map {
            PageRecord(inputID: inputID, page: $0, status: .accepted, template: "a_juminhyo", readJSON: "{}")
        })
    }

    /// A new connection, as after a restart.
    func ledger() throws -> SQLiteLedger { try SQLiteLedger(path: ledgerPath) }

    func openBatch(_ ledger: any Ledger) async throws -> BatchRecord {
        let batch = try await ledger.openBatch(job: "juminhyo", runID: nil, date: "20250601")
        try await ledger.addPages([PageKey(inputID: inputID, page: 0), PageKey(inputID: inputID, page: 1)], toBatch: batch.id)
        return batch
    }

    var outPath: String { folder.file("out/juminhyo_20250601_001.csv") }
    let csv = Data("番号,氏名\n1,山田\n2,鈴木\n".utf8)

    func outFolderNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.file("out")).sorted()
    }
}

@Suite("Export batches, exactly once")
struct BatchWriterTests {
    @Test("writes, records the SHA-256 in the same step as 'written', then renames into place")
    func happyPath() async throws {
        let fixture = try await Fixture()
        defer { fixture.folder.remove() }
        let ledger = try fixture.ledger()
        let batch = try await fixture.openBatch(ledger)
        let placed = try await BatchWriter(ledger: ledger).write(
            batch: batch, files: [OutputFile(path: fixture.outPath, content: fixture.csv)], recordCount: 2)
        #expect(placed == [PlacedOutput(path: fixture.outPath, state: .placed)])
        #expect(try fixture.outFolderNames() == ["juminhyo_20250601_001.csv"])  // no temporary file left
        let stored = try #require(try await ledger.batch(id: batch.id))
        #expect(stored.state == .written)
        #expect(stored.recordCount == 2)
        let coreutils = try runProcess("/usr/bin/sha256sum", [fixture.outPath]).output.prefix(64)
        #expect(stored.outputs.first?.sha256 == String(coreutils))
        try await ledger.markInput(id: fixture.inputID, as: .exported, reason: nil)
        try await ledger.markBatchDelivered(batchID: batch.id)
        #expect(try await BatchWriter(ledger: ledger).recover(job: "juminhyo").isEmpty)
    }

    @Test("crash before the commit point: nothing visible; the batch is written again, once")
    func crashBeforeCommit() async throws {
        let fixture = try await Fixture()
        defer { fixture.folder.remove() }
        var batchID = ""
        do {
            let ledger = try fixture.ledger()
            let batch = try await fixture.openBatch(ledger)
            batchID = batch.id
            let temporary = BatchWriter.temporaryPath(for: fixture.outPath, batchID: batch.id, position: 0)
            try await ledger.planBatchOutputs(batchID: batch.id, outputs: [
                BatchOutput(path: fixture.outPath, temporaryPath: temporary),
            ])
            try fixture.folder.write("out/" + (temporary as NSString).lastPathComponent, "番号,氏名\n1,山")  // half written
        }
        let ledger = try fixture.ledger()
        let writer = BatchWriter(ledger: ledger)
        let recovery = try await writer.recover(job: "juminhyo")
        guard case .rewrite(let batch) = recovery.first, recovery.count == 1 else {
            Issue.record("expected one batch to rewrite, got \(recovery)")
            return
        }
        #expect(batch.id == batchID)
        #expect(try fixture.outFolderNames().isEmpty)  // the half-written temporary file is gone
        #expect(try await ledger.batchRecords(batchID: batch.id).count == 2)  // the pages to write again
        _ = try await writer.write(batch: batch, files: [OutputFile(path: fixture.outPath, content: fixture.csv)],
                                   recordCount: 2)
        #expect(try fixture.outFolderNames() == ["juminhyo_20250601_001.csv"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: fixture.outPath)) == fixture.csv)
    }

    @Test("crash after the commit point: the recorded content is put in place, never written again")
    func crashAfterCommit() async throws {
        let fixture = try await Fixture()
        defer { fixture.folder.remove() }
        do {
            let ledger = try fixture.ledger()
            let batch = try await fixture.openBatch(ledger)
            let temporary = BatchWriter.temporaryPath(for: fixture.outPath, batchID: batch.id, position: 0)
            try await ledger.planBatchOutputs(batchID: batch.id, outputs: [
                BatchOutput(path: fixture.outPath, temporaryPath: temporary),
            ])
            _ = try fixture.folder.makeFolder("out")
            try fixture.csv.write(to: URL(fileURLWithPath: temporary))
            try await ledger.markBatchWritten(batchID: batch.id, outputs: [
                BatchOutput(path: fixture.outPath, temporaryPath: temporary, sha256: SHA256.hex(of: fixture.csv),
                            bytes: Int64(fixture.csv.count)),
            ], recordCount: 2)
            // killed here, before the rename
        }
        let writer = BatchWriter(ledger: try fixture.ledger())
        let recovery = try await writer.recover(job: "juminhyo")
        guard case .placed(_, let placed) = recovery.first else { Issue.record("\(recovery)"); return }
        #expect(placed.map(\.state) == [.placed])
        #expect(try fixture.outFolderNames() == ["juminhyo_20250601_001.csv"])
        // Killed again before marking it delivered: the next start finds it in place.
        guard case .placed(_, let again) = try await writer.recover(job: "juminhyo").first else { return }
        #expect(again.map(\.state) == [.alreadyInPlace])
        // The receiving system took the file; a later recovery does not write it again.
        try FileManager.default.removeItem(atPath: fixture.outPath)
        guard case .placed(let batch, let gone) = try await writer.recover(job: "juminhyo").first else { return }
        #expect(gone.map(\.state) == [.gone])
        #expect(try fixture.outFolderNames().isEmpty)
        try await writer.ledger.markBatchDelivered(batchID: batch.id)
        #expect(try await writer.recover(job: "juminhyo").isEmpty)
    }

    @Test("a file already at an output path is never overwritten")
    func foreignFile() async throws {
        let fixture = try await Fixture()
        defer { fixture.folder.remove() }
        try fixture.folder.write("out/juminhyo_20250601_001.csv", "from an earlier installation")
        let ledger = try fixture.ledger()
        let batch = try await fixture.openBatch(ledger)
        do {
            _ = try await BatchWriter(ledger: ledger).write(
                batch: batch, files: [OutputFile(path: fixture.outPath, content: fixture.csv)], recordCount: 2)
            Issue.record("expected destinationExists")
        } catch let error as BatchWriteError {
            #expect(error.code == .destinationExists)
        }
        #expect(try String(contentsOfFile: fixture.outPath, encoding: .utf8) == "from an earlier installation")
        #expect(try await ledger.batch(id: batch.id)?.outputs.isEmpty == true)  // nothing planned
    }

    @Test("writing a written batch again only checks that it is in place")
    func writeIsIdempotent() async throws {
        let fixture = try await Fixture()
        defer { fixture.folder.remove() }
        let ledger = try fixture.ledger()
        let batch = try await fixture.openBatch(ledger)
        let writer = BatchWriter(ledger: ledger)
        let files = [OutputFile(path: fixture.outPath, content: fixture.csv)]
        _ = try await writer.write(batch: batch, files: files, recordCount: 2)
        let second = try await writer.write(batch: batch, files: files, recordCount: 2)
        #expect(second.map(\.state) == [.alreadyInPlace])
        #expect(try fixture.outFolderNames() == ["juminhyo_20250601_001.csv"])
    }
}
