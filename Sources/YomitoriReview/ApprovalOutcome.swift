public import YomitoriLedger

/// Why an approval was not saved: per field, Japanese messages; nothing was written.
public struct ApprovalRefusal: Sendable, Equatable {
    /// Field name → messages (Japanese) to show beside the field.
    public var problems: [String: [String]]
    /// Double-entry fields whose entry did not match: their inputs are emptied and typed again.
    public var retype: Set<String>
    /// The entries to compare the next attempt with (double entry), by field: keep them on the
    /// server (they may be personal data), never in the page.
    public var firstEntries: [String: String]
}

/// The result of an approval.
public enum ApprovalOutcome: Sendable {
    case approved(ReviewDecisionResult)
    case refused(ApprovalRefusal)
}
