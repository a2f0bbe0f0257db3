/// One problem in a mapping, with where it is: `jido.yaml:7:5: error: unknown key 'widht' …`.
public struct MappingDiagnostic: Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem this is, for tools and tests that should not match on message text.
    ///
    /// A struct rather than an enum so new codes can be added without breaking `switch`es elsewhere.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The file is missing, a directory, or not UTF-8.
        public static let unreadableFile = Code(rawValue: "unreadable-file")
        /// The YAML itself does not parse.
        public static let malformedYAML = Code(rawValue: "malformed-yaml")
        /// A mapping (`key: value` lines) was expected.
        public static let notAMapping = Code(rawValue: "not-a-mapping")
        /// A key the format does not know (often a typo; the message suggests the nearest key).
        public static let unknownKey = Code(rawValue: "unknown-key")
        /// A required key is missing.
        public static let missingKey = Code(rawValue: "missing-key")
        /// A value of the wrong kind (text where a list is expected…).
        public static let wrongType = Code(rawValue: "wrong-type")
        /// A value outside what the key accepts (unknown format, bad width…).
        public static let invalidValue = Code(rawValue: "invalid-value")
        /// A key that does not apply to the chosen format, or keys that exclude each other.
        public static let conflict = Code(rawValue: "conflict")
        /// A fixed text (header name, constant, code) the output encoding cannot carry.
        public static let unencodable = Code(rawValue: "unencodable")
    }

    /// What kind of problem.
    public let code: Code
    /// The mapping file (or the job definition it is embedded in).
    public let file: String
    /// 1-based line, when known.
    public let line: Int?
    /// 1-based column, when known.
    public let column: Int?
    /// What is wrong and, where possible, what to write instead.
    public let message: String

    /// A diagnostic at a place in `file`.
    public init(code: Code, file: String, line: Int?, column: Int?, message: String) {
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: error: message`, like a compiler.
    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column, line != nil { place += ":\(column)" }
        return "\(place): error: \(message)"
    }
}
