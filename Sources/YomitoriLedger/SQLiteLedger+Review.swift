public import Foundation
import GRDB

extension SQLiteLedger: ReviewLedger {
    // MARK: - Queue and pages

    public func reviewQueue(job: String?, limit: Int) async throws -> [ReviewQueueEntry] {
        let now = clock()
        return try await read { db in
            var sql = """
                SELECT p.input_id, p.page, p.template, i.job, i.original_path, i.claimed_at,
                       CASE WHEN l.until > ? THEN l.user_name END AS leased_by
                FROM pages p JOIN inputs i ON i.id = p.input_id
                LEFT JOIN review_leases l ON l.input_id = p.input_id AND l.page = p.page
                WHERE i.state = 'review' AND i.finished_at IS NOT NULL AND p.status = 'review'
                """
            var arguments: StatementArguments = [now]
            if let job {
                sql += " AND i.job = ?"
                arguments += [job]
            }
            sql += " ORDER BY i.claimed_at, i.rowid, p.page LIMIT ?"
            arguments += [limit]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                ReviewQueueEntry(
                    key: PageKey(inputID: row["input_id"], page: row["page"]), job: row["job"], template: row["template"],
                    originalPath: row["original_path"], claimedAt: row["claimed_at"], leasedBy: row["leased_by"]
                )
            }
        }
    }

    public func reviewPage(_ key: PageKey) async throws -> ReviewPage? {
        try await read { db in try Self.reviewPage(db, key) }
    }

    static func reviewPage(_ db: Database, _ key: PageKey) throws -> ReviewPage? {
        guard let input = try InputRecord.fetch(db, id: key.inputID),
              let row = try Row.fetchOne(db, sql: "SELECT * FROM pages WHERE input_id = ? AND page = ?",
                                         arguments: [key.inputID, key.page])
        else { return nil }
        let lease = try Row.fetchOne(
            db, sql: "SELECT user_name, until FROM review_leases WHERE input_id = ? AND page = ?",
            arguments: [key.inputID, key.page]
        ).map { ReviewLease(user: $0["user_name"], until: $0["until"]) }
        return ReviewPage(input: input, page: try PageRecord(row: row), version: row["review_version"], lease: lease)
    }

    public func leasePage(_ key: PageKey, user: String, until: Date) async throws -> ReviewLease {
        let now = clock()
        return try await write { db in
            guard try Self.reviewPage(db, key) != nil else { throw LedgerError(.notFound, "no page \(key)") }
            try db.execute(
                sql: """
                    INSERT INTO review_leases (input_id, page, user_name, until) VALUES (?, ?, ?, ?)
                    ON CONFLICT (input_id, page) DO UPDATE SET user_name = excluded.user_name, until = excluded.until
                    WHERE review_leases.user_name = excluded.user_name OR review_leases.until <= ?
                    """,
                arguments: [key.inputID, key.page, user, until, now]
            )
            let row = try Row.fetchOne(
                db, sql: "SELECT user_name, until FROM review_leases WHERE input_id = ? AND page = ?",
                arguments: [key.inputID, key.page]
            )
            guard let row else { throw LedgerError(.storage, "lease of \(key) vanished") }
            return ReviewLease(user: row["user_name"], until: row["until"])
        }
    }

    public func releaseLeases(user: String) async throws {
        try await write { db in
            try db.execute(sql: "DELETE FROM review_leases WHERE user_name = ?", arguments: [user])
        }
    }

    public func decidePage(_ decision: ReviewDecision) async throws -> ReviewDecisionResult {
        let now = clock()
        return try await write { db in
            let key = decision.key
            guard let current = try Self.reviewPage(db, key) else { throw LedgerError(.notFound, "no page \(key)") }
            guard current.isWaiting, current.version == decision.expectedVersion else {
                throw LedgerError(.conflict, "page \(key) was already decided or changed (version \(current.version))")
            }
            let input = current.input
            switch decision.action {
            case .approve(let json):
                try db.execute(
                    sql: """
                        UPDATE pages SET status = 'accepted', read_json = ?, review_version = review_version + 1,
                                         updated_at = ?
                        WHERE input_id = ? AND page = ? AND status = 'review' AND review_version = ?
                        """,
                    arguments: [json, now, key.inputID, key.page, decision.expectedVersion]
                )
            case .reject:
                try db.execute(
                    sql: """
                        UPDATE pages SET status = 'invalid', review_version = review_version + 1, updated_at = ?
                        WHERE input_id = ? AND page = ? AND status = 'review' AND review_version = ?
                        """,
                    arguments: [now, key.inputID, key.page, decision.expectedVersion]
                )
            }
            guard db.changesCount == 1 else { throw LedgerError(.conflict, "page \(key) was decided meanwhile") }
            try db.execute(sql: "DELETE FROM review_leases WHERE input_id = ? AND page = ?", arguments: [key.inputID, key.page])
            let kind: String
            var result = ReviewDecisionResult(inputState: .review, released: false)
            switch decision.action {
            case .approve:
                kind = "review.approved"
                let waiting = try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM pages WHERE input_id = ? AND status IS NOT 'accepted'",
                    arguments: [key.inputID]
                ) ?? 0
                if waiting == 0 {
                    try Self.release(db, input, to: .read, reason: nil, now: now)
                    result = ReviewDecisionResult(inputState: .read, released: true)
                }
            case .reject(let reason):
                kind = "review.rejected"
                try Self.release(db, input, to: .invalid, reason: LedgerReason(code: "review_rejected", message: reason), now: now)
                result = ReviewDecisionResult(inputState: .invalid, released: true)
            }
            try Self.appendEvent(db, time: now, job: input.job, kind: kind, inputID: input.id,
                                 detail: "page \(key.page + 1) by \(decision.user)")
            try Self.insertAudit(db, decision.audit)
            return result
        }
    }

    /// `review → read` or `review → invalid`, pending again, with the file where it is now.
    private static func release(_ db: Database, _ input: InputRecord, to state: InputState, reason: LedgerReason?, now: Date) throws {
        let path = input.routedTo ?? input.claimedPath
        try db.execute(
            sql: """
                UPDATE inputs SET state = ?, reason_code = ?, reason = ?, claimed_path = ?, routed_to = NULL,
                                  finished_at = NULL, updated_at = ?
                WHERE id = ? AND state = 'review'
                """,
            arguments: [state.rawValue, reason?.code, reason?.message, path, now, input.id]
        )
        guard db.changesCount == 1 else { throw LedgerError(.conflict, "input \(input.id) left review meanwhile") }
        try appendEvent(db, time: now, job: input.job, kind: "input.released", inputID: input.id,
                        detail: "review → \(state.rawValue): \(path)")
    }

    // MARK: - Users

    public func addUser(_ user: ReviewUser) async throws {
        let now = clock()
        try await write { db in
            if try Row.fetchOne(db, sql: "SELECT 1 FROM users WHERE name = ?", arguments: [user.name]) != nil {
                throw LedgerError(.conflict, "user \(user.name) exists")
            }
            try db.execute(
                sql: "INSERT INTO users (name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [user.name, user.role.rawValue, user.passwordHash, user.createdAt, now]
            )
        }
    }

    public func user(name: String) async throws -> ReviewUser? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM users WHERE name = ?", arguments: [name]).map(ReviewUser.init(row:))
        }
    }

    public func users() async throws -> [ReviewUser] {
        try await read { db in try Row.fetchAll(db, sql: "SELECT * FROM users ORDER BY name").map(ReviewUser.init(row:)) }
    }

    public func setPasswordHash(name: String, hash: String) async throws {
        let now = clock()
        try await write { db in
            try db.execute(sql: "UPDATE users SET password_hash = ?, updated_at = ? WHERE name = ?", arguments: [hash, now, name])
            guard db.changesCount == 1 else { throw LedgerError(.notFound, "no user \(name)") }
        }
    }

    public func removeUser(name: String) async throws {
        try await write { db in
            try db.execute(sql: "DELETE FROM users WHERE name = ?", arguments: [name])
            guard db.changesCount == 1 else { throw LedgerError(.notFound, "no user \(name)") }
            try db.execute(sql: "DELETE FROM review_leases WHERE user_name = ?", arguments: [name])
        }
    }

    // MARK: - Audit

    public func appendAudit(_ entries: [AuditEntry]) async throws {
        try await write { db in try Self.insertAudit(db, entries) }
    }

    public func audit(limit: Int) async throws -> [AuditEntry] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit ORDER BY seq DESC LIMIT ?", arguments: [limit]).map { row in
                let input: String? = row["input_id"]
                let page: Int? = row["page"]
                return AuditEntry(
                    sequence: row["seq"], time: row["time"], user: row["user_name"], action: row["action"], job: row["job"],
                    page: input.flatMap { id in page.map { PageKey(inputID: id, page: $0) } },
                    field: row["field"], from: row["from_value"], to: row["to_value"], detail: row["detail"]
                )
            }
        }
    }

    static func insertAudit(_ db: Database, _ entries: [AuditEntry]) throws {
        for e in entries {
            try db.execute(
                sql: """
                    INSERT INTO audit (time, user_name, action, job, input_id, page, field, from_value, to_value, detail)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [e.time, e.user, e.action, e.job, e.page?.inputID, e.page?.page, e.field, e.from, e.to, e.detail]
            )
        }
    }
}

extension ReviewUser {
    init(row: Row) throws {
        let roleText: String = row["role"]
        guard let role = Role(rawValue: roleText) else { throw LedgerError(.storage, "user has unknown role '\(roleText)'") }
        self.init(name: row["name"], role: role, passwordHash: row["password_hash"], createdAt: row["created_at"])
    }
}

extension SQLiteLedger {
    /// Runs raw SQL in a write transaction: for tests that prove triggers refuse tampering.
    package func executeForTesting(_ sql: String) async throws {
        try await write { db in try db.execute(sql: sql) }
    }
}
