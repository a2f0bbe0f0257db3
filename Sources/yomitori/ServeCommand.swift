import YomitoriYAML
import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals
import YomitoriJobs
import YomitoriLedger
import YomitoriReviewWeb
import YomitoriRunner

/// `yomitori serve`: every job with its trigger (watched folders, cron schedules) in one process.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run every job with its trigger until SIGTERM/SIGINT (for systemd).",
        discussion: """
        Watched inboxes are processed as files settle; scheduled jobs run at their cron times. \
        SIGTERM or SIGINT finishes the passes under way (their pages are exported and routed) and \
        exits 0; SIGHUP reloads the job files. Each job's lock is held while it is served, so a \
        cron `yomitori run` of the same job exits with the lock code.
        """
    )

    @Argument(help: "Job files or folders (default: jobs/).") var paths: [String] = ["jobs"]
    @Option(help: "Ledger database.") var ledger: String?
    @Option(help: "Folder for lock files.") var lockDir: String?
    @Option(help: "Most pages read at once across all jobs (default: the number of cores).")
    var maxWorkers: Int = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: "Also serve the review station on HOST:PORT (e.g. 127.0.0.1:8080).") var review: String?
    @Option(help: "Seconds a job's reading engines stay loaded after its last file, for the next one (0: unload after every pass).")
    var keepEngines: Double = 600

    func validate() throws {
        if let review, ListenAddress(review) == nil { throw ValidationError("--review must be HOST:PORT, e.g. 127.0.0.1:8080") }
        if !(keepEngines >= 0) { throw ValidationError("--keep-engines must be 0 or more seconds") }
    }

    func run() throws {
        let paths = self.paths, ledgerPath = StatePaths.ledger(ledger), locks = StatePaths.locks(lockDir)
        let limit = WorkerLimit(maxWorkers)
        let address = review.flatMap(ListenAddress.init)
        // Fail early (exit 3) on templates the station cannot load; SIGHUP builds it anew.
        if review != nil { _ = try ReviewStationSetup.make(paths: paths, ledgerPath: ledgerPath) }
        try runBlocking {
            try await Self.serve(paths: paths, ledgerPath: ledgerPath, locks: locks, limit: limit, review: address, keepEngines: keepEngines)
        }
    }

    /// - Parameter review: where the review station listens, if it runs beside the jobs; it is built
    ///   anew with the job files on every SIGHUP (sessions end then).
    static func serve(
        paths: [String], ledgerPath: String, locks: String, limit: WorkerLimit, review: ListenAddress? = nil,
        keepEngines: TimeInterval = 600
    ) async throws {
        let logger = Logger(label: "yomitori.serve")
        try FileManager.default.createDirectory(atPath: (ledgerPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let store = try SQLiteLedger(path: ledgerPath)
        while true {
            var services: [JobService] = []
            var held: [JobLock] = []
            let jobs = loadJobs(paths)
            for job in jobs {
                do {
                    held.append(try JobLock.acquire(job: job.id, in: locks))
                    var options = RunOptions()
                    options.sharedLimit = limit
                    services.append(JobService(job: job, ledger: store, options: options, keepReaders: keepEngines, logger: logger))
                } catch {
                    logger.error("job not served: another process holds its lock", metadata: ["job.id": "\(job.id)"])
                }
            }
            logger.notice("serving \(services.count) job(s)", metadata: ["jobs": "\(services.map(\.job.id).joined(separator: ","))"])
            let reload = ReloadOnHangup()
            var extra: [ServiceGroupConfiguration.ServiceConfiguration] = []
            if let review {
                do {
                    let station = try ReviewStationSetup.build(jobs: jobs, ledger: store)
                    extra.append(.init(service: station.application(host: review.host, port: review.port, onListening: ReviewStationSetup.announce)))
                } catch {
                    logger.error("review station not served: \(error)")
                }
            }
            let group = ServiceGroup(configuration: .init(
                services: services.map { .init(service: $0) } + extra + [.init(service: reload, successTerminationBehavior: .gracefullyShutdownGroup)],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            ))
            try await group.run()
            held.forEach { $0.release() }
            guard reload.requested.isSet else { return }
            logger.notice("reloading job files")
        }
    }

    static func loadJobs(_ paths: [String]) -> [JobDefinition] {
        var jobs: [JobDefinition] = []
        for path in paths {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
                let loaded = JobLoader.loadAll(directory: path)
                for (_, diagnostics) in loaded.diagnostics.sorted(by: { $0.key < $1.key }) {
                    for d in diagnostics where d.severity == .error { Console.error(d.description) }
                }
                jobs += loaded.jobs
            } else {
                do { jobs.append(try JobLoader.load(path: path)) } catch { Console.error("\(error)") }
            }
        }
        return jobs
    }
}

/// Ends the service group on SIGHUP so that `serve` starts again with fresh job files.
final class ReloadOnHangup: Service, Sendable {
    let requested = ReloadFlag()

    func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        for await _ in signals.cancelOnGracefulShutdown() {
            requested.set()
            return
        }
    }
}

final class ReloadFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
