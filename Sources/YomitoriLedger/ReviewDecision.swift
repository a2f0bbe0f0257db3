/// A reviewer's decision on one page.
public struct ReviewDecision: Sendable {
    public enum Action: Sendable {
        /// The corrected, validated reading (a `PageRead` as JSON, status accepted).
        case approve(readJSON: String)
        /// The reviewer's reason, for the clerk who finds the file in the error folder.
        case reject(reason: String)
    }

    public var key: PageKey
    public var expectedVersion: Int
    public var user: String
    public var action: Action
    /// Appended in the same transaction (values already masked by the caller).
    public var audit: [AuditEntry]

    public init(key: PageKey, expectedVersion: Int, user: String, action: Action, audit: [AuditEntry]) {
        self.key = key
        self.expectedVersion = expectedVersion
        self.user = user
        self.action = action
        self.audit = audit
    }
}
