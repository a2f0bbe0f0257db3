/// One step of a job, with its settings. Steps run in the order the job file lists them.
public enum Step: Sendable, Equatable {
    /// Read every page of the input with the job's templates.
    case read
    /// Decide accepted / review / invalid for every field and page.
    case validate
    /// Set constants and copy or build fields before export.
    case transform(TransformConfig)
    /// Write the accepted pages of a batch with a mapping (CSV, 全銀, fixed width …).
    case export(ExportConfig)
    /// Move each input file to a folder by its outcome.
    case route(RouteConfig)
    /// Run a program (never through a shell); the fields go to its standard input as JSON.
    case run(RunConfig)
    /// Append a line to a log file or post to a local-network URL.
    case notify(NotifyConfig)

    /// The step's key in the job file.
    public var name: String {
        switch self {
        case .read: "read"
        case .validate: "validate"
        case .transform: "transform"
        case .export: "export"
        case .route: "route"
        case .run: "run"
        case .notify: "notify"
        }
    }
}
