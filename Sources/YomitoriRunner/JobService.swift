import Foundation
import Synchronization
public import Logging
public import ServiceLifecycle
public import YomitoriJobs
public import YomitoriLedger

/// One job under `yomitori serve`: a watched inbox processed as files settle, or a cron schedule.
///
/// Each pass is a ``JobRunner/runOnce()`` (so a pass is exactly-once and crash-safe like
/// `yomitori run`). On graceful shutdown the pass under way finishes — its pages are read,
/// exported and routed — and no new pass starts; a kill -9 instead is recovered on the next start.
///
/// The job's reading workers are kept between passes (a ``ReaderPool``): their engines are created
/// by the first pass that sees a file and reused by the next ones, until no pass has read anything
/// (or started a worker) for `keepReaders` seconds.
public final class JobService: Service, Sendable {
    public let job: JobDefinition
    private let ledger: any Ledger
    private let options: RunOptions
    private let logger: Logger
    private let stopping = StopFlag()
    private let intake: Intake
    private let readers = ReaderPool()
    private let keepReaders: Double
    private let lastUsed = Mutex<Date?>(nil)

    /// - Parameter keepReaders: seconds the reading engines stay loaded after the last pass that
    ///   read something.
    public init(job: JobDefinition, ledger: any Ledger, options: RunOptions, keepReaders: Double = 600, logger: Logger) {
        self.job = job
        self.ledger = ledger
        var options = options
        options.sleep = { _ in }  // files seen settle between passes: a pass never waits
        options.trigger = "serve"
        options.readers = readers
        self.options = options
        self.keepReaders = keepReaders
        self.logger = logger
        self.intake = Intake(job: job)
    }

    public func run() async throws {
        let watcher: FolderWatcher?
        if case .watch = job.trigger {
            try? FileManager.default.createDirectory(atPath: job.inbox, withIntermediateDirectories: true)
            watcher = try FolderWatcher(folder: job.inbox, poll: job.intake.poll)
        } else {
            watcher = nil
        }
        defer { watcher?.close() }
        try await withGracefulShutdownHandler {
            switch job.trigger {
            case .watch:
                try await watchLoop(watcher)
            case .schedule(let schedule):
                try await scheduleLoop(schedule)
            case .manual:
                while !stopping.isSet { try await Task.sleep(for: .seconds(1)) }
            }
        } onGracefulShutdown: { [stopping] in
            stopping.set()
            watcher?.interrupt()
        }
    }

    private func watchLoop(_ watcher: FolderWatcher?) async throws {
        let wait = max(0.5, min(job.intake.pollInterval, job.intake.settleSeconds))
        while !stopping.isSet {
            await pass()
            guard let watcher, !stopping.isSet else { break }
            await releaseIdleReaders()
            // Wait on a plain thread: inotify and the poll timer block.
            _ = await onOwnThread { watcher.waitForChange(timeout: wait) }
        }
    }

    private func scheduleLoop(_ schedule: CronSchedule) async throws {
        while !stopping.isSet {
            guard let next = schedule.next(after: Date(), in: job.timeZone) else { return }
            while Date() < next, !stopping.isSet {
                await releaseIdleReaders()
                try await Task.sleep(for: .seconds(min(1, max(0.01, next.timeIntervalSinceNow))))
            }
            if !stopping.isSet { await pass() }
        }
    }

    /// One run over the inbox; problems are logged, never fatal for the service. The pass's
    /// summary (or its failure) is the last line it logs.
    private func pass() async {
        let startedBefore = await readers.workersStarted
        let outcome: Result<RunReport, any Error>
        do {
            outcome = .success(try await JobRunner(job: job, ledger: ledger, options: options, intake: intake, logger: logger).runOnce())
        } catch {
            outcome = .failure(error)
        }
        let started = await readers.workersStarted - startedBefore
        if started > 0 {
            // Also when nothing was read: workers start while a file settles.
            lastUsed.withLock { $0 = Date() }
            logger.notice("reading workers started", metadata: ["job.id": "\(job.id)", "workers": "\(started)"])
        }
        switch outcome {
        case .success(let report) where report.counts.inputs > 0 || report.counts.resumed > 0:
            lastUsed.withLock { $0 = Date() }
            logger.notice("\(report.summary)", metadata: ["job.id": "\(job.id)", "run.id": "\(report.run)"])
        case .success:
            break
        case .failure(let error):
            logger.error("pass failed", metadata: ["job.id": "\(job.id)", "error": "\(error)"])
        }
    }

    /// Frees the reading engines once no pass has read anything, or started a worker, for
    /// `keepReaders` seconds.
    private func releaseIdleReaders() async {
        guard let last = lastUsed.withLock({ $0 }), Date().timeIntervalSince(last) >= keepReaders else { return }
        lastUsed.withLock { $0 = nil }
        let released = await readers.release()
        if released > 0 {
            logger.notice("reading workers released after \(Int(keepReaders)) s without work", metadata: ["job.id": "\(job.id)", "workers": "\(released)"])
        }
    }
}

/// A flag set once, read from any thread.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
