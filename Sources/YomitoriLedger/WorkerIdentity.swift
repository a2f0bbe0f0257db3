/// Who is doing the work: the host name and a worker name unique on that host
/// (for example `pid 4242 / worker 2`), recorded on inputs, runs and events.
public struct WorkerIdentity: Sendable, Hashable, Codable {
    public var host: String
    public var worker: String

    public init(host: String, worker: String) {
        self.host = host
        self.worker = worker
    }
}
