/// `route:` — where each input file goes once its outcome is known (absolute folder templates).
///
/// An outcome without a folder leaves the file in the work folder (and says so in the ledger).
/// `failed` falls back to `invalid`'s folder, and `duplicate` to `failed`'s, when not given.
public struct RouteConfig: Sendable, Equatable {
    /// Every page accepted and exported.
    public var accepted: String?
    /// At least one page needs a person.
    public var review: String?
    /// A hard rule failed.
    public var invalid: String?
    /// The file could not be processed.
    public var failed: String?
    /// The same content was processed before.
    public var duplicate: String?

    public init(
        accepted: String? = nil, review: String? = nil, invalid: String? = nil, failed: String? = nil,
        duplicate: String? = nil
    ) {
        self.accepted = accepted
        self.review = review
        self.invalid = invalid
        self.failed = failed
        self.duplicate = duplicate
    }

    /// The folder template for an outcome, with the fallbacks applied.
    public func folder(for outcome: RouteOutcome) -> String? {
        switch outcome {
        case .accepted: accepted
        case .review: review
        case .invalid: invalid
        case .failed: failed ?? invalid
        case .duplicate: duplicate ?? failed ?? invalid
        }
    }
}
