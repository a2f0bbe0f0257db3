public import YomitoriOCR
import Dispatch

/// The Tesseract engines of one worker, one per language set, each created once on first use.
///
/// Not thread-safe by design: a worker owns its `EngineSet` and nothing else touches it.
public final class EngineSet {
    private var engines: [String: TesseractEngine] = [:]
    /// Languages that failed to load, with the error: asked again, they fail at once instead of
    /// trying to load the model for every zone.
    private var unavailable: [String: any Error] = [:]
    private let dataPath: String?

    public init(dataPath: String? = nil) {
        self.dataPath = dataPath
    }

    /// Creates the engines for `languages` now, so missing language data is reported before any page.
    /// `optional` languages are created too when installed; a missing one is remembered, not thrown.
    ///
    /// The engines are created at the same time, each on its own thread: creating one is mostly
    /// parsing its model (about 0.1 s), and engines share nothing they write while being created
    /// (see ``TesseractEngine``). A single worker on a multi-core machine starts in the time of its
    /// slowest model instead of the sum.
    public func preload(_ languages: [String], optional: [String] = []) throws {
        var wanted: [String] = []
        for lang in languages + optional where !wanted.contains(lang) && engines[lang] == nil && unavailable[lang] == nil {
            wanted.append(lang)
        }
        for (lang, result) in zip(wanted, Self.create(wanted, dataPath: dataPath)) {
            switch result {
            case .success(let engine): engines[lang] = engine
            case .failure(let error): unavailable[lang] = error
            }
        }
        for lang in languages { _ = try engine(for: lang) }  // the first required one missing, in order
    }

    /// One engine per language set, created on parallel threads; results in the order given.
    private static func create(_ languages: [String], dataPath: String?) -> [Result<TesseractEngine, any Error>] {
        // Each index is written by exactly one iteration, and read only after all have ended.
        nonisolated(unsafe) let slots = UnsafeMutableBufferPointer<Result<TesseractEngine, any Error>?>.allocate(capacity: languages.count)
        slots.initialize(repeating: nil)
        defer {
            _ = slots.deinitialize()
            slots.deallocate()
        }
        DispatchQueue.concurrentPerform(iterations: languages.count) { index in
            slots[index] = Result { try TesseractEngine(languages: languages[index], dataPath: dataPath) }
        }
        // concurrentPerform runs every index once; the fallback is never taken.
        return slots.enumerated().map { index, result in
            result ?? .failure(OCRError(code: .engineFailed, message: "engine for \(languages[index]) not created"))
        }
    }

    public func engine(for languages: String) throws -> TesseractEngine {
        if let e = engines[languages] { return e }
        if let error = unavailable[languages] { throw error }
        do {
            let e = try TesseractEngine(languages: languages, dataPath: dataPath)
            engines[languages] = e
            return e
        } catch {
            unavailable[languages] = error
            throw error
        }
    }

    /// How many engines were created (for benchmarks: must not grow with pages).
    public var count: Int { engines.count }

    // MARK: - Instrumentation (read by benchmarks)
    /// Seconds inside `TessBaseAPIRecognize`, summed over this worker's engines.
    public var recognitionSeconds: Double { engines.values.reduce(0) { $0 + $1.recognitionSeconds } }
    /// Seconds in `TesseractEngine.recognize` as a whole, summed over this worker's engines.
    public var engineCallSeconds: Double { engines.values.reduce(0) { $0 + $1.callSeconds } }
    /// Recognitions run by this worker's engines.
    public var recognitions: Int { engines.values.reduce(0) { $0 + $1.recognitions } }
    /// The language sets loaded so far.
    public var languages: [String] { engines.keys.sorted() }
}
