/// The ledger's answer to ``Ledger/recordClaim(_:)``.
public enum ClaimResult: Sendable, Hashable {
    /// A new input to process.
    case new(inputID: String)
    /// The same content was already claimed for this job and not failed: the input is recorded
    /// as `duplicate` (so it shows in the status) and must be routed, not processed.
    case duplicate(inputID: String, of: String)

    public var inputID: String {
        switch self {
        case .new(let id), .duplicate(let id, _): id
        }
    }
}
