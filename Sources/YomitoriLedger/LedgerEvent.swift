public import Foundation

/// One line of the append-only history: what happened, when, to what.
public struct LedgerEvent: Sendable, Hashable {
    /// Increasing in commit order (gaps possible); use it to page through events.
    public var sequence: Int64
    public var time: Date
    public var job: String
    /// Dotted kind: `input.claimed`, `input.read`, `batch.written`, `run.finished` …
    public var kind: String
    public var runID: String?
    public var inputID: String?
    public var batchID: String?
    public var host: String?
    /// Short free text (a reason, a path); never page contents.
    public var detail: String

    public init(
        sequence: Int64, time: Date, job: String, kind: String, runID: String?, inputID: String?,
        batchID: String?, host: String?, detail: String
    ) {
        self.sequence = sequence
        self.time = time
        self.job = job
        self.kind = kind
        self.runID = runID
        self.inputID = inputID
        self.batchID = batchID
        self.host = host
        self.detail = detail
    }
}
