/// The result of one claim.
public enum ClaimOutcome: Sendable, Hashable {
    /// The file is ours, in the work folder.
    case claimed(ClaimedFile)
    /// The file was not there any more: someone else claimed it first.
    case gone
}
