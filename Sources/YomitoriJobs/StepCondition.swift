public import YomitoriLedger

/// When a `run` or `notify` step applies.
///
/// `page_*` conditions are checked once per page (the step runs for each page that matches);
/// `batch_*` once per batch after it is written; `always` once per batch.
public enum StepCondition: String, Sendable, Equatable, CaseIterable {
    case always
    case pageAccepted = "page_accepted"
    case pageReview = "page_review"
    case pageInvalid = "page_invalid"
    case pageFailed = "page_failed"
    case batchHasReview = "batch_has_review"
    case batchHasAccepted = "batch_has_accepted"
    case batchFailed = "batch_failed"

    /// True for the `page_*` conditions.
    public var isPageLevel: Bool { rawValue.hasPrefix("page_") }

    /// Whether a page-level condition holds for a page with this status (false for batch-level ones).
    public func holds(forPage status: PageStatus) -> Bool {
        switch self {
        case .pageAccepted: status == .accepted
        case .pageReview: status == .review
        case .pageInvalid: status == .invalid
        case .pageFailed: status == .failed
        default: false
        }
    }

    /// Whether a batch-level condition (or `always`) holds for what a batch contained.
    public func holds(forBatch tally: BatchTally) -> Bool {
        switch self {
        case .always: true
        case .batchHasAccepted: tally.accepted > 0
        case .batchHasReview: tally.review > 0
        case .batchFailed: tally.failed > 0 || tally.exportFailed
        default: false
        }
    }
}
