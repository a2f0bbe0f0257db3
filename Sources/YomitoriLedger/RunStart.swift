/// What a runner says when it starts a run of a job.
public struct RunStart: Sendable, Hashable {
    public var job: String
    /// `watch`, `schedule`, `manual`, `cli` … free text for the status.
    public var trigger: String
    public var by: WorkerIdentity
    /// Mark earlier runs of the same job on the same host that are still `running` as `aborted`.
    ///
    /// Safe when the caller holds the job's ``JobLock`` on this host: no other run of the job can be
    /// alive here, so such runs died (kill -9, power loss).
    public var abandonStaleRunsOnThisHost: Bool

    public init(job: String, trigger: String, by: WorkerIdentity, abandonStaleRunsOnThisHost: Bool = true) {
        self.job = job
        self.trigger = trigger
        self.by = by
        self.abandonStaleRunsOnThisHost = abandonStaleRunsOnThisHost
    }
}
