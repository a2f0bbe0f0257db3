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

    /// True while the page waits for a reviewer's decision: its input is in `review` and finished
    /// (routed), so the decision cannot race a runner.
    public var isWaiting: Bool { input.state == .review && input.finishedAt != nil && page.status == .review }
}
