import Foundation
import Testing
import YomitoriLedger

@Suite("Ledger: batches")
struct BatchBookkeepingTests {
    /// A ledger with one read input of two accepted pages.
    private func setUp(_ folder: TemporaryFolder) async throws -> (SQLiteLedger, String) {
        let ledger = try SQLiteLedger(path: folder.ledgerPath, clock: SteppingClock().now)
        let id = try await claim(ledger, sha: UUID().uuidString).inputID
        try await ledger.recordPages(inputID: id, pages: [page(id, 0, .accepted), page(id, 1, .accepted)])
        return (ledger, id)
    }

    @Test("sequence numbers count per job and date")
    func sequenceNumbers() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (ledger, _) = try await setUp(folder)
        #expect(try await ledger.openBatch(job: "juminhyo", runID: nil, date: "20250601").seq == 1)
        #expect(try await ledger.openBatch(job: "juminhyo", runID: nil, date: "20250601").seq == 2)
        #expect(try await ledger.openBatch(job: "juminhyo", runID: nil, date: "20250602").seq == 1)
        #expect(try await ledger.openBatch(job: "tennyu", runID: nil, date: "20250601").seq == 1)
    }

    @Test("a page is exported in at most one batch")
    func pageInOneBatch() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (ledger, id) = try await setUp(folder)
        let first = try await ledger.openBatch(job: "juminhyo", runID: nil, date: "20250601")
        let second = try await ledger.openBatch(job: "juminhyo", runID: nil, date: "20250601")
        try await ledger.addPages([PageKey(inputID: id, page: 0)], toBatch: first.id)
        try await ledger.addPages([PageKey(inputID: id, page: 0)], toBatch: first.id)  // repeated: skipped
        do {
            try await ledger.addPages([PageKey(inputID: id, page: 0)], toBatch: second.id)
            Issue.record("expected a conflict")
        } catch let error as LedgerError {
            #expect(error.code == .conflict)
        }
        // A page in a batch keeps its reading.
        await #expect(throws: LedgerError.self) {
            try await ledger.recordPages(inputID: id, pages: [page(id, 0, .review), page(id, 1, .accepted)])
        }
        // Discarding the first batch frees the page for the second.
        try await ledger.discardBatch(batchID: first.id)
        try await ledger.addPages([PageKey(inputID: id, page: 0)], toBatch: second.id)
        #expect(try await ledger.batchRecords(batchID: second.id).map(\.page) == [0])
        #expect(try await ledger.batchRecords(batchID: first.id).isEmpty)
    }

    @Test("written once: outputs planned first, unique paths, content fixed when written")
    func writtenOnce() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (ledger, id) = try await setUp(folder)
        let batch = try await ledger.openBatch(job: "juminhyo", runID: nil, date: "20250601")
        try await ledger.addPages([PageKey(inputID: id, page: 0), PageKey(inputID: id, page: 1)], toBatch: batch.id)
        let planned = BatchOutput(path: "/out/j_20250601_1.csv", temporaryPath: "/out/.yomitori-tmp-a")
        var written = planned
        written.sha256 = "5eed"
        written.bytes = 42

        // Not planned yet: refuse to mark written.
        await #expect(throws: LedgerError.self) {
            try await ledger.markBatchWritten(batchID: batch.id, outputs: [written], recordCount: 2)
        }
        try await ledger.planBatchOutputs(batchID: batch.id, outputs: [planned])
        try await ledger.planBatchOutputs(batchID: batch.id, outputs: [planned])  // repeated
        let other = try await ledger.openBatch(job: "juminhyo", runID: nil, date: "20250601")
        await #expect(throws: LedgerError.self) {  // another batch may not write the same file
            try await ledger.planBatchOutputs(batchID: other.id, outputs: [planned])
        }
        try await ledger.markBatchWritten(batchID: batch.id, outputs: [written], recordCount: 2)
        try await ledger.markBatchWritten(batchID: batch.id, outputs: [written], recordCount: 2)  // repeated
        var changed = written
        changed.sha256 = "0ther"
        await #expect(throws: LedgerError.self) {
            try await ledger.markBatchWritten(batchID: batch.id, outputs: [changed], recordCount: 2)
        }
        await #expect(throws: LedgerError.self) {  // written batches take no pages
            try await ledger.addPages([PageKey(inputID: id, page: 1)], toBatch: batch.id)
        }
        await #expect(throws: LedgerError.self) { try await ledger.discardBatch(batchID: batch.id) }

        let stored = try #require(try await ledger.batch(id: batch.id))
        #expect(stored.state == .written)
        #expect(stored.recordCount == 2)
        #expect(stored.outputs == [written])
        #expect(try await ledger.unfinishedBatches(job: "juminhyo").map(\.id) == [batch.id, other.id])

        try await ledger.markInput(id: id, as: .exported, reason: nil)
        try await ledger.markBatchDelivered(batchID: batch.id)
        try await ledger.markBatchDelivered(batchID: batch.id)
        #expect(try await ledger.unfinishedBatches(job: "juminhyo").map(\.id) == [other.id])
    }

    @Test("batch records come back in claim and page order, with their JSON")
    func batchRecordsForReExport() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (ledger, first) = try await setUp(folder)
        let second = try await claim(ledger, sha: "second").inputID
        try await ledger.recordPages(inputID: second, pages: [page(second, 0, .accepted)])
        let batch = try await ledger.openBatch(job: "juminhyo", runID: nil, date: "20250601")
        try await ledger.addPages(
            [PageKey(inputID: second, page: 0), PageKey(inputID: first, page: 1), PageKey(inputID: first, page: 0)],
            toBatch: batch.id
        )
        let records = try await ledger.batchRecords(batchID: batch.id)
        #expect(records.map(\.key) == [
            PageKey(inputID: first, page: 0), PageKey(inputID: first, page: 1), PageKey(inputID: second, page: 0),
        ])
        #expect(records.allSatisfy { $0.readJSON.contains("\"fields\"") && $0.batchID == batch.id })
    }
}
