public import Foundation

/// One page waiting for review.
public struct ReviewQueueEntry: Sendable, Hashable {
    public var key: PageKey
    public var job: String
    public var template: String?
    /// The name the file had in the inbox.
    public var originalPath: String
    public var claimedAt: Date
    /// Who works on it now (an unexpired lease), if anyone.
    public var leasedBy: String?

    public init(key: PageKey, job: String, template: String?, originalPath: String, claimedAt: Date, leasedBy: String?) {
        self.key = key
        self.job = job
        self.template = template
        self.originalPath = originalPath
        self.claimedAt = claimedAt
        self.leasedBy = leasedBy
    }
}
