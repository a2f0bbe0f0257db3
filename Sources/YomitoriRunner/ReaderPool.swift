import Foundation
import YomitoriOCR
import YomitoriReader
import YomitoriTemplate

/// The reading workers of one job and the templates they read. Each worker creates its Tesseract
/// engines once and reads every page it is given with them.
///
/// `yomitori run` makes a pool for its one run. `yomitori serve` keeps one per job across its
/// passes, so a file dropped into a watched inbox is read by engines already loaded instead of
/// after a fresh start of every worker (about a quarter of a second of both cores, and the
/// reference images decoded again). The pool starts anew when the job's templates or their
/// reference images change, and ``release()`` frees the engines (serve calls it after a while
/// without work).
///
/// One pass at a time uses a pool (`serve` runs a job's passes one after another).
public actor ReaderPool {
    private var workers: [ReaderWorker] = []
    private var prepared: Task<[PreparedTemplate], any Error>?
    private var key: TemplatesKey?
    /// Workers started since the pool was made; each created its engines once.
    public private(set) var workersStarted = 0

    public init() {}

    /// Workers whose engines are created and whose templates are prepared: every worker the pool
    /// holds, starting more if it holds fewer than `count`. A missing language or reference image
    /// throws before any is returned, and leaves the pool empty.
    func workers(count: Int, templates: [Template], limits: ScanLimits) async throws -> [ReaderWorker] {
        let key = TemplatesKey(templates)
        if key != self.key {
            _ = release()
            self.key = key
        }
        guard workers.count < count else { return workers }
        // The reference images are prepared while the workers create their engines, on a thread
        // of their own: Swift's pool (one thread per core) may be held meanwhile by the settle
        // wait, and the workers' start must not queue behind this.
        let prepared = self.prepared ?? Task { try await onOwnThread { Result { try Self.prepare(templates) } }.get() }
        self.prepared = prepared
        let fresh = (workers.count..<count).map { ReaderWorker(index: $0, limits: limits) }
        // Each on its own thread, at the same time (engines share nothing they write while being
        // created; see TesseractEngine); a worker's own engines on several threads only when there
        // are more cores than workers.
        let threads = max(1, ProcessInfo.processInfo.activeProcessorCount / count)
        let languages = FormReader.languages(for: templates)
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in fresh {
                    group.addTask { try await worker.start(languages: languages, threads: threads, templates: prepared) }
                }
                try await group.waitForAll()
            }
        } catch {
            _ = release()
            throw error as? RunError ?? RunError(code: .configuration, message: "\(error)")
        }
        workers += fresh
        workersStarted += fresh.count
        return workers
    }

    /// Lets go of the workers and prepared templates (their engines are freed once no run reads
    /// with them); returns how many workers there were.
    public func release() -> Int {
        let count = workers.count
        workers = []
        prepared = nil
        key = nil
        return count
    }

    /// Loads the templates' reference images and prepares registration.
    private static func prepare(_ templates: [Template]) throws -> [PreparedTemplate] {
        do {
            return try templates.map(PreparedTemplate.init)
        } catch {
            throw RunError(code: .configuration, message: "\(error)")
        }
    }
}

/// What prepared templates were made from: the parsed template files and, for each reference
/// image, its size and modification time (an image replaced under the same name counts as a change).
private struct TemplatesKey: Equatable {
    struct Stamp: Equatable {
        var path: String
        var size: UInt64?
        var modified: Date?
    }
    var templates: [Template]
    var references: [Stamp]

    init(_ templates: [Template]) {
        self.templates = templates
        references = templates.flatMap { template in
            template.pages.compactMap { template.resolvedReferenceImage(for: $0) }.map { path in
                let attributes = try? FileManager.default.attributesOfItem(atPath: path)
                return Stamp(
                    path: path, size: (attributes?[.size] as? NSNumber)?.uint64Value,
                    modified: attributes?[.modificationDate] as? Date
                )
            }
        }
    }
}
