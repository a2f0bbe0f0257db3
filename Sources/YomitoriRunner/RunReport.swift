public import Foundation

/// The machine-readable report of one `yomitori run` (`--json`), also kept in the ledger.
///
/// Holds counts and file names only: no field values (personal data stays out of reports).
public struct RunReport: Sendable, Codable, Equatable {
    public struct Counts: Sendable, Codable, Equatable {
        public var inputs = 0
        public var resumed = 0
        public var duplicates = 0
        public var pages = 0
        public var accepted = 0
        public var review = 0
        public var invalid = 0
        public var failed = 0
        public init() {}
    }

    /// 効果: what the run saved the clerks.
    public struct Effect: Sendable, Codable, Equatable {
        /// Fields read on all pages.
        public var fields = 0
        /// Fields that went into an import file without a person looking at them.
        public var fieldsAutomated = 0
        /// Fields of exported pages that a person checked or corrected in the review station.
        public var fieldsReviewed = 0
        /// Keying time a clerk would spend per field (the job's `seconds_per_field`).
        public var secondsPerField: Double = 0
        /// fieldsAutomated × secondsPerField.
        public var keyingSecondsSaved: Double = 0

        enum CodingKeys: String, CodingKey {
            case fields
            case fieldsAutomated = "fields_automated"
            case fieldsReviewed = "fields_reviewed"
            case secondsPerField = "seconds_per_field"
            case keyingSecondsSaved = "keying_seconds_saved"
        }
    }

    /// Where the workers' time went: how much of it Tesseract spent recognising.
    public struct Reading: Sendable, Codable, Equatable {
        /// Workers started for the run (each with its own engines).
        public var workers = 0
        /// Seconds inside Tesseract's recognition (`TessBaseAPIRecognize`), all workers together.
        public var recognitionSeconds: Double = 0
        /// recognitionSeconds / (workers × the run's duration): the share of the workers' time
        /// spent recognising, everything else (start-up, intake, decoding, registration,
        /// cleaning, validation, export, routing, ledger) counted against it.
        public var efficiency: Double = 0

        enum CodingKeys: String, CodingKey {
            case workers
            case recognitionSeconds = "recognition_s"
            case efficiency
        }
    }

    public var run: String
    public var job: String
    public var startedAt: Date
    public var durationSeconds: Double
    public var counts = Counts()
    public var pagesPerSecond: Double = 0
    public var outputs: [String] = []
    public var effect = Effect()
    /// Problems worth a look, without personal data (file names and reason codes).
    public var problems: [String] = []
    /// Recognition time and efficiency; nil when nothing was read (no engines were started).
    public var reading: Reading?

    enum CodingKeys: String, CodingKey {
        case run, job
        case startedAt = "started_at"
        case durationSeconds = "duration_s"
        case counts
        case pagesPerSecond = "pages_per_s"
        case outputs, effect, problems, reading
    }

    /// One line for stderr.
    public var summary: String {
        let c = counts
        var s = "\(job): \(c.inputs) file(s), \(c.pages) page(s): \(c.accepted) accepted, \(c.review) review, "
            + "\(c.invalid) invalid, \(c.failed) failed"
        if c.duplicates > 0 { s += ", \(c.duplicates) duplicate(s)" }
        s += String(format: " in %.1f s (%.2f pages/s)", durationSeconds, pagesPerSecond)
        if !outputs.isEmpty { s += "; wrote \(outputs.count) file(s)" }
        s += String(format: "; %d fields automated, %.0f min keying saved", effect.fieldsAutomated, effect.keyingSecondsSaved / 60)
        if effect.fieldsReviewed > 0 { s += "; \(effect.fieldsReviewed) fields checked by a person" }
        return s
    }
}

/// `yomitori run`'s exit codes (stable; documented in the README).
public enum RunExitCode: Int32, Sendable {
    /// Every page accepted (or nothing to do).
    case allAccepted = 0
    /// Some pages went to review or were invalid (they wait for a person).
    case someToReview = 1
    /// Some inputs failed (quarantined with a reason).
    case someFailed = 2
    /// The job file, a template or a mapping is wrong.
    case configurationError = 3
    /// Another run of the same job holds the lock.
    case lockHeld = 4

    public init(report: RunReport) {
        if report.counts.failed > 0 { self = .someFailed }
        else if report.counts.review + report.counts.invalid > 0 { self = .someToReview }
        else { self = .allAccepted }
    }
}
