import Foundation
import Synchronization
import YomitoriOCR
import YomitoriReader
import YomitoriResults

/// One page of one scan: the unit workers take from the shared queue.
struct PageRef: Sendable {
    var path: String
    var page: Int
}

/// Pages handed out to workers one at a time from a shared queue.
final class PageQueue: Sendable {
    let pages: [PageRef]
    /// Stop handing out pages after this many (the rest stays queued).
    let limit: Int
    private let next = Mutex(0)

    init(pages: [PageRef], limit: Int? = nil) {
        self.pages = pages
        self.limit = min(pages.count, limit ?? pages.count)
    }

    /// Every page of every file, in order; repeated in turn until at least `count` pages when given.
    convenience init(corpus: Corpus, count: Int? = nil, limit: Int? = nil) {
        let once = corpus.files.flatMap { f in (0..<f.pages).map { PageRef(path: f.path, page: $0) } }
        var all = once
        if let count, !once.isEmpty {
            all = (0..<max(count, once.count)).map { once[$0 % once.count] }
        }
        self.init(pages: all, limit: limit)
    }

    func take() -> PageRef? {
        next.withLock { i in
            guard i < limit else { return nil }
            defer { i += 1 }
            return pages[i]
        }
    }

    var queued: Int { pages.count }
}

/// How many pages ended how.
struct OutcomeCounts: Codable, Sendable {
    var accepted = 0, review = 0, invalid = 0, unknownForm = 0, failed = 0

    mutating func add(_ outcome: PageOutcome) {
        switch outcome {
        case .read(let page):
            switch page.status {
            case .accepted?: accepted += 1
            case .review?: review += 1
            case .invalid?, nil: invalid += 1
            }
        case .unknownForm: unknownForm += 1
        case .failed: failed += 1
        }
    }

    static func + (a: OutcomeCounts, b: OutcomeCounts) -> OutcomeCounts {
        OutcomeCounts(
            accepted: a.accepted + b.accepted, review: a.review + b.review, invalid: a.invalid + b.invalid,
            unknownForm: a.unknownForm + b.unknownForm, failed: a.failed + b.failed
        )
    }
}

/// What one worker did between the start signal and running out of files.
struct WorkerReport: Sendable {
    var pages = 0
    var fields = 0
    var ocrFields = 0
    /// Seconds per page: opening the file (first page), decoding, reading.
    var latencies: [Double] = []
    var decode = Cost()
    var read = Cost()
    /// Everything the worker did after the start signal.
    var busy = Cost()
    var recognitionSeconds = 0.0
    var engineCallSeconds = 0.0
    var recognitions = 0
    var enginesBeforeTiming = 0
    var enginesAfter = 0
    var languages: [String] = []
    var outcomes = OutcomeCounts()
    var errors: [String] = []
    var countsInstructions = false
}

/// Runs reader workers on threads: each creates its own `FormReader` (and so its engines), preloads
/// and warms up on one page before the clock starts, then takes files from the shared queue.
struct ReaderWorkers {
    let templates: [PreparedTemplate]
    /// Read once by every worker before timing, so lazily created engines (second-read models)
    /// exist before the clock starts.
    let warmup: String?
    /// Workers that run out of pages read fields of the others' pages (`FieldSharing`), as
    /// `yomitori run` does; false measures each page read by one worker alone.
    var sharing = true

    struct Run {
        var wall: Double
        var workers: [WorkerReport]
        /// Fields read by a worker other than the page's (nil without sharing).
        var fieldsHelped: Int?
    }

    /// - Parameter onPage: called by a worker after each page (for progress and sampling).
    func run(workers: Int, queue: PageQueue, onPage: (@Sendable () -> Void)? = nil) -> Run {
        let ready = DispatchGroup()
        let done = DispatchGroup()
        let go = DispatchSemaphore(value: 0)
        let reports = Mutex<[WorkerReport]>([])
        let templates = self.templates
        let warmup = self.warmup
        let sharing = self.sharing && workers > 1 ? FieldSharing(members: workers) : nil
        for index in 0..<workers {
            ready.enter()
            done.enter()
            let thread = Thread {
                let report = ReaderWorkers.work(
                    index: index, templates: templates, warmup: warmup, queue: queue, sharing: sharing,
                    ready: ready, go: go, onPage: onPage
                )
                reports.withLock { $0.append(report) }
                done.leave()
            }
            thread.stackSize = 16 << 20
            thread.start()
        }
        ready.wait()
        let start = now()
        for _ in 0..<workers { go.signal() }
        done.wait()
        let wall = now() - start
        return Run(wall: wall, workers: reports.withLock { $0 }, fieldsHelped: sharing?.itemsHelped)
    }

    private static func work(
        index: Int, templates: [PreparedTemplate], warmup: String?, queue: PageQueue, sharing: FieldSharing?,
        ready: DispatchGroup, go: DispatchSemaphore, onPage: (@Sendable () -> Void)?
    ) -> WorkerReport {
        var report = WorkerReport()
        let reader = FormReader(templates: templates)
        do {
            try reader.preload()
            if let warmup {
                let scan = try ScanFile(path: warmup)
                _ = reader.read(try scan.page(0), id: PageID(file: warmup, page: 0))
            }
        } catch {
            report.errors.append("worker \(index) setup: \(error)")
        }
        report.enginesBeforeTiming = reader.engines.count
        let meter = ThreadMeter()
        report.countsInstructions = meter.countsInstructions
        let recognitionBefore = reader.engines.recognitionSeconds
        let callBefore = reader.engines.engineCallSeconds
        let recognitionsBefore = reader.engines.recognitions
        ready.leave()
        go.wait()
        let start = meter.snapshot()
        // A worker keeps the file it last opened: consecutive pages of a TIFF or PDF are not reopened.
        var open: ScanFile?
        while let ref = queue.take() {
            let id = PageID(file: ref.path, page: ref.page)
            let t0 = meter.snapshot()
            var outcome: PageOutcome
            do {
                if open?.path != ref.path { open = nil; open = try ScanFile(path: ref.path) }
                let image = try open!.page(ref.page)
                let t1 = meter.snapshot()
                report.decode = report.decode + (t1 - t0)
                outcome = reader.read(image, id: id, sharing: sharing)
                report.read = report.read + (meter.snapshot() - t1)
            } catch {
                outcome = .failed(id, error as? OCRError ?? OCRError(code: .corrupt, file: ref.path, message: "\(error)"))
                report.decode = report.decode + (meter.snapshot() - t0)
            }
            report.latencies.append(now() - t0.seconds)
            report.pages += 1
            report.outcomes.add(outcome)
            switch outcome {
            case .read(let page):
                report.fields += page.fields.count
                report.ocrFields += page.fields.filter { $0.type != "checkbox" && $0.type != "choice" }.count
            case .failed(let id, let error):
                if report.errors.count < 5 { report.errors.append("\(id): \(error.message)") }
            case .unknownForm(let id, _, _):
                if report.errors.count < 5 { report.errors.append("\(id): unknown form") }
            }
            onPage?()
        }
        // Out of pages: read fields of the pages the other workers are still reading.
        if let sharing { reader.help(sharing) }
        report.busy = meter.snapshot() - start
        report.recognitionSeconds = reader.engines.recognitionSeconds - recognitionBefore
        report.engineCallSeconds = reader.engines.engineCallSeconds - callBefore
        report.recognitions = reader.engines.recognitions - recognitionsBefore
        report.enginesAfter = reader.engines.count
        report.languages = reader.engines.languages
        return report
    }
}
