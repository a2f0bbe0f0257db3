/// What a run did, counted; stored as JSON on the run.
public struct RunCounts: Sendable, Hashable, Codable {
    public var claimed: Int
    public var resumed: Int
    public var duplicates: Int
    public var pages: Int
    public var accepted: Int
    public var review: Int
    public var invalid: Int
    public var failed: Int
    public var batches: Int

    public init(
        claimed: Int = 0, resumed: Int = 0, duplicates: Int = 0, pages: Int = 0, accepted: Int = 0,
        review: Int = 0, invalid: Int = 0, failed: Int = 0, batches: Int = 0
    ) {
        self.claimed = claimed
        self.resumed = resumed
        self.duplicates = duplicates
        self.pages = pages
        self.accepted = accepted
        self.review = review
        self.invalid = invalid
        self.failed = failed
        self.batches = batches
    }
}
