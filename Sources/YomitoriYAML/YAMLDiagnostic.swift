/// One problem found in a YAML file yomitori reads (a template, a job, an export mapping), with
/// where it is.
///
/// Printed like a compiler message so editors and terminals can jump to it:
/// `jobs/juminhyo.yaml:7:3: error: unknown key 'setle_seconds' in watch; did you mean 'settle_seconds'?`.
/// A warning is advice; the file still loads. Each format adds its own codes in an extension of
/// ``Code`` and names the type for its readers (`TemplateDiagnostic`, `JobDiagnostic`, `MappingDiagnostic`).
public struct YAMLDiagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// Whether the file can still be used.
    public enum Severity: String, Sendable, Hashable {
        /// The file is rejected.
        case error
        /// The file loads, but something looks wrong or is missing on this machine.
        case warning
    }

    /// What kind of problem this is, for tools and tests that should not match on message text.
    ///
    /// A struct rather than an enum so each format can add codes without breaking `switch`es elsewhere.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The file is missing, a directory, or not UTF-8.
        public static let unreadableFile = Code(rawValue: "unreadable-file")
        /// The YAML itself does not parse (bad indentation, duplicate key, unclosed bracket …).
        public static let malformedYAML = Code(rawValue: "malformed-yaml")
        /// A mapping (`key: value` lines) was expected.
        public static let notAMapping = Code(rawValue: "not-a-mapping")
        /// A key the format does not know (often a typo; the message suggests the nearest key).
        public static let unknownKey = Code(rawValue: "unknown-key")
        /// A key that must be present is not.
        public static let missingKey = Code(rawValue: "missing-key")
        /// A value of the wrong shape: text where a number belongs, a mapping where a list belongs.
        public static let wrongType = Code(rawValue: "wrong-type")
        /// A value of the right shape but not allowed.
        public static let invalidValue = Code(rawValue: "invalid-value")
    }

    public var severity: Severity
    public var code: Code
    /// The file as it was given (not made absolute).
    public var file: String
    /// 1-based line of the offending YAML node; nil for problems with the file as a whole.
    public var line: Int?
    /// 1-based column (in Unicode scalars) of the offending node.
    public var column: Int?
    /// What is wrong and what is expected instead. Never contains personal data.
    public var message: String

    public init(
        severity: Severity = .error, code: Code, file: String, line: Int? = nil, column: Int? = nil, message: String
    ) {
        self.severity = severity
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: severity: message`, leaving out the parts that are unknown.
    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): \(severity.rawValue): \(message)"
    }

    /// One diagnostic per line, then a count: `… 2 errors in jobs/juminhyo.yaml`; what the
    /// formats' load errors print.
    public static func summary(_ diagnostics: [YAMLDiagnostic], fileKind: String) -> String {
        let file = diagnostics.first?.file ?? fileKind
        let count = diagnostics.count == 1 ? "1 error" : "\(diagnostics.count) errors"
        return (diagnostics.map(\.description) + ["\(count) in \(file)"]).joined(separator: "\n")
    }
}

extension Sequence<YAMLDiagnostic> {
    /// Sorted by line and column; problems with the whole file first; ties keep their order.
    public func inFileOrder() -> [YAMLDiagnostic] {
        enumerated().sorted { a, b in
            (a.element.line ?? 0, a.element.column ?? 0, a.offset) < (b.element.line ?? 0, b.element.column ?? 0, b.offset)
        }.map(\.element)
    }
}
