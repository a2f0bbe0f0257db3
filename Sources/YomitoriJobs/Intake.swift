public import Foundation
import Synchronization

/// A job's inbox at work: lists it, lets the ``IntakeStateMachine`` decide what is complete, claims
/// files into the work folder and consumes markers. The thin I/O around the pure decisions.
///
/// - `yomitori run` (cron, by hand) calls ``collectSettled(sleep:)`` once and claims what it returns.
/// - `yomitori serve` iterates ``readyFiles()`` and claims each file as it arrives.
///
/// Every file returned must be claimed (``claim(_:)``) or given back (``release(_:)``).
public final class Intake: Sendable {
    public let inbox: Inbox
    public let claimer: Claimer
    public let rules: IntakeRules
    /// How long to wait, with inotify, before listing the folder anyway (events can be lost).
    public let rescanInterval: TimeInterval
    private let machine: Mutex<IntakeStateMachine>
    private let clock: @Sendable () -> Date
    private let stopped = Mutex(false)
    private let watcher = Mutex<FolderWatcher?>(nil)

    public init(
        inbox: String, work: String, patterns: [String], rules: IntakeRules, strategy: RenameStrategy = .automatic,
        rescanInterval: TimeInterval = 60, clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.inbox = Inbox(path: inbox)
        claimer = Claimer(inbox: inbox, work: work, strategy: strategy)
        self.rules = rules
        self.rescanInterval = rescanInterval
        machine = Mutex(IntakeStateMachine(rules: rules, patterns: patterns))
        self.clock = clock
    }

    /// The intake of a job.
    public convenience init(job: JobDefinition, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.init(inbox: job.inbox, work: job.work, patterns: job.patterns, rules: job.intake,
                  rescanInterval: max(60, job.intake.pollInterval), clock: clock)
    }

    /// Creates the work folder and checks it shares the inbox's file system.
    public func prepare() throws(IntakeError) {
        try claimer.prepare()
    }

    // MARK: - One look

    /// Lists the inbox once: the files complete now (handed out to the caller), consuming folder
    /// markers whose files are all claimed.
    public func scan() throws(IntakeError) -> IntakeDecision {
        let listing = try inbox.list()
        let now = clock()
        var decision = machine.withLock { $0.observe(listing.entries, at: now) }
        decision.undecodableNames = listing.undecodableNames
        for marker in decision.markersToConsume { inbox.consumeMarker(marker) }
        return decision
    }

    /// Claims a ready file into the work folder and deletes its per-file marker.
    public func claim(_ file: ReadyFile, inputID: String = UUID().uuidString.lowercased()) throws(IntakeError) -> ClaimOutcome {
        let outcome: ClaimOutcome
        do {
            outcome = try claimer.claim(file.name, inputID: inputID)
        } catch {
            // Moved but unreadable: it left the inbox all the same.
            if error.code == .ioFailed, !FileManager.default.fileExists(atPath: inbox.path + "/" + file.name) {
                machine.withLock { $0.claimed(file.name) }
            } else {
                machine.withLock { $0.release(file.name) }
            }
            throw error
        }
        machine.withLock { $0.claimed(file.name) }
        if case .claimed = outcome, let marker = file.marker { inbox.removeMarker(marker) }
        return outcome
    }

    /// Gives a ready file back unclaimed; it is considered again (from scratch) later.
    public func release(_ file: ReadyFile) {
        machine.withLock { $0.release(file.name) }
    }

    /// How a one-shot run waits for files to settle: suspends the task (ends early if cancelled).
    public static let settleWait: @Sendable (TimeInterval) async -> Void = { try? await Task.sleep(for: .seconds($0)) }

    /// For one-shot runs: what is complete now. Lists the inbox, waits (with `sleep`) until the
    /// files seen have had `settle_seconds` to settle — at most once, at most settle_seconds + 1 —
    /// and lists again. Files still changing are left for the next run.
    ///
    /// Before it waits, `whileSettling` is told the names of the files it will hand out if they
    /// settle (those complete now and those settling), so the caller can get ready meanwhile.
    ///
    /// The wait suspends the task: it holds no thread of Swift's pool (one per core), so the
    /// engines started by `whileSettling` get on meanwhile even on a one-core machine.
    public func collectSettled(
        sleep: (TimeInterval) async -> Void = Intake.settleWait,
        whileSettling: ([String]) -> Void = { _ in }
    ) async throws(IntakeError) -> [ReadyFile] {
        let first = try scan()
        guard let next = first.nextCheck else { return first.ready }
        whileSettling(first.ready.map(\.name) + first.settling)
        await sleep(min(max(0, next.timeIntervalSince(clock())), rules.settleSeconds + 1))
        return first.ready + (try scan()).ready
    }

    // MARK: - Watching

    /// Ready files as they become complete, until the consumer stops iterating or ``stop()`` is
    /// called. A dedicated thread waits on inotify or the poll timer (never a cooperative-pool
    /// thread); the sequence throws if the inbox cannot be listed or watched.
    public func readyFiles() -> AsyncThrowingStream<ReadyFile, any Error> {
        let (stream, continuation) = AsyncThrowingStream<ReadyFile, any Error>.makeStream()
        let thread = Thread { [self] in
            do {
                try watchLoop { continuation.yield($0) }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { [self] _ in stop() }
        thread.name = "yomitori.intake"
        thread.start()
        return stream
    }

    /// How the inbox is being watched; nil until ``readyFiles()`` started.
    public var detection: DetectionMethod? {
        watcher.withLock { $0?.method }
    }

    /// Ends ``readyFiles()``.
    public func stop() {
        stopped.withLock { $0 = true }
        watcher.withLock { $0?.close() }
    }

    private func watchLoop(_ deliver: (ReadyFile) -> Void) throws {
        let folderWatcher = try FolderWatcher(folder: inbox.path, poll: rules.poll)
        watcher.withLock { $0 = folderWatcher }
        defer { folderWatcher.close() }
        let interval = folderWatcher.method == .inotify ? rescanInterval : rules.pollInterval
        while !stopped.withLock({ $0 }) {
            let decision = try scan()
            decision.ready.forEach(deliver)
            var timeout = interval
            if let next = decision.nextCheck { timeout = min(timeout, max(0.05, next.timeIntervalSince(clock()))) }
            if folderWatcher.waitForChange(timeout: timeout) == .interrupted { break }
        }
    }
}
