/// A ledger operation that could not be carried out.
///
/// A state transition that was already made (the same call repeated after a lost answer) is not
/// an error: ledger operations are idempotent. A transition from a state that does not allow it
/// (another runner got there first, or the caller's bookkeeping is wrong) is ``Code/invalidTransition``.
public struct LedgerError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is; an extensible set of codes rather than an enum.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// No input, batch or run has this id.
        public static let notFound = Code(rawValue: "not-found")
        /// The record is not in a state that allows this change (compare-and-set failed).
        public static let invalidTransition = Code(rawValue: "invalid-transition")
        /// The change would break an invariant: a page already in another batch, an output path
        /// already written by another batch, the same id claimed for different content.
        public static let conflict = Code(rawValue: "conflict")
        /// The store could not be opened, created or migrated.
        public static let unavailable = Code(rawValue: "unavailable")
        /// The store reported an error while reading or writing.
        public static let storage = Code(rawValue: "storage")
    }

    public var code: Code
    /// What went wrong, for people; never contains page contents.
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "ledger \(code): \(message)" }
}
