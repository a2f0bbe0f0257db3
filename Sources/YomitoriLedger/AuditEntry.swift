public import Foundation

/// Sensitive values are stored masked (`********1234`).
public struct AuditEntry: Sendable, Hashable {
    /// Assigned by the store; 0 before the entry is appended.
    public var sequence: Int64
    public var time: Date
    public var user: String
    /// `login`, `login_failed`, `logout`, `correct`, `approve`, `reject`, `user_added` …
    public var action: String
    public var job: String?
    public var page: PageKey?
    public var field: String?
    public var from: String?
    public var to: String?
    public var detail: String

    public init(
        sequence: Int64 = 0, time: Date, user: String, action: String, job: String? = nil, page: PageKey? = nil,
        field: String? = nil, from: String? = nil, to: String? = nil, detail: String = ""
    ) {
        self.sequence = sequence
        self.time = time
        self.user = user
        self.action = action
        self.job = job
        self.page = page
        self.field = field
        self.from = from
        self.to = to
        self.detail = detail
    }
}
