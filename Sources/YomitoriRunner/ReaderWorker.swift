import Foundation
import YomitoriOCR
import YomitoriReader
import YomitoriResults
import YomitoriText

/// One reading worker: a serial queue that owns a ``FormReader`` (and so its Tesseract engines),
/// created once and reused for every page. OCR blocks, so it runs on the worker's own thread,
/// never on Swift's cooperative pool.
final class ReaderWorker: @unchecked Sendable {
    private let queue: DispatchQueue
    /// Created by `start` while the templates are prepared, then handed to `reader`.
    private var engines: EngineSet?
    private var reader: FormReader?
    private let limits: ScanLimits

    init(index: Int, limits: ScanLimits) {
        self.queue = DispatchQueue(label: "yomitori.reader.\(index)")
        self.limits = limits
    }

    /// Creates the engines for `languages` now (on `threads` threads), while `templates` are being
    /// prepared (reference images loaded), then the reader: a missing language or reference image
    /// fails before any file is taken.
    func start(
        languages: (required: [String], optional: [String]), threads: Int, templates: Task<[PreparedTemplate], any Error>
    ) async throws {
        try await onQueue {
            let engines = EngineSet()
            try engines.preload(languages.required, optional: languages.optional, threads: threads)
            self.engines = engines
        }
        let prepared = try await templates.value
        try await onQueue {
            // The engines now belong to the reader.
            self.reader = self.engines.map { FormReader(templates: prepared, engines: $0) }
            self.engines = nil
        }
    }

    /// Runs `body` on the worker's own thread.
    private func onQueue(_ body: @escaping @Sendable () throws -> Void) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }

    /// Reads every page of `path` (a claimed input); `display` is the name used in results. Idle
    /// members of `sharing` may read some of the pages' fields.
    func read(path: String, display: String, today: JapaneseDate, sharing: FieldSharing?) async -> FileReading {
        await withCheckedContinuation { (continuation: CheckedContinuation<FileReading, Never>) in
            queue.async {
                continuation.resume(returning: self.readNow(path: path, display: display, today: today, sharing: sharing))
            }
        }
    }

    /// Leaves `sharing` (no inputs left for this worker) and reads fields of the pages the other
    /// members are reading until all have left, each once `gate` (a shared slot limit) lets it in.
    func help(_ sharing: FieldSharing, gate: (any HelpGate)?) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.async {
                if let reader = self.reader { reader.help(sharing, gate: gate) } else { sharing.leave() }
                continuation.resume()
            }
        }
    }

    /// Seconds this worker's engines spent inside Tesseract's recognition so far.
    func recognitionSeconds() async -> Double {
        await withCheckedContinuation { (continuation: CheckedContinuation<Double, Never>) in
            queue.async { continuation.resume(returning: self.reader?.engines.recognitionSeconds ?? 0) }
        }
    }

    private func readNow(path: String, display: String, today: JapaneseDate, sharing: FieldSharing?) -> FileReading {
        guard let reader else { return .unreadable(OCRError(code: .engineFailed, file: display, message: "worker not started")) }
        let scan: ScanFile
        do {
            scan = try ScanFile(path: path, limits: limits)
        } catch let error as OCRError {
            var e = error
            e.file = display
            return .unreadable(e)
        } catch {
            return .unreadable(OCRError(code: .unreadable, file: display, message: "\(error)"))
        }
        var outcomes: [PageOutcome] = []
        for index in 0..<scan.pageCount {
            let id = PageID(file: display, page: index)
            do {
                let image = try scan.page(index)
                outcomes.append(reader.read(image, id: id, today: today, sharing: sharing))
            } catch {
                let e = error as? OCRError ?? OCRError(code: .corrupt, file: display, message: "\(error)")
                outcomes.append(.failed(id, e))
            }
        }
        return .pages(outcomes)
    }
}

/// What reading one input file gave.
enum FileReading: Sendable {
    case unreadable(OCRError)
    case pages([PageOutcome])
}
