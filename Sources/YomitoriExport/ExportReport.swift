/// What an export did: the file(s) written, and every page that did not become a record and why.
///
/// Pages are never dropped silently: each page read is either a record in the file, a
/// ``SkippedPage`` (not accepted by validation) or a ``ReviewRecord`` (accepted, but its record
/// could not be written). The report carries page ids, column names, codes and offending
/// characters, never field values.
public struct ExportReport: Sendable, Codable, Equatable {
    /// A page that was not accepted, so it was not exported.
    public struct SkippedPage: Sendable, Codable, Equatable {
        /// `file#page` (page counted from 1).
        public var page: String
        /// `review`, `invalid`, `unvalidated` (no status in the results) or `unreadable`.
        public var status: String
        /// The page's and its fields' reason codes, e.g. `low_confidence`.
        public var reasons: [String]

        /// A skipped page.
        public init(page: String, status: String, reasons: [String]) {
            self.page = page
            self.status = status
            self.reasons = reasons
        }
    }

    /// An accepted page whose record could not be written; it needs a person.
    public struct ReviewRecord: Sendable, Codable, Equatable {
        /// `file#page` (page counted from 1).
        public var page: String
        /// Every problem found in the record.
        public var problems: [RecordProblem]

        /// A record to review.
        public init(page: String, problems: [RecordProblem]) {
            self.page = page
            self.problems = problems
        }
    }

    /// A character replaced under `on_unencodable: substitute`.
    public struct Substitution: Sendable, Codable, Equatable {
        /// `file#page` (page counted from 1).
        public var page: String
        /// The column.
        public var column: String
        /// The character as read (omitted for sensitive fields).
        public var from: String?
        /// What was written instead (omitted for sensitive fields).
        public var to: String?

        /// A substitution.
        public init(page: String, column: String, from: String?, to: String?) {
            self.page = page
            self.column = column
            self.from = from
            self.to = to
        }
    }

    /// The job.
    public var job: String
    /// The run.
    public var run: String
    /// The mapping's format.
    public var format: String
    /// The mapping's encoding.
    public var encoding: String
    /// The files delivered (none when nothing was written).
    public var files: [DeliveredFile]
    /// Pages (and unreadable-page entries) in the input.
    public var pagesRead: Int
    /// Records in the file.
    public var recordsWritten: Int
    /// Pages not accepted by validation.
    public var skipped: [SkippedPage]
    /// Accepted pages whose record went to review.
    public var review: [ReviewRecord]
    /// Characters replaced.
    public var substitutions: [Substitution]
    /// Why no file was written, when none was.
    public var notWritten: String?

    /// An empty report for a run.
    public init(job: String, run: String, format: String, encoding: String) {
        self.job = job
        self.run = run
        self.format = format
        self.encoding = encoding
        files = []
        pagesRead = 0
        recordsWritten = 0
        skipped = []
        review = []
        substitutions = []
    }

    /// Whether every page went into the file.
    public var isComplete: Bool { skipped.isEmpty && review.isEmpty }

    enum CodingKeys: String, CodingKey {
        case job, run, format, encoding, files
        case pagesRead = "pages_read"
        case recordsWritten = "records_written"
        case skipped, review, substitutions
        case notWritten = "not_written"
    }
}
