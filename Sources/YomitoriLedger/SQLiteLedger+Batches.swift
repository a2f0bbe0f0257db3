import Foundation
import GRDB

extension SQLiteLedger {
    public func openBatch(job: String, runID: String?, date: String) async throws -> BatchRecord {
        let id = Self.newID()
        let now = clock()
        return try await write { db in
            let seq = (try Int.fetchOne(
                db, sql: "SELECT MAX(seq) FROM batches WHERE job = ? AND date = ?", arguments: [job, date]
            ) ?? 0) + 1
            try db.execute(
                sql: "INSERT INTO batches (id, job, run_id, date, seq, state, created_at) VALUES (?, ?, ?, ?, ?, 'open', ?)",
                arguments: [id, job, runID, date, seq, now]
            )
            try Self.appendEvent(db, time: now, job: job, kind: "batch.opened", runID: runID, batchID: id,
                                 detail: "\(date) #\(seq)")
            return BatchRecord(id: id, job: job, runID: runID, date: date, seq: seq, state: .open, createdAt: now,
                               writtenAt: nil, deliveredAt: nil, recordCount: 0, outputs: [])
        }
    }

    public func addPages(_ pages: [PageKey], toBatch batchID: String) async throws {
        let now = clock()
        try await write { db in
            let batch = try Self.batch(db, batchID, in: [.open], doing: "add pages to")
            var added = 0
            for key in pages {
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT p.batch_id, i.job FROM pages p JOIN inputs i ON i.id = p.input_id
                        WHERE p.input_id = ? AND p.page = ?
                        """,
                    arguments: [key.inputID, key.page]
                )
                guard let row else { throw LedgerError(.notFound, "no page \(key)") }
                let current: String? = try row.decode(forColumn: "batch_id")
                let job: String = try row.decode(forColumn: "job")
                guard job == batch.job else {
                    throw LedgerError(.conflict, "page \(key) belongs to job \(job), the batch to \(batch.job)")
                }
                if current == batchID { continue }
                if let current {
                    let state = try String.fetchOne(db, sql: "SELECT state FROM batches WHERE id = ?", arguments: [current])
                    if state != BatchState.discarded.rawValue {
                        throw LedgerError(.conflict, "page \(key) is already in batch \(current)")
                    }
                }
                try db.execute(
                    sql: "UPDATE pages SET batch_id = ?, updated_at = ? WHERE input_id = ? AND page = ?",
                    arguments: [batchID, now, key.inputID, key.page]
                )
                added += 1
            }
            if added > 0 {
                try Self.appendEvent(db, time: now, job: batch.job, kind: "batch.pages", batchID: batchID,
                                     detail: "\(added) page(s) added")
            }
        }
    }

    public func planBatchOutputs(batchID: String, outputs: [BatchOutput]) async throws {
        let now = clock()
        try await write { db in
            let batch = try Self.batch(db, batchID, in: [.open], doing: "plan outputs of")
            let planned = batch.outputs.map { [$0.path, $0.temporaryPath] }
            if planned == outputs.map({ [$0.path, $0.temporaryPath] }) { return }  // repeated call
            for output in outputs {
                let owner = try String.fetchOne(
                    db, sql: "SELECT batch_id FROM batch_outputs WHERE path = ? AND batch_id <> ?",
                    arguments: [output.path, batchID]
                )
                if let owner {
                    throw LedgerError(.conflict, "output \(output.path) was already planned by batch \(owner)")
                }
            }
            try db.execute(sql: "DELETE FROM batch_outputs WHERE batch_id = ?", arguments: [batchID])
            for (position, output) in outputs.enumerated() {
                try db.execute(
                    sql: "INSERT INTO batch_outputs (batch_id, position, path, temp_path) VALUES (?, ?, ?, ?)",
                    arguments: [batchID, position, output.path, output.temporaryPath]
                )
            }
            try Self.appendEvent(db, time: now, job: batch.job, kind: "batch.planned", batchID: batchID,
                                 detail: outputs.map(\.path).joined(separator: "\n"))
        }
    }

    public func markBatchWritten(batchID: String, outputs: [BatchOutput], recordCount: Int) async throws {
        let now = clock()
        try await write { db in
            let batch = try Self.batch(db, batchID, in: [.open, .written, .delivered], doing: "mark written")
            let sameOutputs = batch.outputs.map { [$0.path, $0.temporaryPath] } == outputs.map { [$0.path, $0.temporaryPath] }
            if batch.state != .open {
                guard sameOutputs, batch.outputs.map(\.sha256) == outputs.map(\.sha256) else {
                    throw LedgerError(.invalidTransition, "batch \(batchID) was already written with other content")
                }
                return
            }
            guard sameOutputs else {
                throw LedgerError(.conflict, "batch \(batchID): written outputs differ from the planned ones; plan them first")
            }
            for (position, output) in outputs.enumerated() {
                guard let sha = output.sha256, let bytes = output.bytes else {
                    throw LedgerError(.conflict, "batch \(batchID): output \(output.path) has no SHA-256 or size")
                }
                try db.execute(
                    sql: "UPDATE batch_outputs SET sha256 = ?, bytes = ? WHERE batch_id = ? AND position = ?",
                    arguments: [sha, bytes, batchID, position]
                )
            }
            try db.execute(
                sql: "UPDATE batches SET state = 'written', written_at = ?, record_count = ? WHERE id = ? AND state = 'open'",
                arguments: [now, recordCount, batchID]
            )
            try Self.appendEvent(db, time: now, job: batch.job, kind: "batch.written", batchID: batchID,
                                 detail: "\(recordCount) record(s): " + outputs.map(\.path).joined(separator: ", "))
        }
    }

    public func markBatchDelivered(batchID: String) async throws {
        let now = clock()
        try await write { db in
            let batch = try Self.batch(db, batchID, in: [.written, .delivered], doing: "mark delivered")
            guard batch.state == .written else { return }
            try db.execute(
                sql: "UPDATE batches SET state = 'delivered', delivered_at = ? WHERE id = ? AND state = 'written'",
                arguments: [now, batchID]
            )
            try Self.appendEvent(db, time: now, job: batch.job, kind: "batch.delivered", batchID: batchID)
        }
    }

    public func discardBatch(batchID: String) async throws {
        let now = clock()
        try await write { db in
            let batch = try Self.batch(db, batchID, in: [.open, .discarded], doing: "discard")
            guard batch.state == .open else { return }
            try db.execute(sql: "UPDATE pages SET batch_id = NULL WHERE batch_id = ?", arguments: [batchID])
            // Never written, so its paths are free again (the event keeps the history).
            try db.execute(sql: "DELETE FROM batch_outputs WHERE batch_id = ?", arguments: [batchID])
            try db.execute(sql: "UPDATE batches SET state = 'discarded' WHERE id = ? AND state = 'open'", arguments: [batchID])
            try Self.appendEvent(db, time: now, job: batch.job, kind: "batch.discarded", batchID: batchID)
        }
    }

    public func batch(id: String) async throws -> BatchRecord? {
        try await read { db in try BatchRecord.fetch(db, id: id) }
    }

    public func unfinishedBatches(job: String) async throws -> [BatchRecord] {
        try await read { db in
            let ids = try String.fetchAll(
                db, sql: """
                    SELECT batches.id FROM batches LEFT JOIN runs ON runs.id = batches.run_id
                    WHERE batches.job = ? AND batches.state IN ('open', 'written') AND (runs.state IS NULL OR runs.state != 'running')
                    ORDER BY batches.created_at, batches.rowid
                    """,
                arguments: [job]
            )
            return try ids.compactMap { try BatchRecord.fetch(db, id: $0) }
        }
    }

    public func batchRecords(batchID: String) async throws -> [PageRecord] {
        try await read { db in
            guard try BatchRecord.fetch(db, id: batchID) != nil else {
                throw LedgerError(.notFound, "no batch \(batchID)")
            }
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT p.* FROM pages p JOIN inputs i ON i.id = p.input_id
                    WHERE p.batch_id = ? ORDER BY i.claimed_at, i.rowid, p.page
                    """,
                arguments: [batchID]
            ).map(PageRecord.init(row:))
        }
    }

    /// The batch, checked to be in one of `states` (compare-and-set guard for batch operations).
    private static func batch(_ db: Database, _ id: String, in states: Set<BatchState>, doing action: String) throws
        -> BatchRecord
    {
        guard let batch = try BatchRecord.fetch(db, id: id) else {
            throw LedgerError(.notFound, "no batch \(id)")
        }
        guard states.contains(batch.state) else {
            throw LedgerError(.invalidTransition, "cannot \(action) batch \(id): it is \(batch.state.rawValue)")
        }
        return batch
    }
}
