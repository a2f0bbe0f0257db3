public import YomitoriYAML
/// The outcome of reading a job file: the job if it has no errors, and every diagnostic.
public struct JobReport: Sendable {
    /// Nil when ``errors`` is not empty.
    public var job: JobDefinition?
    /// Errors and warnings, in file order.
    public var diagnostics: [JobDiagnostic]

    public init(job: JobDefinition?, diagnostics: [JobDiagnostic]) {
        self.job = job
        self.diagnostics = diagnostics
    }

    public var errors: [JobDiagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [JobDiagnostic] { diagnostics.filter { $0.severity == .warning } }
}
