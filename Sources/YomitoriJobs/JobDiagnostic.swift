public import YomitoriYAML

/// One problem found in a job file, with where it is:
/// `jobs/juminhyo.yaml:7:3: error: unknown key 'setle_seconds' in watch; did you mean 'settle_seconds'?`.
/// A warning is advice (the inbox does not exist on this machine yet, a mapping file is missing);
/// the job still loads.
public typealias JobDiagnostic = YAMLDiagnostic

/// The job format's own diagnostic codes (the shared ones are in ``YAMLDiagnostic/Code``).
extension YAMLDiagnostic.Code {
    /// A number outside its range (`workers` 1–64, `timeout` above 0 …).
    public static let outOfRange = Self(rawValue: "out-of-range")
    /// A cron expression that does not parse or never fires.
    public static let invalidSchedule = Self(rawValue: "invalid-schedule")
    /// A step name that is not one of read, validate, transform, export, route, run, notify.
    public static let unknownStep = Self(rawValue: "unknown-step")
    /// Steps in an order that cannot work (export before read, two route steps …).
    public static let stepOrder = Self(rawValue: "step-order")
    /// A `when:` condition that is not one of the conditions, or not allowed on this step.
    public static let invalidCondition = Self(rawValue: "invalid-condition")
    /// A path template with an unknown or unavailable `{variable}`, or bad braces.
    public static let invalidPath = Self(rawValue: "invalid-path")
    /// A template file that does not exist.
    public static let missingTemplate = Self(rawValue: "missing-template")
    /// A mapping file that does not exist (yet): a warning.
    public static let missingMapping = Self(rawValue: "missing-mapping")
    /// The inbox folder does not exist on this machine: a warning.
    public static let missingInbox = Self(rawValue: "missing-inbox")
    /// The work folder is on another file system than the inbox, so claiming cannot be atomic.
    public static let crossFileSystem = Self(rawValue: "cross-file-system")
    /// A `notify: post:` URL that is not http(s) to a private or loopback address.
    public static let notLocalNetwork = Self(rawValue: "not-local-network")
    /// A `run:` command that is not an absolute path, or (warning) not an executable file here.
    public static let invalidCommand = Self(rawValue: "invalid-command")
    /// Two job files with the same `job:` id (from ``JobLoader/checkAll(directory:)``).
    public static let duplicateJob = Self(rawValue: "duplicate-job")
    /// The job id differs from the file name: a warning.
    public static let fileNameMismatch = Self(rawValue: "file-name-mismatch")
}
