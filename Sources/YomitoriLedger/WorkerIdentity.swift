import Foundation

/// Who is doing the work: the host name and a worker name unique on that host
/// (for example `pid 4242 / worker 2`), recorded on inputs, runs and events.
public struct WorkerIdentity: Sendable, Hashable, Codable {
    public var host: String
    public var worker: String

    public init(host: String, worker: String) {
        self.host = host
        self.worker = worker
    }

    /// This machine's name as a runner: `$YOMITORI_HOST` when set, else the host name. It must stay
    /// the same across restarts (a run left `running` by a crash is recovered by the next run with
    /// the same host), so a container whose host name changes on every start sets it; two runners
    /// of one job on one machine (two lock folders) are two hosts only with different names.
    public static var thisHost: String {
        let named = ProcessInfo.processInfo.environment["YOMITORI_HOST"]?.trimmingCharacters(in: .whitespaces) ?? ""
        return named.isEmpty ? ProcessInfo.processInfo.hostName : named
    }
}
