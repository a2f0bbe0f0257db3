/// Why an input ended as it did: a stable code for tools and a message for people.
///
/// Messages must not contain field values (they may be personal data).
public struct LedgerReason: Sendable, Hashable, Codable {
    /// e.g. `unreadable_file`, `crashed_repeatedly`, `duplicate_content`, `page_review`.
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }
}
