import ArgumentParser
import Foundation
import YomitoriJobs
import YomitoriLedger
import YomitoriRunner

/// `yomitori run JOB`: process what is in the job's inbox now, then exit (for cron).
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Process what is in a job's inbox now and exit (for cron).",
        discussion: """
        Takes a per-job lock: a second run of the same job exits at once with status 4. Ends \
        with a one-line summary on stderr; --json prints the run report on stdout.

        Exit status: 0 all pages accepted (or nothing to do); 1 some pages wait for review or \
        are invalid; 2 some inputs failed (quarantined with a reason); 3 configuration error; \
        4 another run of this job holds the lock.
        """
    )

    @Argument(help: "Job definition file (YAML).") var job: String
    @Option(help: "Ledger database (default: $YOMITORI_LEDGER, /var/lib/yomitori/ledger.sqlite as root, else ~/.local/share/yomitori).")
    var ledger: String?
    @Option(help: "Folder for lock files (default /run/lock/yomitori when writable).") var lockDir: String?
    @Option(help: "Worker count (default: the job's).") var workers: Int?
    @Option(help: "Most files read and exported as one batch; a larger backlog is worked through in several batches, each exported and routed before the next is taken.")
    var batchInputs = 200
    @Flag(help: "Print the run report as JSON on stdout.") var json = false

    func run() throws {
        let definition: JobDefinition
        do {
            definition = try JobLoader.load(path: job)
        } catch {
            Console.error("\(error)")
            throw ExitCode(RunExitCode.configurationError.rawValue)
        }
        let lock: JobLock
        do {
            lock = try JobLock.acquire(job: definition.id, in: StatePaths.locks(lockDir))
        } catch {
            Console.error("\(definition.id): another run holds the lock (\(error))")
            throw ExitCode(RunExitCode.lockHeld.rawValue)
        }
        defer { lock.release() }
        let ledgerPath = StatePaths.ledger(ledger)
        let store: SQLiteLedger
        do {
            try FileManager.default.createDirectory(atPath: (ledgerPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            store = try SQLiteLedger(path: ledgerPath)
        } catch {
            Console.error("\(ledgerPath): cannot open the ledger (\(error))")
            throw ExitCode(RunExitCode.configurationError.rawValue)
        }
        var options = RunOptions()
        options.workers = workers
        options.batchInputs = max(1, batchInputs)
        options.trigger = ProcessInfo.processInfo.environment["TERM"] == nil ? "cron" : "manual"
        let progress = ProgressLine(enabled: isatty(STDERR_FILENO) == 1)
        options.progress = { n, total in progress.advance(n, of: total) }
        let report: RunReport
        do {
            let runner = JobRunner(job: definition, ledger: store, options: options)
            report = try runBlocking { try await runner.runOnce() }
        } catch let error as RunError where error.code == .configuration {
            Console.error("\(error)")
            throw ExitCode(RunExitCode.configurationError.rawValue)
        }
        progress.finish()
        if json {
            let e = JSONEncoder()
            e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            e.dateEncodingStrategy = .iso8601
            FileHandle.standardOutput.write(try e.encode(report) + Data("\n".utf8))
        }
        Console.error(report.summary)
        let code = RunExitCode(report: report)
        if code != .allAccepted { throw ExitCode(code.rawValue) }
    }
}

/// A progress bar on a terminal (files done of total, rate, ETA); silent elsewhere (cron, logs).
final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var done = 0
    private let start = Date()

    init(enabled: Bool) { self.enabled = enabled }

    func advance(_ n: Int, of total: Int) {
        guard enabled else { return }
        lock.lock()
        done += n
        let elapsed = max(0.001, Date().timeIntervalSince(start))
        let rate = Double(done) / elapsed
        let eta = rate > 0 ? Double(total - done) / rate : 0
        let width = 30
        let filled = total > 0 ? width * done / total : width
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        lock.unlock()
        FileHandle.standardError.write(Data(String(format: "\r%@ %d/%d files  %.2f files/s  ETA %ds ", bar, done, total, rate, Int(eta)).utf8))
    }

    func finish() {
        if enabled && done > 0 { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
