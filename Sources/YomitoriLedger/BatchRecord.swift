public import Foundation

/// One export batch: the pages that go into one set of output files.
public struct BatchRecord: Sendable, Hashable {
    public var id: String
    public var job: String
    public var runID: String?
    /// The batch's date as used in `{date}` (yyyyMMdd, in the job's time zone).
    public var date: String
    /// 1, 2, 3 … per job and date: `{seq}` in output names.
    public var seq: Int
    public var state: BatchState
    public var createdAt: Date
    public var writtenAt: Date?
    public var deliveredAt: Date?
    /// Records written (set when the batch is marked written).
    public var recordCount: Int
    /// Planned or written outputs, in the order they were given.
    public var outputs: [BatchOutput]

    public init(
        id: String, job: String, runID: String?, date: String, seq: Int, state: BatchState, createdAt: Date,
        writtenAt: Date?, deliveredAt: Date?, recordCount: Int, outputs: [BatchOutput]
    ) {
        self.id = id
        self.job = job
        self.runID = runID
        self.date = date
        self.seq = seq
        self.state = state
        self.createdAt = createdAt
        self.writtenAt = writtenAt
        self.deliveredAt = deliveredAt
        self.recordCount = recordCount
        self.outputs = outputs
    }
}
