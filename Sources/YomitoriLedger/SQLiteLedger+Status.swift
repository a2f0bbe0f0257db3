public import Foundation
import GRDB

extension SQLiteLedger {
    public func recordEvent(
        job: String, kind: String, runID: String?, inputID: String?, batchID: String?, detail: String
    ) async throws {
        let now = clock()
        try await write { db in
            try Self.appendEvent(db, time: now, job: job, kind: kind, runID: runID, inputID: inputID,
                                 batchID: batchID, detail: detail)
        }
    }

    public func events(job: String?, after sequence: Int64, limit: Int) async throws -> [LedgerEvent] {
        try await read { db in
            let rows: [Row]
            if let job {
                rows = try Row.fetchAll(db, sql: "SELECT * FROM events WHERE job = ? AND seq > ? ORDER BY seq LIMIT ?",
                                        arguments: [job, sequence, limit])
            } else {
                rows = try Row.fetchAll(db, sql: "SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ?",
                                        arguments: [sequence, limit])
            }
            return try rows.map(LedgerEvent.init(row:))
        }
    }

    public func statusSummary(job: String?, since: Date?, recentRuns: Int) async throws -> [JobStatus] {
        try await read { db in
            var jobs = try String.fetchAll(db, sql: "SELECT job FROM inputs UNION SELECT job FROM runs ORDER BY 1")
            if let job { jobs = [job] }
            return try jobs.map { try Self.status(db, job: $0, since: since, recentRuns: recentRuns) }
        }
    }

    private static func status(_ db: Database, job: String, since: Date?, recentRuns: Int) throws -> JobStatus {
        var status = JobStatus(job: job)
        let sinceDate = since ?? Date.distantPast
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT state, finished_at IS NULL AS pending, COUNT(*) AS n, MIN(claimed_at) AS oldest
                FROM inputs WHERE job = ? AND (finished_at IS NULL OR claimed_at >= ?)
                GROUP BY state, finished_at IS NULL
                """,
            arguments: [job, sinceDate]
        )
        for row in rows {
            let stateText: String = try row.decode(forColumn: "state")
            let pending: Bool = try row.decode(forColumn: "pending")
            let count: Int = try row.decode(forColumn: "n")
            guard let state = InputState(rawValue: stateText) else { continue }
            if pending && !state.isOutcome {
                status.inFlight += count
                let oldest: Date? = try row.decode(forColumn: "oldest")
                if let oldest, status.oldestInFlight.map({ oldest < $0 }) ?? true { status.oldestInFlight = oldest }
                continue
            }
            if pending { status.awaitingRoute += count }
            switch state {
            case .review: status.review += count
            case .invalid: status.invalid += count
            case .failed: status.failed += count
            case .duplicate: status.duplicates += count
            case .archived: status.archived += count
            case .claimed, .read, .exported: break
            }
        }
        status.unfinishedBatches = try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM batches WHERE job = ? AND state IN ('open', 'written')", arguments: [job]
        ) ?? 0
        status.lastRuns = try Row.fetchAll(
            db, sql: "SELECT * FROM runs WHERE job = ? ORDER BY started_at DESC, rowid DESC LIMIT ?",
            arguments: [job, recentRuns]
        ).map(RunRecord.init(row:))
        status.recentFailures = try Row.fetchAll(
            db, sql: "SELECT * FROM inputs WHERE job = ? AND state = 'failed' ORDER BY updated_at DESC, rowid DESC LIMIT ?",
            arguments: [job, recentRuns]
        ).map(InputRecord.init(row:))
        return status
    }
}
