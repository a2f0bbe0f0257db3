import Foundation
import GRDB

// MARK: - Rows to records

extension InputRecord {
    init(row: Row) throws {
        let stateText: String = try row.decode(forColumn: "state")
        guard let state = InputState(rawValue: stateText) else {
            throw LedgerError(.storage, "input has unknown state '\(stateText)'")
        }
        let reasonCode: String? = try row.decode(forColumn: "reason_code")
        let reasonText: String? = try row.decode(forColumn: "reason")
        self.init(
            id: try row.decode(forColumn: "id"),
            job: try row.decode(forColumn: "job"),
            runID: try row.decode(forColumn: "run_id"),
            originalPath: try row.decode(forColumn: "original_path"),
            claimedPath: try row.decode(forColumn: "claimed_path"),
            size: try row.decode(forColumn: "size"),
            sha256: try row.decode(forColumn: "sha256"),
            state: state,
            reason: reasonCode.map { LedgerReason(code: $0, message: reasonText ?? "") },
            duplicateOf: try row.decode(forColumn: "duplicate_of"),
            attempts: try row.decode(forColumn: "attempts"),
            by: WorkerIdentity(host: try row.decode(forColumn: "host"), worker: try row.decode(forColumn: "worker")),
            claimedAt: try row.decode(forColumn: "claimed_at"),
            updatedAt: try row.decode(forColumn: "updated_at"),
            routedTo: try row.decode(forColumn: "routed_to"),
            finishedAt: try row.decode(forColumn: "finished_at")
        )
    }

    static func fetch(_ db: Database, id: String) throws -> InputRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM inputs WHERE id = ?", arguments: [id]).map(InputRecord.init(row:))
    }
}

extension PageRecord {
    init(row: Row) throws {
        let statusText: String? = try row.decode(forColumn: "status")
        self.init(
            inputID: try row.decode(forColumn: "input_id"),
            page: try row.decode(forColumn: "page"),
            status: statusText.flatMap(PageStatus.init(rawValue:)),
            template: try row.decode(forColumn: "template"),
            readJSON: try row.decode(forColumn: "read_json"),
            batchID: try row.decode(forColumn: "batch_id")
        )
    }
}

extension BatchOutput {
    init(row: Row) throws {
        self.init(
            path: try row.decode(forColumn: "path"),
            temporaryPath: try row.decode(forColumn: "temp_path"),
            sha256: try row.decode(forColumn: "sha256"),
            bytes: try row.decode(forColumn: "bytes")
        )
    }
}

extension BatchRecord {
    init(row: Row, outputs: [BatchOutput]) throws {
        let stateText: String = try row.decode(forColumn: "state")
        guard let state = BatchState(rawValue: stateText) else {
            throw LedgerError(.storage, "batch has unknown state '\(stateText)'")
        }
        self.init(
            id: try row.decode(forColumn: "id"),
            job: try row.decode(forColumn: "job"),
            runID: try row.decode(forColumn: "run_id"),
            date: try row.decode(forColumn: "date"),
            seq: try row.decode(forColumn: "seq"),
            state: state,
            createdAt: try row.decode(forColumn: "created_at"),
            writtenAt: try row.decode(forColumn: "written_at"),
            deliveredAt: try row.decode(forColumn: "delivered_at"),
            recordCount: try row.decode(forColumn: "record_count"),
            outputs: outputs
        )
    }

    static func fetch(_ db: Database, id: String) throws -> BatchRecord? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM batches WHERE id = ?", arguments: [id]) else {
            return nil
        }
        let outputs = try Row.fetchAll(
            db, sql: "SELECT * FROM batch_outputs WHERE batch_id = ? ORDER BY position", arguments: [id]
        ).map(BatchOutput.init(row:))
        return try BatchRecord(row: row, outputs: outputs)
    }
}

extension RunRecord {
    init(row: Row) throws {
        let stateText: String = try row.decode(forColumn: "state")
        guard let state = State(rawValue: stateText) else {
            throw LedgerError(.storage, "run has unknown state '\(stateText)'")
        }
        let countsJSON: String = try row.decode(forColumn: "counts_json")
        let counts = (try? JSONDecoder().decode(RunCounts.self, from: Data(countsJSON.utf8))) ?? RunCounts()
        self.init(
            id: try row.decode(forColumn: "id"),
            job: try row.decode(forColumn: "job"),
            trigger: try row.decode(forColumn: "trigger"),
            by: WorkerIdentity(host: try row.decode(forColumn: "host"), worker: try row.decode(forColumn: "worker")),
            state: state,
            startedAt: try row.decode(forColumn: "started_at"),
            finishedAt: try row.decode(forColumn: "finished_at"),
            counts: counts,
            reportJSON: try row.decode(forColumn: "report_json")
        )
    }
}

extension LedgerEvent {
    init(row: Row) throws {
        self.init(
            sequence: try row.decode(forColumn: "seq"),
            time: try row.decode(forColumn: "time"),
            job: try row.decode(forColumn: "job"),
            kind: try row.decode(forColumn: "kind"),
            runID: try row.decode(forColumn: "run_id"),
            inputID: try row.decode(forColumn: "input_id"),
            batchID: try row.decode(forColumn: "batch_id"),
            host: try row.decode(forColumn: "host"),
            detail: try row.decode(forColumn: "detail")
        )
    }
}
