/// Where an input file is in its life, as the ledger records it.
///
/// ```
/// claimed ──► read ──► exported ──► archived
///    │          ├────► review ──► read (approved) / invalid (rejected), pending again
///    │          ├────► invalid
///    ├──────────┴────► failed
///    └ (at claim) ───► duplicate
/// ```
/// `review`, `invalid`, `failed`, `duplicate` and `archived` are outcomes; an input is *finished*
/// once its file has also been routed (moved to its final folder), which the ledger records
/// separately (``InputRecord/finishedAt``), so a crash between deciding and moving is resumed.
public enum InputState: String, Sendable, Codable, CaseIterable, Hashable {
    /// Moved into the work folder and recorded; nothing read yet.
    case claimed
    /// Pages read (and possibly validated); not yet exported.
    case read
    /// Every page accepted and in a written batch; the file still has to be archived.
    case exported
    /// Exported and moved to its `accepted` folder. Final.
    case archived
    /// At least one page needs a person. Accepted pages of the same file may have been exported.
    case review
    /// At least one page broke a hard rule and none needs review.
    case invalid
    /// Could not be processed (unreadable file, crashed too often, I/O error). Content with this
    /// outcome may be dropped again and is then processed anew, not reported as a duplicate.
    case failed
    /// Same content (SHA-256) as an input of the same job that was not `failed`.
    case duplicate

    /// The states from which this one may be entered.
    public var allowedPredecessors: Set<InputState> {
        switch self {
        case .claimed, .duplicate: []
        // A reviewer's decision takes `review` back to `read` or on to `invalid` only through
        // ``ReviewLedger/decidePage(_:)``, never through `markInput`.
        case .read: [.claimed]
        case .exported, .review, .invalid: [.read]
        case .archived: [.exported]
        case .failed: [.claimed, .read, .exported]
        }
    }

    /// True for states after which no processing happens, only routing the file.
    public var isOutcome: Bool {
        switch self {
        case .claimed, .read, .exported: false
        case .archived, .review, .invalid, .failed, .duplicate: true
        }
    }
}
