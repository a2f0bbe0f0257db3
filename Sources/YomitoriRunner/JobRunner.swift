public import Foundation
public import Logging
public import YomitoriJobs
public import YomitoriLedger
public import YomitoriOCR
import YomitoriReader
import YomitoriResults
import YomitoriTemplate
public import YomitoriText

/// Runs a job once over what is in its inbox now (`yomitori run`, for cron).
///
/// Order of work, so that every input ends exactly once in done, review or error and no import
/// file is written twice, across kill -9 and restarts: finish what a crashed run left (batches,
/// claimed files) → take settled files by atomic rename → read and decide → export accepted
/// pages in one batch (written atomically, recorded in the same step) → route every input.
public final class JobRunner: Sendable {
    public let job: JobDefinition
    public let ledger: any Ledger
    public let options: RunOptions
    let logger: Logger
    /// Kept across passes by `serve`, so that files settle between passes.
    let intake: Intake

    public init(
        job: JobDefinition, ledger: any Ledger, options: RunOptions = RunOptions(),
        intake: Intake? = nil, logger: Logger = Logger(label: "yomitori.run")
    ) {
        self.job = job
        self.ledger = ledger
        self.options = options
        self.intake = intake ?? Intake(job: job)
        self.logger = logger
    }

    /// Processes the inbox once.
    /// - Throws: ``RunError`` for configuration problems (templates, mappings) and ledger failures;
    ///   problems with individual inputs are quarantined and counted, never thrown.
    public func runOnce() async throws -> RunReport {
        let started = Date()
        let identity = WorkerIdentity(host: WorkerIdentity.thisHost, worker: "run-\(getpid())")
        // Template files are parsed (so a broken one is reported even on an empty inbox); their
        // reference images and the engines are loaded only when there is something to read.
        let templates = try loadTemplates()
        let exporter = try BatchExporter(job: job, configs: job.exports)
        let run = try await ledger.beginRun(RunStart(job: job.id, trigger: options.trigger, by: identity))
        var report = RunReport(run: run.id, job: job.id, startedAt: started, durationSeconds: 0)
        report.effect.secondsPerField = job.secondsPerField
        let context = RunContext(job: job, runID: run.id, identity: identity, ledger: ledger, logger: logger, today: options.today ?? .today)

        // 1. What a crashed run left behind.
        try await exporter.recover(ledger: ledger, context: context, report: &report)
        try intake.prepare()
        let plan = try await ResumePlan.make(job: job.id, ledger: ledger, work: WorkFolder(path: job.work), run: run.id)
        var inputs: [InputToRead] = []
        var exportable: [(InputToRead, [PageRead])] = []
        for missing in plan.missingFiles {
            try await ledger.markInputRouted(id: missing.id, to: nil)
        }
        for record in plan.resumable {
            let input = InputToRead(id: record.id, path: record.claimedPath, name: (record.originalPath as NSString).lastPathComponent)
            // From here on this run holds the input. Another runner that planned at the same moment
            // (two hosts restarting after a crash) and attempted it first has it: left to that one.
            let attempt: InputRecord
            do {
                attempt = try await ledger.beginAttempt(inputID: record.id, run: run.id, by: identity)
            } catch let error as LedgerError where error.code == .invalidTransition {
                logger.info("input taken by another runner", metadata: ["input.id": "\(record.id)"])
                continue
            }
            report.counts.resumed += 1
            // Decided before the crash: only the routing is left.
            if let outcome = try await context.decidedOutcome(of: record) {
                // Approved in review (or accepted before a crash): joins this run's batch.
                if case .accepted(let pages) = outcome {
                    exportable.append((input, pages))
                } else {
                    try await context.route(input, outcome, report: &report)
                }
                continue
            }
            if attempt.attempts > options.maxAttempts {
                try await context.fail(inputID: record.id, path: record.claimedPath, name: input.name,
                                       code: "too_many_attempts", ja: "処理が\(options.maxAttempts)回中断されました", en: "processing was interrupted \(options.maxAttempts) times",
                                       report: &report)
                continue
            }
            inputs.append(input)
        }
        for file in plan.unrecorded {
            if let input = try await context.record(file, report: &report) { inputs.append(input) }
        }

        // 2. New files, once settled. Engines are created before any file is taken, so a missing
        // language or reference image leaves the inbox as it was; with nothing to read, never.
        // While files seen settle (settle_seconds), the engines are created meanwhile.
        let resumedNames = inputs.map(\.name)
        let readers = options.readers ?? ReaderPool()
        func start(for names: [String]) -> Task<[ReaderWorker], any Error> {
            let count = workerCount(for: names)
            return Task { try await readers.workers(count: count, templates: templates, limits: self.options.limits) }
        }
        var starting: Task<[ReaderWorker], any Error>?
        let settledFiles = try await intake.collectSettled(sleep: options.sleep) { seen in starting = start(for: resumedNames + seen) }
        if starting == nil, !inputs.isEmpty || !settledFiles.isEmpty {
            starting = start(for: resumedNames + settledFiles.map(\.name))
        }
        let workers = try await starting?.value ?? []
        // Workers kept by serve from earlier passes have read before: this run counts its own share.
        let recognitionBefore = await Self.recognitionSeconds(of: workers)
        // 3. Batches of at most `batchInputs` inputs: resumed ones first, then new files, claimed only
        // when their batch starts (one by one, while the workers read the first). Each batch is read,
        // decided, exported and routed before the next is claimed, so results appear while a large
        // backlog is worked through and the files not yet claimed stay in the inbox for another
        // runner. Inputs approved in review join the first.
        let limit = max(1, options.batchInputs)
        var resumed = inputs[...]
        var fresh = settledFiles[...]
        var batchesWritten = 0
        repeat {
            let first = Array(resumed.prefix(limit))
            resumed = resumed.dropFirst(first.count)
            let outputsBefore = report.outputs.count
            fresh = try await process(
                resumed: first, fresh: fresh, limit: limit, approved: exportable,
                workers: workers, context: context, exporter: exporter, report: &report
            )
            exportable = []
            if report.outputs.count > outputsBefore { batchesWritten += 1 }
        } while !resumed.isEmpty || !fresh.isEmpty

        report.durationSeconds = Date().timeIntervalSince(started)
        report.pagesPerSecond = report.durationSeconds > 0 ? Double(report.counts.pages) / report.durationSeconds : 0
        report.effect.keyingSecondsSaved = Double(report.effect.fieldsAutomated) * job.secondsPerField
        if !workers.isEmpty, report.counts.pages > 0 {
            var reading = RunReport.Reading(workers: workers.count)
            reading.recognitionSeconds = await Self.recognitionSeconds(of: workers) - recognitionBefore
            let capacity = Double(workers.count) * report.durationSeconds
            reading.efficiency = capacity > 0 ? reading.recognitionSeconds / capacity : 0
            report.reading = reading
        }
        let json = String(decoding: (try? JSONEncoder.report.encode(report)) ?? Data(), as: UTF8.self)
        let counts = RunCounts(
            claimed: report.counts.inputs, resumed: report.counts.resumed, duplicates: report.counts.duplicates,
            pages: report.counts.pages, accepted: report.counts.accepted, review: report.counts.review,
            invalid: report.counts.invalid, failed: report.counts.failed, batches: batchesWritten
        )
        try await ledger.finishRun(id: run.id, state: .finished, counts: counts, reportJSON: json)
        return report
    }

    // MARK: - Set-up

    private func loadTemplates() throws -> [Template] {
        var templates: [Template] = []
        for path in job.templates {
            do {
                templates.append(try TemplateLoader.load(path: path))
            } catch {
                throw RunError(code: .configuration, message: "\(error)")
            }
        }
        return templates
    }

    /// The workers a run needs: the job's, but no more than there are inputs to keep busy (one per
    /// input), or all of them when an input may hold many pages (a PDF or TIFF, whose pages' fields
    /// the other workers read along — see `FieldSharing`). Workers a kept pool already holds all read.
    private func workerCount(for names: [String]) -> Int {
        let wanted = options.workers ?? job.workers
        return max(1, min(wanted, names.contains(where: Self.mayHoldPages) ? wanted : names.count))
    }

    /// Seconds the workers' engines have spent inside Tesseract's recognition so far.
    private static func recognitionSeconds(of workers: [ReaderWorker]) async -> Double {
        var total = 0.0
        for worker in workers { total += await worker.recognitionSeconds() }
        return total
    }

    /// A PDF or TIFF: it may hold many pages.
    static func mayHoldPages(_ name: String) -> Bool {
        ["pdf", "tif", "tiff"].contains((name as NSString).pathExtension.lowercased())
    }
}

/// Settings of one run that are not in the job file.
public struct RunOptions: Sendable {
    /// Overrides the job's worker count.
    public var workers: Int?
    /// `manual`, `cron`, `schedule`, `watch` (recorded in the ledger).
    public var trigger = "manual"
    /// The day pages are judged against (dates not in the future…); default today in Japan.
    public var today: JapaneseDate?
    /// A claimed input whose processing was interrupted more often than this is quarantined.
    public var maxAttempts = 3
    public var limits = ScanLimits()
    /// Waiting for files to settle (tests pass a no-op).
    public var sleep: @Sendable (TimeInterval) async -> Void = Intake.settleWait
    /// Called once per input read with (inputs done, inputs in this run): progress bars.
    public var progress: (@Sendable (Int, Int) -> Void)?
    /// Shared by every job of a `serve` process: at most this many pages read at once.
    public var sharedLimit: WorkerLimit?
    /// Most inputs (files) claimed, read and exported as one batch; a larger backlog is worked
    /// through in several batches within the run, each exported and routed before the next is
    /// claimed.
    public var batchInputs = 200
    /// The job's reading workers, kept by `serve` across passes so that engines are created once;
    /// nil: the run starts its own.
    public var readers: ReaderPool?
    public init() {}
}

/// A run that cannot start or continue.
public struct RunError: Error, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable {
        let raw: String
        public static let configuration = Code(raw: "configuration")
        public static let export = Code(raw: "export")
    }
    public var code: Code
    public var message: String
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }
    public var description: String { message }
}

extension JSONEncoder {
    static var report: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .iso8601
        return e
    }
}
