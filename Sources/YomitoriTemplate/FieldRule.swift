/// One item of a field's `rules:` list: exactly one rule, optionally soft and with its own message.
///
/// A failed rule makes the field `invalid`; a failed *soft* rule makes it `review` instead.
public struct FieldRule: Sendable, Equatable {
    /// What the rule checks.
    public enum Kind: Sendable, Equatable {
        /// A named format check (`check: my_number`).
        case check(FieldCheck)
        /// The whole value must match the pattern (Swift `Regex` syntax), e.g. `^[0-9]{7}$`.
        case regex(String)
        /// Length in characters; `length: 7` is `min: 7, max: 7`.
        case length(min: Int?, max: Int?)
        /// The value read as a number.
        case range(min: Double?, max: Double?)
        /// The value must be one of these words (`one_of: [普通, 当座]`).
        case oneOf([String])
        /// Date bounds and age (`date: {not_future: true, max_age: 120}`).
        case date(DateRule)
    }

    public var kind: Kind
    /// A failure sends the field to review instead of making it invalid.
    public var soft: Bool
    /// Replaces the catalogue's Japanese message (must not quote the value: it is personal data).
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
