public import Foundation

/// One job's line in `yomitori status`, from the ledger's point of view.
///
/// Files still waiting in the inbox are not in the ledger: the caller adds them (the intake
/// listing counts them).
public struct JobStatus: Sendable, Hashable {
    public var job: String
    /// Claimed, read or exported and not yet finished: being processed now, or left by a crash.
    public var inFlight: Int
    /// Outcome recorded but the file not yet routed.
    public var awaitingRoute: Int
    /// Inputs whose outcome is `review` (since the summary's start date).
    public var review: Int
    public var invalid: Int
    public var failed: Int
    public var duplicates: Int
    public var archived: Int
    /// Batches `open` or `written` but not delivered.
    public var unfinishedBatches: Int
    /// The claim time of the oldest in-flight input (a stuck file shows here).
    public var oldestInFlight: Date?
    /// Most recent first.
    public var lastRuns: [RunRecord]
    /// The most recent failed inputs, newest first (at most the summary's `recentRuns`).
    public var recentFailures: [InputRecord]

    public init(
        job: String, inFlight: Int = 0, awaitingRoute: Int = 0, review: Int = 0, invalid: Int = 0,
        failed: Int = 0, duplicates: Int = 0, archived: Int = 0, unfinishedBatches: Int = 0,
        oldestInFlight: Date? = nil, lastRuns: [RunRecord] = [], recentFailures: [InputRecord] = []
    ) {
        self.job = job
        self.inFlight = inFlight
        self.awaitingRoute = awaitingRoute
        self.review = review
        self.invalid = invalid
        self.failed = failed
        self.duplicates = duplicates
        self.archived = archived
        self.unfinishedBatches = unfinishedBatches
        self.oldestInFlight = oldestInFlight
        self.lastRuns = lastRuns
        self.recentFailures = recentFailures
    }
}
