public import Foundation

/// One job: where scans arrive, how they are read, and what happens to the results.
///
/// Loaded from one YAML file in `jobs/` by ``JobLoader``; every path is absolute (relative paths
/// in the file are resolved against the job file's folder), and path templates keep their
/// `{variables}` for ``PathTemplate/expand(_:variables:)``.
public struct JobDefinition: Sendable, Equatable {
    /// The patterns used when a job gives none.
    public static let defaultPatterns = ["*.pdf", "*.png", "*.jpg", "*.jpeg", "*.tif", "*.tiff"]

    /// `[a-z0-9_-]+`, unique among the job files.
    public var id: String
    public var description: String
    /// The job file this was loaded from.
    public var sourcePath: String
    /// The folder clerks drop files into.
    public var inbox: String
    /// Which file names in the inbox are inputs (case-insensitive globs: `*`, `?`, `[…]`).
    public var patterns: [String]
    /// Where claimed files live while processed; on the inbox's file system.
    /// Default: `<inbox>/../.yomitori-work/<job>`.
    public var work: String
    public var trigger: Trigger
    /// When a file in the inbox counts as complete, and how changes are noticed.
    public var intake: IntakeRules
    /// For the schedule, `{date}` and `{time}`. Default Asia/Tokyo (not the server's zone).
    public var timeZone: TimeZone
    /// Template files, absolute; pages are matched to these forms.
    public var templates: [String]
    /// Pages read in parallel, 1–64. Default 1.
    public var workers: Int
    /// Keying time a clerk would spend per field, for the effect report. Default 8.
    public var secondsPerField: Double
    /// In order.
    public var steps: [JobStep]

    public init(
        id: String, description: String = "", sourcePath: String, inbox: String,
        patterns: [String] = JobDefinition.defaultPatterns, work: String, trigger: Trigger,
        intake: IntakeRules = IntakeRules(), timeZone: TimeZone = JobDefinition.defaultTimeZone,
        templates: [String], workers: Int = 1, secondsPerField: Double = 8, steps: [JobStep]
    ) {
        self.id = id
        self.description = description
        self.sourcePath = sourcePath
        self.inbox = inbox
        self.patterns = patterns
        self.work = work
        self.trigger = trigger
        self.intake = intake
        self.timeZone = timeZone
        self.templates = templates
        self.workers = workers
        self.secondsPerField = secondsPerField
        self.steps = steps
    }

    /// Asia/Tokyo: municipal forms are dated in Japan whatever the server's zone is.
    public static let defaultTimeZone = TimeZone(identifier: "Asia/Tokyo") ?? .current

    /// The default work folder for an inbox: a hidden sibling folder, so it is on the same share.
    public static func defaultWork(inbox: String, job: String) -> String {
        URL(fileURLWithPath: inbox).deletingLastPathComponent()
            .appendingPathComponent(".yomitori-work").appendingPathComponent(job).path
    }

    /// The steps of one kind, for example every `export`.
    public var exports: [ExportConfig] {
        steps.compactMap { if case .export(let config) = $0.step { config } else { nil } }
    }

    /// The `route` step's folders, if the job has one.
    public var route: RouteConfig? {
        steps.lazy.compactMap { if case .route(let config) = $0.step { config } else { nil } }.first
    }
}
