import Foundation
import YomitoriJobs
import YomitoriLedger
import YomitoriOCR
import YomitoriReader
import YomitoriResults
import YomitoriText

extension JobRunner {
    // MARK: - One batch

    /// Reads and decides one batch — `resumed` inputs, then new files from `fresh` claimed one by
    /// one while the workers read the first ones, `limit` inputs in all — exports the accepted ones
    /// (with `approved`, inputs released by the review station) in one import file, routes
    /// everything and runs the after-batch steps. Returns the files of `fresh` not taken.
    ///
    /// Each input is recorded as soon as it and every input before it are read (so the ledger and
    /// the report keep the batch's order), and one that is not accepted is routed then, while the
    /// workers go on; accepted ones are routed after the import file is written.
    func process(
        resumed: [InputToRead], fresh: ArraySlice<ReadyFile>, limit: Int, approved: [(InputToRead, [PageRead])],
        workers: [ReaderWorker], context: RunContext, exporter: BatchExporter, report: inout RunReport
    ) async throws -> ArraySlice<ReadyFile> {
        let feed = InputFeed(resumed)
        let slots = limit - resumed.count
        let expected = resumed.count + min(slots, fresh.count)
        let side = SideSteps(job: job, logger: logger)
        let problemsBefore = report.problems.count
        var exportable = approved
        var pageStatuses: [(name: String, status: PageStatus)] = []
        var acceptedPages: [PageRead] = []
        var tally = BatchTally()
        func settle(_ input: InputToRead, _ outcome: InputOutcome) async throws {
            switch outcome {
            case .exported(let pages):
                acceptedPages += pages
                tally.accepted += pages.count
                pageStatuses.append((input.name, .accepted))
            case .review: tally.review += 1; pageStatuses.append((input.name, .review))
            case .invalid: tally.invalid += 1; pageStatuses.append((input.name, .invalid))
            case .failed: tally.failed += 1; pageStatuses.append((input.name, .failed))
            default: break
            }
            try await context.route(input, outcome, report: &report)
        }

        var claiming = Claiming(rest: fresh)
        let (readings, delivery) = AsyncStream.makeStream(of: (Int, InputToRead, FileReading).self)
        try await withThrowingTaskGroup(of: Claiming?.self) { group in
            group.addTask { try await self.claim(fresh, slots: slots, into: feed, context: context) }
            group.addTask {
                await self.readAll(feed, workers: workers, today: context.today, expected: expected) { delivery.yield($0) }
                delivery.finish()
                return nil
            }
            func commit(_ input: InputToRead, _ reading: FileReading) async throws {
                let transformed: FileReading = switch reading {
                case .pages(let outcomes): .pages(outcomes.map { if case .read(let p) = $0 { .read(side.transform(p)) } else { $0 } })
                case .unreadable: reading
                }
                let outcome = try await context.recordReading(input, transformed, report: &report)
                if case .accepted(let pages) = outcome {
                    exportable.append((input, pages))
                } else {
                    try await settle(input, outcome)
                }
            }
            var waiting: [Int: (InputToRead, FileReading)] = [:]
            var next = 0
            for await (index, input, reading) in readings {
                waiting[index] = (input, reading)
                while let (input, reading) = waiting.removeValue(forKey: next) {
                    next += 1
                    try await commit(input, reading)
                }
            }
            for try await result in group {
                if let result { claiming = result }
            }
            // Every input fed is read by some worker; one that was not is quarantined, not lost.
            for input in await feed.inputs(from: next) {
                try await commit(input, .unreadable(OCRError(code: .engineFailed, file: input.name, message: "not read")))
            }
        }
        // As if claimed before reading: duplicates' problems first.
        report.problems.insert(contentsOf: claiming.problems, at: problemsBefore)
        report.counts.duplicates += claiming.duplicates
        report.counts.inputs += await feed.count

        if !exportable.isEmpty {
            let refused = try await exporter.export(exportable, ledger: ledger, context: context, report: &report)
            for (input, pages) in exportable {
                if refused.contains(input.id) { try await context.sendToReview(input, pages) }
                try await settle(input, refused.contains(input.id) ? .review : .exported(pages))
            }
        }
        if !pageStatuses.isEmpty {
            side.afterBatch(pages: pageStatuses, accepted: acceptedPages, tally: tally, context: context, report: &report)
        }
        return claiming.rest
    }

    /// What claiming a batch's new files left: the files not taken, and the duplicates found.
    private struct Claiming: Sendable {
        var rest: ArraySlice<ReadyFile>
        var duplicates = 0
        var problems: [String] = []
    }

    /// Claims up to `slots` new files one by one, appending each to `feed` once recorded (a
    /// duplicate is routed at once instead). Finishes the feed however it ends.
    private func claim(_ fresh: ArraySlice<ReadyFile>, slots: Int, into feed: InputFeed, context: RunContext) async throws -> Claiming {
        var rest = fresh
        var taken = 0
        var scratch = RunReport(run: context.runID, job: job.id, startedAt: Date(), durationSeconds: 0)
        do {
            while taken < slots, !Task.isCancelled, let ready = rest.popFirst() {
                let id = UUID().uuidString.lowercased()
                guard case .claimed(let file) = try intake.claim(ready, inputID: id) else { continue }
                if let input = try await context.record(file, report: &scratch) {
                    await feed.append(input)
                    taken += 1
                }
            }
        } catch {
            await feed.finish()
            throw error
        }
        await feed.finish()
        return Claiming(rest: rest, duplicates: scratch.counts.duplicates, problems: scratch.problems)
    }

    /// Reads the inputs of `feed` with every worker busy, handing each reading to `deliver` as it
    /// is done. A worker that runs out of inputs reads fields of the pages the others are still
    /// reading (the last pages of a batch, a long PDF); under a limit shared with other jobs, each
    /// field only when a slot is free at once (a file waits for its slot; a helper never does, so
    /// it never holds one idle).
    private func readAll(
        _ feed: InputFeed, workers: [ReaderWorker], today: JapaneseDate, expected: Int,
        deliver: @escaping @Sendable ((Int, InputToRead, FileReading)) -> Void
    ) async {
        let sharing = workers.count > 1 ? FieldSharing(members: workers.count) : nil
        await withTaskGroup(of: Void.self) { group in
            for worker in workers {
                group.addTask {
                    while let (index, input) = await feed.next() {
                        await self.options.sharedLimit?.acquire()
                        let reading = await worker.read(path: input.path, display: input.name, today: today, sharing: sharing)
                        self.options.sharedLimit?.release()
                        deliver((index, input, reading))
                        self.options.progress?(1, expected)
                    }
                    if let sharing {
                        await worker.help(sharing, gate: self.options.sharedLimit.map(LimitGate.init))
                    }
                }
            }
        }
    }
}
