public import Foundation
public import YomitoriLedger
import YomitoriResults
public import YomitoriTemplate
import YomitoriText

/// The review workflow over the ledger: the queue, opening a page (with a lease so two reviewers
/// do not work the same page), approving it with validated corrections, or rejecting it.
///
/// No HTTP here: the web app and tests call it directly. A correction that breaks a rule, a
/// double-entry mismatch and a page decided by someone else are results (``ApprovalOutcome``,
/// ``ReviewError/Code/conflict``), not crashes; nothing is written unless the whole page is valid.
public struct ReviewService: Sendable {
    public let ledger: any ReviewLedger
    /// Templates by id: the rules corrections are validated against.
    public let templates: [String: Template]
    /// How long opening a page keeps it for one reviewer.
    public var leaseDuration: TimeInterval = 300
    let clock: @Sendable () -> Date

    public init(ledger: any ReviewLedger, templates: [Template], clock: @escaping @Sendable () -> Date = { Date() }) {
        self.ledger = ledger
        self.templates = Dictionary(templates.map { ($0.id, $0) }) { first, _ in first }
        self.clock = clock
    }

    /// Pages waiting for review, oldest first.
    public func queue(job: String? = nil, limit: Int = 500) async throws -> [ReviewQueueEntry] {
        try await ledger.reviewQueue(job: job, limit: limit)
    }

    /// The page, leased to `user` when it waits and nobody else holds it.
    public func open(_ key: PageKey, user: String) async throws -> ReviewPageView {
        guard var stored = try await ledger.reviewPage(key) else { throw ReviewError(.notFound, "no page \(key)") }
        if stored.isWaiting {
            stored.lease = try await ledger.leasePage(key, user: user, until: clock().addingTimeInterval(leaseDuration))
        }
        return try view(of: stored, user: user)
    }

    /// The page without taking a lease (images, checks).
    public func peek(_ key: PageKey, user: String) async throws -> ReviewPageView {
        guard let stored = try await ledger.reviewPage(key) else { throw ReviewError(.notFound, "no page \(key)") }
        return try view(of: stored, user: user)
    }

    func view(of stored: ReviewPage, user: String) throws -> ReviewPageView {
        guard let read = try? JSONDecoder().decode(PageRead.self, from: Data(stored.page.readJSON.utf8)) else {
            throw ReviewError(.notFound, "page \(stored.page.key) has no reading to review")
        }
        let heldBy = stored.lease.flatMap { $0.user != user && $0.until > clock() ? $0.user : nil }
        return ReviewPageView(
            key: stored.page.key, job: stored.input.job, originalPath: stored.input.originalPath,
            filePath: stored.input.routedTo ?? stored.input.claimedPath, read: read,
            template: templates[read.template], version: stored.version, isWaiting: stored.isWaiting, heldBy: heldBy
        )
    }

    /// The next page for `user` after deciding `current`: the oldest waiting page of the same job
    /// nobody else has open, else of any job; nil when none is left.
    public func next(after current: PageKey?, job: String?, user: String) async throws -> PageKey? {
        let waiting = try await ledger.reviewQueue(job: nil, limit: 500).filter {
            $0.key != current && ($0.leasedBy == nil || $0.leasedBy == user)
        }
        return (waiting.first { $0.job == job } ?? waiting.first)?.key
    }

    /// Rejects the page: its input goes to the job's error route with `reason` at the next run.
    public func reject(_ key: PageKey, version: Int, user: String, reason: String) async throws -> ReviewDecisionResult {
        let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw ReviewError(.invalidInput, "a rejection needs a reason") }
        guard let stored = try await ledger.reviewPage(key) else { throw ReviewError(.notFound, "no page \(key)") }
        let entry = AuditEntry(time: clock(), user: user, action: "reject", job: stored.input.job, page: key, detail: String(text.prefix(500)))
        let decision = ReviewDecision(key: key, expectedVersion: version, user: user, action: .reject(reason: String(text.prefix(500))), audit: [entry])
        return try await decide(decision)
    }

    func decide(_ decision: ReviewDecision) async throws -> ReviewDecisionResult {
        do {
            return try await ledger.decidePage(decision)
        } catch let error as LedgerError where error.code == .conflict {
            throw ReviewError(.conflict, "page \(decision.key) was already decided by someone else")
        }
    }

    /// Signs `user` out of the workflow: their leases end now (others may take those pages at
    /// once) and the audit trail records the logout.
    public func signOut(user: String) async throws {
        try await ledger.releaseLeases(user: user)
        try await audit(user: user, action: "logout")
    }

    /// Appends a free entry (login, logout …) to the audit trail.
    public func audit(user: String, action: String, detail: String = "") async throws {
        try await ledger.appendAudit([AuditEntry(time: clock(), user: user, action: action, detail: detail)])
    }

    /// The most recent audit entries, for administrators.
    public func auditTrail(limit: Int = 500) async throws -> [AuditEntry] {
        try await ledger.audit(limit: limit)
    }

    var today: JapaneseDate { JapaneseDate(clock()) }
}
