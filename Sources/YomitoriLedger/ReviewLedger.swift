public import Foundation

/// What the review station needs from the ledger: the queue of pages waiting for a person, leases
/// so two reviewers do not work the same page, compare-and-set decisions that release an input to
/// its job's next export batch (or reject it), users, and the append-only audit trail.
///
/// Kept apart from ``Ledger`` so that a runner-only store need not implement it; like ``Ledger`` it
/// knows nothing of SQLite, so a PostgreSQL store can implement both.
public protocol ReviewLedger: Ledger {
    // MARK: - Queue and pages

    /// Pages waiting for review (page status `review` of an input in state `review` whose file the
    /// runner has routed, so no runner touches it any more), oldest claim first; every job when
    /// `job` is nil.
    func reviewQueue(job: String?, limit: Int) async throws -> [ReviewQueueEntry]

    /// One page with its input, version and lease; nil when there is no such page.
    func reviewPage(_ key: PageKey) async throws -> ReviewPage?

    /// Takes or renews the page's lease for `user` until `until`. Returns the lease that holds after
    /// the call: the caller's, or another user's that has not expired (nothing changes then).
    func leasePage(_ key: PageKey, user: String, until: Date) async throws -> ReviewLease

    /// Gives up every lease `user` holds (on signing out), so others can take those pages at once.
    func releaseLeases(user: String) async throws

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
