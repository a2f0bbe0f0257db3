import Foundation
import GRDB

extension SQLiteLedger {
    public func recordClaim(_ claim: ClaimRequest) async throws -> ClaimResult {
        let now = clock()
        return try await write { db in
            if let existing = try InputRecord.fetch(db, id: claim.inputID) {
                guard existing.sha256 == claim.sha256, existing.job == claim.job else {
                    throw LedgerError(.conflict, "input \(claim.inputID) was already recorded with other content")
                }
                if existing.state == .duplicate, let original = existing.duplicateOf {
                    return .duplicate(inputID: existing.id, of: original)
                }
                return .new(inputID: existing.id)
            }
            let original = try String.fetchOne(
                db,
                sql: """
                    SELECT id FROM inputs WHERE job = ? AND sha256 = ? AND state NOT IN ('failed', 'duplicate')
                    ORDER BY claimed_at LIMIT 1
                    """,
                arguments: [claim.job, claim.sha256]
            )
            let state: InputState = original == nil ? .claimed : .duplicate
            try db.execute(
                sql: """
                    INSERT INTO inputs (id, job, run_id, original_path, claimed_path, size, sha256, state,
                                        reason_code, reason, duplicate_of, attempts, host, worker, claimed_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)
                    """,
                arguments: [
                    claim.inputID, claim.job, claim.runID, claim.originalPath, claim.claimedPath, claim.size,
                    claim.sha256, state.rawValue,
                    original == nil ? nil : "duplicate_content",
                    original.map { "same content as input \($0)" },
                    original, claim.by.host, claim.by.worker, now, now,
                ]
            )
            let detail = original.map { "duplicate of \($0): \(claim.originalPath)" } ?? claim.originalPath
            try Self.appendEvent(db, time: now, job: claim.job, kind: original == nil ? "input.claimed" : "input.duplicate",
                                 runID: claim.runID, inputID: claim.inputID, host: claim.by.host, detail: detail)
            if let original { return .duplicate(inputID: claim.inputID, of: original) }
            return .new(inputID: claim.inputID)
        }
    }

    public func input(id: String) async throws -> InputRecord? {
        try await read { db in try InputRecord.fetch(db, id: id) }
    }

    public func pendingInputs(job: String) async throws -> [InputRecord] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM inputs WHERE job = ? AND finished_at IS NULL ORDER BY claimed_at, rowid",
                arguments: [job]
            ).map(InputRecord.init(row:))
        }
    }

    public func resumableInputs(job: String) async throws -> [InputRecord] {
        try await read { db in
            try Row.fetchAll(
                db, sql: """
                    SELECT inputs.* FROM inputs LEFT JOIN runs ON runs.id = inputs.run_id
                    WHERE inputs.job = ? AND inputs.finished_at IS NULL AND (runs.state IS NULL OR runs.state != 'running')
                    ORDER BY inputs.claimed_at, inputs.rowid
                    """,
                arguments: [job]
            ).map(InputRecord.init(row:))
        }
    }

    public func beginAttempt(inputID: String, run: String, by: WorkerIdentity) async throws -> InputRecord {
        let now = clock()
        return try await write { db in
            try db.execute(
                sql: """
                    UPDATE inputs SET attempts = attempts + 1, run_id = ?, host = ?, worker = ?, updated_at = ?
                    WHERE id = ? AND finished_at IS NULL
                      AND (run_id IS NULL OR run_id = ? OR run_id NOT IN (SELECT id FROM runs WHERE state = 'running'))
                    """,
                arguments: [run, by.host, by.worker, now, inputID, run]
            )
            let changed = db.changesCount == 1
            guard let input = try InputRecord.fetch(db, id: inputID) else {
                throw LedgerError(.notFound, "no input \(inputID)")
            }
            guard changed else {
                throw LedgerError(.invalidTransition, input.finishedAt != nil
                    ? "input \(inputID) is finished (\(input.state.rawValue))"
                    : "input \(inputID) is held by run \(input.runID ?? "?"), still running")
            }
            try Self.appendEvent(db, time: now, job: input.job, kind: "input.attempt", inputID: inputID,
                                 host: by.host, detail: "attempt \(input.attempts) by \(by.worker)")
            return input
        }
    }

    public func recordPages(inputID: String, pages: [PageRecord]) async throws {
        let now = clock()
        try await write { db in
            guard let input = try InputRecord.fetch(db, id: inputID) else {
                throw LedgerError(.notFound, "no input \(inputID)")
            }
            guard input.finishedAt == nil, input.state == .claimed || input.state == .read else {
                throw LedgerError(.invalidTransition,
                                  "pages of input \(inputID) cannot change in state \(input.state.rawValue)")
            }
            let existing = try Row.fetchAll(db, sql: "SELECT * FROM pages WHERE input_id = ?", arguments: [inputID])
                .map(PageRecord.init(row:))
            let batched = Dictionary(existing.filter { $0.batchID != nil }.map { ($0.page, $0) }) { a, _ in a }
            for page in pages {
                guard page.inputID == inputID else {
                    throw LedgerError(.conflict, "page \(page.key) given for input \(inputID)")
                }
                if let old = batched[page.page] {
                    guard old.readJSON == page.readJSON, old.status == page.status else {
                        throw LedgerError(.conflict, "page \(page.key) is already in batch \(old.batchID ?? "")")
                    }
                    continue
                }
                try db.execute(
                    sql: """
                        INSERT INTO pages (input_id, page, status, template, read_json, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (input_id, page) DO UPDATE SET
                            status = excluded.status, template = excluded.template,
                            read_json = excluded.read_json, updated_at = excluded.updated_at
                        """,
                    arguments: [inputID, page.page, page.status?.rawValue, page.template, page.readJSON, now]
                )
            }
            let kept = Set(pages.map(\.page))
            for old in existing where old.batchID == nil && !kept.contains(old.page) {
                try db.execute(sql: "DELETE FROM pages WHERE input_id = ? AND page = ?", arguments: [inputID, old.page])
            }
            try db.execute(sql: "UPDATE inputs SET state = 'read', updated_at = ? WHERE id = ?", arguments: [now, inputID])
            let statuses = pages.map { $0.status?.rawValue ?? "unvalidated" }.joined(separator: ",")
            try Self.appendEvent(db, time: now, job: input.job, kind: "input.read", inputID: inputID,
                                 host: input.by.host, detail: "\(pages.count) page(s): \(statuses)")
        }
    }

    public func pages(inputID: String) async throws -> [PageRecord] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM pages WHERE input_id = ? ORDER BY page", arguments: [inputID])
                .map(PageRecord.init(row:))
        }
    }

    public func markInput(id: String, as state: InputState, reason: LedgerReason?) async throws {
        guard [.exported, .review, .invalid, .failed].contains(state) else {
            throw LedgerError(.invalidTransition,
                              "markInput records exported, review, invalid or failed, not \(state.rawValue)")
        }
        let now = clock()
        try await write { db in
            guard let input = try InputRecord.fetch(db, id: id) else {
                throw LedgerError(.notFound, "no input \(id)")
            }
            if input.state == state { return }  // repeated call
            guard input.finishedAt == nil, state.allowedPredecessors.contains(input.state) else {
                throw LedgerError(.invalidTransition,
                                  "input \(id) cannot go from \(input.state.rawValue) to \(state.rawValue)")
            }
            if state == .exported { try Self.checkExported(db, inputID: id) }
            try db.execute(
                sql: """
                    UPDATE inputs SET state = ?, reason_code = ?, reason = ?, updated_at = ?
                    WHERE id = ? AND state = ? AND finished_at IS NULL
                    """,
                arguments: [state.rawValue, reason?.code, reason?.message, now, id, input.state.rawValue]
            )
            try Self.appendEvent(db, time: now, job: input.job, kind: "input.\(state.rawValue)", inputID: id,
                                 host: input.by.host, detail: reason.map { "\($0.code): \($0.message)" } ?? "")
        }
    }

    /// `exported` means every page was accepted and is in a written (or delivered) batch.
    private static func checkExported(_ db: Database, inputID: String) throws {
        let notExported = try Int.fetchOne(
            db,
            sql: """
                SELECT COUNT(*) FROM pages p LEFT JOIN batches b ON b.id = p.batch_id
                WHERE p.input_id = ? AND (p.status IS NOT 'accepted' OR b.state NOT IN ('written', 'delivered')
                                          OR b.state IS NULL)
                """,
            arguments: [inputID]
        ) ?? 0
        let pageCount = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM pages WHERE input_id = ?", arguments: [inputID]) ?? 0
        guard pageCount > 0, notExported == 0 else {
            throw LedgerError(.invalidTransition,
                              "input \(inputID) is not exported: \(notExported) of \(pageCount) page(s) are not accepted pages of a written batch")
        }
    }

    public func markInputRouted(id: String, to routedTo: String?) async throws {
        let now = clock()
        try await write { db in
            guard let input = try InputRecord.fetch(db, id: id) else {
                throw LedgerError(.notFound, "no input \(id)")
            }
            if input.finishedAt != nil {
                guard input.routedTo == routedTo else {
                    throw LedgerError(.invalidTransition, "input \(id) was already routed to \(input.routedTo ?? "nowhere")")
                }
                return
            }
            guard input.state == .exported || input.state.isOutcome else {
                throw LedgerError(.invalidTransition,
                                  "input \(id) has no outcome yet (\(input.state.rawValue)); record one before routing")
            }
            let state: InputState = input.state == .exported ? .archived : input.state
            try db.execute(
                sql: """
                    UPDATE inputs SET state = ?, routed_to = ?, finished_at = ?, updated_at = ?
                    WHERE id = ? AND finished_at IS NULL
                    """,
                arguments: [state.rawValue, routedTo, now, now, id]
            )
            try Self.appendEvent(db, time: now, job: input.job, kind: "input.routed", inputID: id,
                                 host: input.by.host, detail: "\(state.rawValue) → \(routedTo ?? "(left in place)")")
        }
    }
}
