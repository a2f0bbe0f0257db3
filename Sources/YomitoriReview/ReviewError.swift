/// A review request that cannot be carried out. Messages never quote field values.
public struct ReviewError: Error, Sendable, CustomStringConvertible {
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// No such page, user or template.
        public static let notFound = Code(rawValue: "not-found")
        /// The page was decided by someone else meanwhile, or the form showed an older version.
        public static let conflict = Code(rawValue: "conflict")
        /// Bad input from the caller (empty name, short password, unknown role …).
        public static let invalidInput = Code(rawValue: "invalid-input")
        /// Not allowed for this user's role.
        public static let forbidden = Code(rawValue: "forbidden")
        /// The station cannot do it as configured (the page's template is not loaded).
        public static let unavailable = Code(rawValue: "unavailable")
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
