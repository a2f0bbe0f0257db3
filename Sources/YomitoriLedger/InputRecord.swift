public import Foundation

/// One input file as the ledger knows it.
public struct InputRecord: Sendable, Hashable {
    public var id: String
    public var job: String
    /// The run that claimed it.
    public var runID: String?
    public var originalPath: String
    public var claimedPath: String
    public var size: Int64
    public var sha256: String
    public var state: InputState
    /// Why it ended in `failed`, `review`, `invalid` or `duplicate`.
    public var reason: LedgerReason?
    /// For a `duplicate`: the input whose content it repeats.
    public var duplicateOf: String?
    /// How many times processing was started (1 after the first start; more after crashes).
    public var attempts: Int
    /// The last worker that claimed or started processing it.
    public var by: WorkerIdentity
    public var claimedAt: Date
    public var updatedAt: Date
    /// Where the file was routed to, once it was.
    public var routedTo: String?
    /// Set when the outcome is recorded *and* the file has been routed: nothing is left to do.
    public var finishedAt: Date?

    public init(
        id: String, job: String, runID: String?, originalPath: String, claimedPath: String, size: Int64,
        sha256: String, state: InputState, reason: LedgerReason?, duplicateOf: String?, attempts: Int,
        by: WorkerIdentity, claimedAt: Date, updatedAt: Date, routedTo: String?, finishedAt: Date?
    ) {
        self.id = id
        self.job = job
        self.runID = runID
        self.originalPath = originalPath
        self.claimedPath = claimedPath
        self.size = size
        self.sha256 = sha256
        self.state = state
        self.reason = reason
        self.duplicateOf = duplicateOf
        self.attempts = attempts
        self.by = by
        self.claimedAt = claimedAt
        self.updatedAt = updatedAt
        self.routedTo = routedTo
        self.finishedAt = finishedAt
    }

    /// True while something remains to be done for this input (processing or routing).
    public var isPending: Bool { finishedAt == nil }
}
