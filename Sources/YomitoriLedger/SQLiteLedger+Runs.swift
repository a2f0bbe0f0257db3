import Foundation
import GRDB

extension SQLiteLedger {
    public func beginRun(_ start: RunStart) async throws -> RunRecord {
        let id = Self.newID()
        let now = clock()
        return try await write { db in
            if start.abandonStaleRunsOnThisHost {
                let stale = try String.fetchAll(
                    db, sql: "SELECT id FROM runs WHERE job = ? AND host = ? AND state = 'running'",
                    arguments: [start.job, start.by.host]
                )
                for staleID in stale {
                    try db.execute(
                        sql: "UPDATE runs SET state = 'aborted', finished_at = ? WHERE id = ? AND state = 'running'",
                        arguments: [now, staleID]
                    )
                    try Self.appendEvent(db, time: now, job: start.job, kind: "run.aborted", runID: staleID,
                                         host: start.by.host, detail: "found still running when run \(id) started")
                }
            }
            try db.execute(
                sql: """
                    INSERT INTO runs (id, job, trigger, host, worker, state, started_at)
                    VALUES (?, ?, ?, ?, ?, 'running', ?)
                    """,
                arguments: [id, start.job, start.trigger, start.by.host, start.by.worker, now]
            )
            try Self.appendEvent(db, time: now, job: start.job, kind: "run.started", runID: id,
                                 host: start.by.host, detail: start.trigger)
            return RunRecord(id: id, job: start.job, trigger: start.trigger, by: start.by, state: .running,
                             startedAt: now, finishedAt: nil, counts: RunCounts(), reportJSON: nil)
        }
    }

    public func finishRun(id: String, state: RunRecord.State, counts: RunCounts, reportJSON: String?) async throws {
        guard state != .running else {
            throw LedgerError(.invalidTransition, "a run cannot be finished as 'running'")
        }
        let now = clock()
        let countsJSON = String(decoding: try JSONEncoder().encode(counts), as: UTF8.self)
        try await write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM runs WHERE id = ?", arguments: [id]) else {
                throw LedgerError(.notFound, "no run \(id)")
            }
            let run = try RunRecord(row: row)
            guard run.state == .running || run.state == state else {
                throw LedgerError(.invalidTransition, "run \(id) is already \(run.state.rawValue)")
            }
            try db.execute(
                sql: """
                    UPDATE runs SET state = ?, finished_at = COALESCE(finished_at, ?), counts_json = ?, report_json = ?
                    WHERE id = ?
                    """,
                arguments: [state.rawValue, now, countsJSON, reportJSON, id]
            )
            if run.state == .running {
                try Self.appendEvent(db, time: now, job: run.job, kind: "run.\(state.rawValue)", runID: id,
                                     host: run.by.host, detail: countsJSON)
            }
        }
    }

    public func runs(job: String, limit: Int) async throws -> [RunRecord] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM runs WHERE job = ? ORDER BY started_at DESC, rowid DESC LIMIT ?",
                arguments: [job, limit]
            ).map(RunRecord.init(row:))
        }
    }

    public func runningRuns(job: String) async throws -> [RunRecord] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM runs WHERE job = ? AND state = 'running' ORDER BY started_at, rowid",
                arguments: [job]
            ).map(RunRecord.init(row:))
        }
    }
}
