/// One item of a page's `rules:` list: a rule about several fields of the page.
///
/// A failure adds a page-level reason and marks every field it names.
public struct CrossFieldRule: Sendable, Equatable {
    /// What the rule checks.
    public enum Kind: Sendable, Equatable {
        /// Each date is on or before the next (`date_order: [birth_date, request_date]`).
        case dateOrder([String])
        /// `field` must be filled in when `when` has the value `has` ticked or written;
        /// with `has` nil, when `when` is filled in (or ticked, for a single box).
        case requiredIf(field: String, when: String, has: String?)
        /// At least one of the fields is filled in (`at_least_one: [phone, email]`).
        case atLeastOne([String])
        /// The fields' normalised values are the same.
        case equal([String])
    }

    public var kind: Kind
    /// A failure sends the page to review instead of making it invalid.
    public var soft: Bool
    /// Replaces the catalogue's Japanese message.
    public var message: String?
    /// Line of the rule in the template file; nil for rules built in code.
    public var sourceLine: Int?

    public init(_ kind: Kind, soft: Bool = false, message: String? = nil, sourceLine: Int? = nil) {
        self.kind = kind
        self.soft = soft
        self.message = message
        self.sourceLine = sourceLine
    }
}
