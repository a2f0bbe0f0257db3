/// What one batch (one pass over the files taken together) contained, for batch conditions.
public struct BatchTally: Sendable, Equatable {
    public var accepted: Int
    public var review: Int
    public var invalid: Int
    /// Pages or files that could not be processed.
    public var failed: Int
    /// Writing the export itself failed.
    public var exportFailed: Bool

    public init(accepted: Int = 0, review: Int = 0, invalid: Int = 0, failed: Int = 0, exportFailed: Bool = false) {
        self.accepted = accepted
        self.review = review
        self.invalid = invalid
        self.failed = failed
        self.exportFailed = exportFailed
    }
}
