public import YomitoriYAML

/// Thrown by ``JobLoader/load(path:)`` when a job file has at least one error.
///
/// Lists every error found, not just the first, so an author can fix them in one pass.
public struct JobError: Error, Sendable, CustomStringConvertible {
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The file could not be read.
        public static let unreadableFile = Code(rawValue: "unreadable-file")
        /// The file is not valid YAML.
        public static let malformedYAML = Code(rawValue: "malformed-yaml")
        /// The YAML parsed but does not describe a valid job.
        public static let invalidJob = Code(rawValue: "invalid-job")
    }

    /// The error diagnostics, in file order (warnings left out).
    public var diagnostics: [JobDiagnostic]

    public init(diagnostics: [JobDiagnostic]) {
        self.diagnostics = diagnostics
    }

    public var code: Code {
        if diagnostics.contains(where: { $0.code == .unreadableFile }) { return .unreadableFile }
        if diagnostics.contains(where: { $0.code == .malformedYAML }) { return .malformedYAML }
        return .invalidJob
    }

    /// One diagnostic per line, then a count: `… 2 errors in jobs/juminhyo.yaml`.
    public var description: String { YAMLDiagnostic.summary(diagnostics, fileKind: "job file") }
}
