/// One problem found in a job file, with where it is.
///
/// Printed like a compiler message so editors and terminals can jump to it:
/// `jobs/juminhyo.yaml:7:3: error: unknown key 'setle_seconds' in watch; did you mean 'settle_seconds'?`.
/// A warning is advice (the inbox does not exist on this machine yet, a mapping file is missing);
/// the job still loads.
public struct JobDiagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        /// The job is rejected.
        case error
        /// The job loads, but something looks wrong or is missing on this machine.
        case warning
    }

    /// What kind of problem this is, for tools and tests that should not match on message text.
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
        /// A key the format does not know (often a typo).
        public static let unknownKey = Code(rawValue: "unknown-key")
        /// A key that must be present is not (`job`, `inbox`, `templates`, `steps`, `trigger`).
        public static let missingKey = Code(rawValue: "missing-key")
        /// A value of the wrong shape: text where a number belongs, a mapping where a list belongs.
        public static let wrongType = Code(rawValue: "wrong-type")
        /// A value of the right shape but not allowed (bad id, empty pattern, unknown poll mode …).
        public static let invalidValue = Code(rawValue: "invalid-value")
        /// A number outside its range (`workers` 1–64, `timeout` above 0 …).
        public static let outOfRange = Code(rawValue: "out-of-range")
        /// A cron expression that does not parse or never fires.
        public static let invalidSchedule = Code(rawValue: "invalid-schedule")
        /// A step name that is not one of read, validate, transform, export, route, run, notify.
        public static let unknownStep = Code(rawValue: "unknown-step")
        /// Steps in an order that cannot work (export before read, two route steps …).
        public static let stepOrder = Code(rawValue: "step-order")
        /// A `when:` condition that is not one of the conditions, or not allowed on this step.
        public static let invalidCondition = Code(rawValue: "invalid-condition")
        /// A path template with an unknown or unavailable `{variable}`, or bad braces.
        public static let invalidPath = Code(rawValue: "invalid-path")
        /// A template file that does not exist.
        public static let missingTemplate = Code(rawValue: "missing-template")
        /// A mapping file that does not exist (yet): a warning.
        public static let missingMapping = Code(rawValue: "missing-mapping")
        /// The inbox folder does not exist on this machine: a warning.
        public static let missingInbox = Code(rawValue: "missing-inbox")
        /// The work folder is on another file system than the inbox, so claiming cannot be atomic.
        public static let crossFileSystem = Code(rawValue: "cross-file-system")
        /// A `notify: post:` URL that is not http(s) to a private or loopback address.
        public static let notLocalNetwork = Code(rawValue: "not-local-network")
        /// A `run:` command that is not an absolute path, or (warning) not an executable file here.
        public static let invalidCommand = Code(rawValue: "invalid-command")
        /// Two job files with the same `job:` id (from ``JobLoader/checkAll(directory:)``).
        public static let duplicateJob = Code(rawValue: "duplicate-job")
        /// The job id differs from the file name: a warning.
        public static let fileNameMismatch = Code(rawValue: "file-name-mismatch")
    }

    public var severity: Severity
    public var code: Code
    /// The job file as it was given (not made absolute).
    public var file: String
    /// 1-based line of the offending YAML node; nil for problems with the file as a whole.
    public var line: Int?
    /// 1-based column of the offending node.
    public var column: Int?
    /// What is wrong and what is expected instead.
    public var message: String

    public init(
        severity: Severity, code: Code, file: String, line: Int? = nil, column: Int? = nil, message: String
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
}
