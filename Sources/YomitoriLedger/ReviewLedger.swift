public import Foundation

/// What the review station needs from the ledger: the queue of pages waiting for a person, leases
/// so two reviewers do not work the same page, compare-and-set decisions that release an input to
/// its job's next export batch (or reject it), users, and the append-only audit trail.
///
/// Kept apart from ``Ledger`` so that a runner-only store need not implement it; like ``Ledger`` it
/// knows nothing of SQLite, so a PostgreSQL store can implement both.
public protocol ReviewLedger: Ledger {
    // MARK: - Queue and pages

    /// Pages waiting for review (page status `review` of an input in state `review`), oldest
    /// claim first; every job when `job` is nil.
    func reviewQueue(job: String?, limit: Int) async throws -> [ReviewQueueEntry]

    /// One page with its input, version and lease; nil when there is no such page.
    func reviewPage(_ key: PageKey) async throws -> ReviewPage?

    /// Takes or renews the page's lease for `user` until `until`. Returns the lease that holds after
    /// the call: the caller's, or another user's that has not expired (nothing changes then).
    func leasePage(_ key: PageKey, user: String, until: Date) async throws -> ReviewLease

    /// Records a reviewer's decision on one page, compare-and-set on the page still waiting for
    /// review at `decision.expectedVersion`; a page already decided or changed meanwhile is a
    /// ``LedgerError/Code/conflict`` and nothing is written.
    ///
    /// Approving stores the corrected reading with status `accepted`; once no page of the input
    /// waits any more, the input goes `review → read` and becomes pending again, with its file's
    /// current path (the review folder) as claimed path, so the job's next run exports and archives
    /// it. Rejecting marks the page `invalid` and the input `review → invalid` (reason
    /// `review_rejected`), pending again so the next run moves its file to the error route. The audit
    /// entries are appended in the same transaction.
    func decidePage(_ decision: ReviewDecision) async throws -> ReviewDecisionResult

    // MARK: - Users

    /// Adds a user; a name already taken is a ``LedgerError/Code/conflict``.
    func addUser(_ user: ReviewUser) async throws
    /// The user with this name, or nil.
    func user(name: String) async throws -> ReviewUser?
    /// Every user, by name.
    func users() async throws -> [ReviewUser]
    /// Replaces a user's password hash; an unknown name is ``LedgerError/Code/notFound``.
    func setPasswordHash(name: String, hash: String) async throws
    /// Removes a user (their audit entries stay); an unknown name is ``LedgerError/Code/notFound``.
    func removeUser(name: String) async throws

    // MARK: - Audit

    /// Appends entries to the audit trail (which refuses UPDATE and DELETE).
    func appendAudit(_ entries: [AuditEntry]) async throws
    /// The most recent entries first.
    func audit(limit: Int) async throws -> [AuditEntry]
}

/// One page waiting for review.
public struct ReviewQueueEntry: Sendable, Hashable {
    public var key: PageKey
    public var job: String
    public var template: String?
    /// The name the file had in the inbox.
    public var originalPath: String
    public var claimedAt: Date
    /// Who works on it now (an unexpired lease), if anyone.
    public var leasedBy: String?

    public init(key: PageKey, job: String, template: String?, originalPath: String, claimedAt: Date, leasedBy: String?) {
        self.key = key
        self.job = job
        self.template = template
        self.originalPath = originalPath
        self.claimedAt = claimedAt
        self.leasedBy = leasedBy
    }
}

/// A page as the review station shows it.
public struct ReviewPage: Sendable, Hashable {
    public var input: InputRecord
    public var page: PageRecord
    /// Increases with every review decision; approvals are compare-and-set on it.
    public var version: Int
    public var lease: ReviewLease?

    public init(input: InputRecord, page: PageRecord, version: Int, lease: ReviewLease?) {
        self.input = input
        self.page = page
        self.version = version
        self.lease = lease
    }

    /// True while the page waits for a reviewer's decision.
    public var isWaiting: Bool { input.state == .review && page.status == .review }
}

/// Who works on a page, until when.
public struct ReviewLease: Sendable, Hashable {
    public var user: String
    public var until: Date
    public init(user: String, until: Date) {
        self.user = user
        self.until = until
    }
}

/// A reviewer's decision on one page.
public struct ReviewDecision: Sendable {
    public enum Action: Sendable {
        /// The corrected, validated reading (a `PageRead` as JSON, status accepted).
        case approve(readJSON: String)
        /// The reviewer's reason, for the clerk who finds the file in the error folder.
        case reject(reason: String)
    }

    public var key: PageKey
    public var expectedVersion: Int
    public var user: String
    public var action: Action
    /// Appended in the same transaction (values already masked by the caller).
    public var audit: [AuditEntry]

    public init(key: PageKey, expectedVersion: Int, user: String, action: Action, audit: [AuditEntry]) {
        self.key = key
        self.expectedVersion = expectedVersion
        self.user = user
        self.action = action
        self.audit = audit
    }
}

/// What a decision did to the page's input.
public struct ReviewDecisionResult: Sendable, Hashable {
    /// The input's state after the decision (`review` while other pages still wait).
    public var inputState: InputState
    /// True when the input was handed back to its job's runner (export or error route).
    public var released: Bool

    public init(inputState: InputState, released: Bool) {
        self.inputState = inputState
        self.released = released
    }
}

/// A person who may use the review station.
public struct ReviewUser: Sendable, Hashable {
    public enum Role: String, Sendable, CaseIterable, Hashable {
        /// Corrects, approves and rejects pages.
        case reviewer
        /// A reviewer who may also read the audit trail.
        case administrator
    }

    public var name: String
    public var role: Role
    /// A salted, slow hash (bcrypt `$2b$…`); never the password.
    public var passwordHash: String
    public var createdAt: Date

    public init(name: String, role: Role, passwordHash: String, createdAt: Date) {
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
        self.createdAt = createdAt
    }
}

/// One line of the audit trail: who did what to which field, from what to what, and when.
/// Sensitive values are stored masked (`********1234`).
public struct AuditEntry: Sendable, Hashable {
    /// Assigned by the store; 0 before the entry is appended.
    public var sequence: Int64
    public var time: Date
    public var user: String
    /// `login`, `login_failed`, `logout`, `correct`, `approve`, `reject`, `user_added` …
    public var action: String
    public var job: String?
    public var page: PageKey?
    public var field: String?
    public var from: String?
    public var to: String?
    public var detail: String

    public init(
        sequence: Int64 = 0, time: Date, user: String, action: String, job: String? = nil, page: PageKey? = nil,
        field: String? = nil, from: String? = nil, to: String? = nil, detail: String = ""
    ) {
        self.sequence = sequence
        self.time = time
        self.user = user
        self.action = action
        self.job = job
        self.page = page
        self.field = field
        self.from = from
        self.to = to
        self.detail = detail
    }
}
