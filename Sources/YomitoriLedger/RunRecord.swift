public import Foundation

/// One run of a job (a `yomitori run`, or one pass of `serve` over an inbox).
public struct RunRecord: Sendable, Hashable {
    /// `running` until finished; `aborted` when a later run found it dead.
    public enum State: String, Sendable, Codable, Hashable {
        case running
        case finished
        case failed
        case aborted
    }

    public var id: String
    public var job: String
    public var trigger: String
    public var by: WorkerIdentity
    public var state: State
    public var startedAt: Date
    public var finishedAt: Date?
    public var counts: RunCounts
    /// The effect report (or any JSON the runner wants to keep), as given to ``Ledger/finishRun(id:state:counts:reportJSON:)``.
    public var reportJSON: String?

    public init(
        id: String, job: String, trigger: String, by: WorkerIdentity, state: State, startedAt: Date,
        finishedAt: Date?, counts: RunCounts, reportJSON: String?
    ) {
        self.id = id
        self.job = job
        self.trigger = trigger
        self.by = by
        self.state = state
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.counts = counts
        self.reportJSON = reportJSON
    }
}
