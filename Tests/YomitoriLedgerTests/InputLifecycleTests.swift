import Foundation
import Testing
import YomitoriLedger

@Suite("Ledger: input states")
struct InputLifecycleTests {
    @Test("claimed → read → exported → archived, with events")
    func happyPath() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ledger = try SQLiteLedger(path: folder.ledgerPath, clock: SteppingClock().now)
        let run = try await ledger.beginRun(RunStart(job: "juminhyo", trigger: "manual", by: me))
        let result = try await claim(ledger, sha: "aa", run: run.id)
        guard case .new(let id) = result else { Issue.record("expected a new input"); return }

        try await ledger.recordPages(inputID: id, pages: [page(id, 0, nil)])
        try await ledger.recordPages(inputID: id, pages: [page(id, 0, .accepted)])  // after validation
        #expect(try await ledger.input(id: id)?.state == .read)
        #expect(try await ledger.pages(inputID: id).map(\.status) == [.accepted])

        let batch = try await ledger.openBatch(job: "juminhyo", runID: run.id, date: "20250601")
        try await ledger.addPages([PageKey(inputID: id, page: 0)], toBatch: batch.id)
        let output = BatchOutput(path: "/out/juminhyo_20250601_1.csv", temporaryPath: "/out/.yomitori-tmp-1")
        try await ledger.planBatchOutputs(batchID: batch.id, outputs: [output])
        var written = output
        written.sha256 = "bb"
        written.bytes = 10
        try await ledger.markBatchWritten(batchID: batch.id, outputs: [written], recordCount: 1)
        try await ledger.markInput(id: id, as: .exported, reason: nil)
        try await ledger.markInputRouted(id: id, to: "/srv/done/20250601/scan.pdf")
        try await ledger.markBatchDelivered(batchID: batch.id)
        try await ledger.finishRun(id: run.id, state: .finished, counts: RunCounts(claimed: 1, pages: 1, accepted: 1),
                                   reportJSON: "{}")

        let input = try #require(try await ledger.input(id: id))
        #expect(input.state == .archived)
        #expect(input.finishedAt != nil)
        #expect(input.routedTo == "/srv/done/20250601/scan.pdf")
        #expect(try await ledger.pendingInputs(job: "juminhyo").isEmpty)
        let kinds = try await ledger.events(job: "juminhyo", after: 0, limit: 100).map(\.kind)
        #expect(kinds == [
            "run.started", "input.claimed", "input.read", "input.read", "batch.opened", "batch.pages",
            "batch.planned", "batch.written", "input.exported", "input.routed", "batch.delivered", "run.finished",
        ])
    }

    @Test("transitions are compare-and-set; repeating one is harmless")
    func conditionalTransitions() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ledger = try SQLiteLedger(path: folder.ledgerPath, clock: SteppingClock().now)
        let id = try await claim(ledger, sha: "aa").inputID

        await #expect(throws: LedgerError.self) {  // claimed → review skips read
            try await ledger.markInput(id: id, as: .review, reason: nil)
        }
        await #expect(throws: LedgerError.self) {  // no outcome yet: cannot route
            try await ledger.markInputRouted(id: id, to: "/x")
        }
        try await ledger.recordPages(inputID: id, pages: [page(id, 0, .accepted), page(id, 1, .review)])
        await #expect(throws: LedgerError.self) {  // exported needs every page in a written batch
            try await ledger.markInput(id: id, as: .exported, reason: nil)
        }
        let reason = LedgerReason(code: "page_review", message: "page 2 needs review")
        try await ledger.markInput(id: id, as: .review, reason: reason)
        try await ledger.markInput(id: id, as: .review, reason: reason)  // repeated: no error
        await #expect(throws: LedgerError.self) {
            try await ledger.markInput(id: id, as: .invalid, reason: nil)
        }
        try await ledger.markInputRouted(id: id, to: "/review/scan.pdf")
        try await ledger.markInputRouted(id: id, to: "/review/scan.pdf")
        await #expect(throws: LedgerError.self) {
            try await ledger.markInputRouted(id: id, to: "/elsewhere/scan.pdf")
        }
        await #expect(throws: LedgerError.self) {  // finished inputs take no new pages
            try await ledger.recordPages(inputID: id, pages: [page(id, 0, .accepted)])
        }
        let input = try #require(try await ledger.input(id: id))
        #expect(input.state == .review)
        #expect(input.reason == reason)
        do {
            try await ledger.markInput(id: "no-such-input", as: .failed, reason: nil)
            Issue.record("expected not-found")
        } catch let error as LedgerError {
            #expect(error.code == .notFound)
        }
    }

    @Test("same content is a duplicate, unless the earlier input failed")
    func duplicatesByHash() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ledger = try SQLiteLedger(path: folder.ledgerPath, clock: SteppingClock().now)
        let first = try await claim(ledger, sha: "c0ffee", name: "a.pdf")
        let second = try await claim(ledger, sha: "c0ffee", name: "a (copy).pdf")
        #expect(second == .duplicate(inputID: second.inputID, of: first.inputID))
        let otherJob = try await claim(ledger, job: "tennyu", sha: "c0ffee")
        #expect(otherJob == .new(inputID: otherJob.inputID))  // duplicates are per job

        let duplicate = try #require(try await ledger.input(id: second.inputID))
        #expect(duplicate.state == .duplicate)
        #expect(duplicate.duplicateOf == first.inputID)
        #expect(duplicate.reason?.code == "duplicate_content")
        #expect(duplicate.isPending)  // still has to be routed

        // A failed input's content may be dropped again and is processed anew.
        try await ledger.markInput(id: first.inputID, as: .failed,
                                   reason: LedgerReason(code: "unreadable_file", message: "not a PDF"))
        let retry = try await claim(ledger, sha: "c0ffee", name: "a.pdf")
        #expect(retry == .new(inputID: retry.inputID))
        let third = try await claim(ledger, sha: "c0ffee", name: "a.pdf")
        #expect(third == .duplicate(inputID: third.inputID, of: retry.inputID))
    }

    @Test("recording the same claim twice returns the first answer")
    func idempotentClaim() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ledger = try SQLiteLedger(path: folder.ledgerPath, clock: SteppingClock().now)
        let request = ClaimRequest(inputID: "6f1c", job: "juminhyo", runID: nil, originalPath: "/in/a.pdf",
                                   claimedPath: "/work/6f1c__a.pdf", size: 3, sha256: "ab", by: me)
        #expect(try await ledger.recordClaim(request) == .new(inputID: "6f1c"))
        #expect(try await ledger.recordClaim(request) == .new(inputID: "6f1c"))
        var other = request
        other.sha256 = "cd"
        await #expect(throws: LedgerError.self) { try await ledger.recordClaim(other) }
        #expect(try await ledger.events(job: nil, after: 0, limit: 10).count == 1)
    }

    @Test("the database file and its WAL are readable by the owner only")
    func filePermissions() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ledger = try SQLiteLedger(path: folder.ledgerPath)
        _ = try await claim(ledger, sha: "aa")
        for path in [folder.ledgerPath, folder.ledgerPath + "-wal"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600, "\(path)")
        }
        let stateFolder = try FileManager.default.attributesOfItem(atPath: folder.path + "/state")
        #expect((stateFolder[.posixPermissions] as? NSNumber)?.intValue == 0o700)
    }

    @Test("events are append-only, even for another process")
    func appendOnlyEvents() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ledger = try SQLiteLedger(path: folder.ledgerPath)
        _ = try await claim(ledger, sha: "aa")
        let delete = try runProcess("/usr/bin/sqlite3", [folder.ledgerPath, "DELETE FROM events;"])
        #expect(delete.status != 0)
        #expect(delete.output.contains("append-only"))
        let update = try runProcess("/usr/bin/sqlite3", [folder.ledgerPath, "UPDATE events SET detail = 'x';"])
        #expect(update.status != 0)
        #expect(try await ledger.events(job: nil, after: 0, limit: 10).count == 1)
    }
}
