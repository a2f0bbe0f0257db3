public import Foundation

/// Who works on a page, until when.
public struct ReviewLease: Sendable, Hashable {
    public var user: String
    public var until: Date
    public init(user: String, until: Date) {
        self.user = user
        self.until = until
    }
}
