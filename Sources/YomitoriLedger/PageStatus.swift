/// A page's outcome as stored in the ledger: the reader's `Status` plus `failed` for a page
/// that could not be decoded or registered.
public enum PageStatus: String, Sendable, Codable, CaseIterable, Hashable {
    case accepted
    case review
    case invalid
    case failed
}
