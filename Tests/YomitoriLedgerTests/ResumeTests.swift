import Foundation
import Synchronization
import Testing
import YomitoriLedger

@Suite("Ledger: resuming after a crash")
struct ResumeTests {
    @Test("a reopened ledger lists every unfinished input and batch")
    func reopenAfterCrash() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var ids: [String] = []
        var batchID = ""
        do {
            // The first process: claims three files, reads one, exports and routes another, then dies.
            let ledger = try SQLiteLedger(path: folder.ledgerPath, clock: SteppingClock().now)
            let run = try await ledger.beginRun(RunStart(job: "juminhyo", trigger: "schedule", by: me))
            for sha in ["a", "b", "c"] { ids.append(try await claim(ledger, sha: sha, run: run.id).inputID) }
            try await ledger.recordPages(inputID: ids[0], pages: [page(ids[0], 0, .accepted)])
            try await ledger.recordPages(inputID: ids[2], pages: [page(ids[2], 0, .invalid)])
            try await ledger.markInput(id: ids[2], as: .invalid, reason: nil)
            try await ledger.markInputRouted(id: ids[2], to: "/error/c.pdf")
            let batch = try await ledger.openBatch(job: "juminhyo", runID: run.id, date: "20250601")
            try await ledger.addPages([PageKey(inputID: ids[0], page: 0)], toBatch: batch.id)
            batchID = batch.id
        }
        // The next start: same file, new connection.
        let clock = SteppingClock(start: Date(timeIntervalSince1970: 1_760_000_000))
        let ledger = try SQLiteLedger(path: folder.ledgerPath, clock: clock.now)
        let run = try await ledger.beginRun(RunStart(job: "juminhyo", trigger: "schedule", by: me))
        let pending = try await ledger.pendingInputs(job: "juminhyo")
        #expect(pending.map(\.id) == [ids[0], ids[1]])
        #expect(pending.map(\.state) == [.read, .claimed])
        #expect(try await ledger.unfinishedBatches(job: "juminhyo").map(\.id) == [batchID])

        // The dead run is marked aborted; attempts count up so a crashing file can be given up on.
        let runs = try await ledger.runs(job: "juminhyo", limit: 5)
        #expect(runs.map(\.state) == [.running, .aborted])
        #expect(runs.first?.id == run.id)
        let next = WorkerIdentity(host: "host-a", worker: "pid 2 / worker 1")
        #expect(try await ledger.beginAttempt(inputID: ids[1], run: run.id, by: next).attempts == 1)
        #expect(try await ledger.beginAttempt(inputID: ids[1], run: run.id, by: next).attempts == 2)
        #expect(try await ledger.input(id: ids[1])?.by == next)
        await #expect(throws: LedgerError.self) {  // finished inputs are not attempted again
            try await ledger.beginAttempt(inputID: ids[2], run: run.id, by: next)
        }
    }
}

extension ResumeTests {
    @Test("inputs and batches a running run on another host holds are not resumed; once that run ends they are, and the first runner to attempt an input holds it")
    func heldInputsAreNotResumed() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ledger = try SQLiteLedger(path: folder.ledgerPath, clock: SteppingClock().now)
        let other = WorkerIdentity(host: "host-b", worker: "run-7")
        // host-b's run claims two inputs and is still reading them, and opens a batch.
        let theirs = try await ledger.beginRun(RunStart(job: "juminhyo", trigger: "serve", by: other))
        guard case .new(let first) = try await claim(ledger, sha: "first", run: theirs.id),
              case .new(let second) = try await claim(ledger, sha: "second", run: theirs.id) else { Issue.record("not claimed"); return }
        let batch = try await ledger.openBatch(job: "juminhyo", runID: theirs.id, date: "20250601")
        // A run on this host starts: host-b's run is not this host's to abort.
        let mine = try await ledger.beginRun(RunStart(job: "juminhyo", trigger: "serve", by: me))
        #expect(try await ledger.pendingInputs(job: "juminhyo").map(\.id) == [first, second])
        #expect(try await ledger.resumableInputs(job: "juminhyo").isEmpty, "host-b is reading them")
        #expect(try await ledger.unfinishedBatches(job: "juminhyo").isEmpty, "host-b is writing it")
        await #expect(throws: LedgerError.self, "held by host-b's running run") {
            try await ledger.beginAttempt(inputID: first, run: mine.id, by: me)
        }
        // host-b's run ends (it died, and host-b restarted): everything it held is free.
        try await ledger.finishRun(id: theirs.id, state: .aborted, counts: RunCounts(), reportJSON: nil)
        #expect(try await ledger.resumableInputs(job: "juminhyo").map(\.id) == [first, second])
        #expect(try await ledger.unfinishedBatches(job: "juminhyo").map(\.id) == [batch.id])
        // Two runners planned at the same moment: the first attempt holds the input.
        let third = try await ledger.beginRun(RunStart(job: "juminhyo", trigger: "serve", by: WorkerIdentity(host: "host-c", worker: "run-3")))
        #expect(try await ledger.beginAttempt(inputID: first, run: mine.id, by: me).attempts == 1)
        await #expect(throws: LedgerError.self, "held by this host's run now") {
            try await ledger.beginAttempt(inputID: first, run: third.id, by: me)
        }
        #expect(try await ledger.beginAttempt(inputID: first, run: mine.id, by: me).attempts == 2, "its holder may attempt again")
        #expect(try await ledger.resumableInputs(job: "juminhyo").map(\.id) == [second])
        // The holder's run ends with the input still pending (left for the next pass): free again.
        try await ledger.finishRun(id: mine.id, state: .finished, counts: RunCounts(), reportJSON: nil)
        #expect(try await ledger.resumableInputs(job: "juminhyo").map(\.id) == [first, second])
    }
}

@Suite("Ledger: several connections and processes")
struct ConcurrencyTests {
    @Test("runners starting at the same moment all open a new ledger file (switching it to WAL does not fail one of them)")
    func racingOpens() throws {
        for round in 0..<5 {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let failures = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 8) { _ in
                do { _ = try SQLiteLedger(path: folder.ledgerPath) } catch { failures.withLock { $0.append("\(error)") } }
            }
            #expect(failures.withLock { $0 }.isEmpty, "round \(round)")
        }
    }

    @Test("two ledgers on one file: racing claims of the same content give one new input each")
    func racingClaims() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let first = try SQLiteLedger(path: folder.ledgerPath)
        let second = try SQLiteLedger(path: folder.ledgerPath)
        let contents = (0..<40).map { "content-\($0)" }
        let results = try await withThrowingTaskGroup(of: (String, ClaimResult).self) { group in
            for sha in contents {
                for ledger in [first, second] {
                    group.addTask { (sha, try await claim(ledger, sha: sha)) }
                }
            }
            var results: [(String, ClaimResult)] = []
            for try await result in group { results.append(result) }
            return results
        }
        for sha in contents {
            let mine = results.filter { $0.0 == sha }.map(\.1)
            let new = mine.filter { if case .new = $0 { true } else { false } }
            #expect(mine.count == 2)
            #expect(new.count == 1, "\(sha)")
        }
        #expect(try await first.pendingInputs(job: "juminhyo").count == 80)
    }

    @Test("another process writing at the same time (sqlite3) waits its turn; nothing is lost")
    func secondProcess() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ledger = try SQLiteLedger(path: folder.ledgerPath)
        _ = try await claim(ledger, sha: "first")
        // 300 separate write transactions from another process, each holding the write lock briefly.
        let script = (0..<300).map {
            "BEGIN IMMEDIATE; INSERT INTO events (time, job, kind, detail) VALUES ('2025-06-01 00:00:00.000', 'other', 'test.external', '\($0)'); COMMIT;"
        }.joined(separator: "\n")
        let scriptPath = folder.path + "/writes.sql"
        try script.write(toFile: scriptPath, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exec /usr/bin/sqlite3 -cmd '.timeout 30000' \"$0\" < \"$1\"", folder.ledgerPath, scriptPath]
        try process.run()
        for index in 0..<100 {
            _ = try await claim(ledger, sha: "ours-\(index)")
        }
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try await ledger.events(job: "other", after: 0, limit: 1000).count == 300)
        #expect(try await ledger.pendingInputs(job: "juminhyo").count == 101)
    }
}
