import Foundation
import Testing
import YomitoriLedger

@Suite("Ledger: status summary")
struct StatusSummaryTests {
    @Test("counts in flight, awaiting route, outcomes, batches and recent runs per job")
    func summary() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ledger = try SQLiteLedger(path: folder.ledgerPath, clock: SteppingClock().now)
        let run = try await ledger.beginRun(RunStart(job: "juminhyo", trigger: "watch", by: me))
        let inFlight = try await claim(ledger, sha: "1").inputID
        let review = try await claim(ledger, sha: "2").inputID
        let failed = try await claim(ledger, sha: "3").inputID
        _ = try await claim(ledger, sha: "2")  // duplicate, not yet routed
        try await ledger.recordPages(inputID: review, pages: [page(review, 0, .review)])
        try await ledger.markInput(id: review, as: .review, reason: nil)
        try await ledger.markInputRouted(id: review, to: "/review/x.pdf")
        try await ledger.markInput(id: failed, as: .failed, reason: LedgerReason(code: "unreadable_file", message: "x"))
        _ = try await ledger.openBatch(job: "juminhyo", runID: run.id, date: "20250601")
        try await ledger.finishRun(id: run.id, state: .finished, counts: RunCounts(claimed: 4, duplicates: 1),
                                   reportJSON: nil)
        _ = try await claim(ledger, job: "tennyu", sha: "9")

        let all = try await ledger.statusSummary(job: nil, since: nil, recentRuns: 3)
        #expect(all.map(\.job) == ["juminhyo", "tennyu"])
        let status = try #require(all.first)
        #expect(status.inFlight == 1)
        #expect(status.awaitingRoute == 2)  // the failed input and the duplicate
        #expect(status.review == 1)
        #expect(status.failed == 1)
        #expect(status.duplicates == 1)
        #expect(status.unfinishedBatches == 1)
        #expect(status.oldestInFlight == (try await ledger.input(id: inFlight))?.claimedAt)
        #expect(status.lastRuns.map(\.counts.claimed) == [4])
        #expect(status.recentFailures.map(\.id) == [failed])
        #expect(try await ledger.statusSummary(job: "tennyu", since: nil, recentRuns: 1).first?.inFlight == 1)
    }
}
