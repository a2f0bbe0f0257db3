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
    /// With `threads` above 1 the engines are created at the same time on that many threads:
    /// creating one is mostly parsing its model (about 0.1 s), and engines share nothing they write
    /// while being created (see ``TesseractEngine``). Worth it only when cores would otherwise be
    /// idle (one worker, `yomitori read`): each extra thread keeps a malloc arena of its own, some
    /// 10–15 MB more resident memory.
    public func preload(_ languages: [String], optional: [String] = [], threads: Int = 1) throws {
        var wanted: [String] = []
        for lang in languages + optional where !wanted.contains(lang) && engines[lang] == nil && unavailable[lang] == nil {
            wanted.append(lang)
        }
        for (lang, result) in zip(wanted, Self.create(wanted, dataPath: dataPath, threads: threads)) {
            switch result {
            case .success(let engine): engines[lang] = engine
            case .failure(let error): unavailable[lang] = error
            }
        }
        for lang in languages { _ = try engine(for: lang) }  // the first required one missing, in order
    }

    /// One engine per language set, created on up to `threads` threads; results in the order given.
    private static func create(_ languages: [String], dataPath: String?, threads: Int) -> [Result<TesseractEngine, any Error>] {
        @Sendable func make(_ lang: String) -> Result<TesseractEngine, any Error> {
            Result { try TesseractEngine(languages: lang, dataPath: dataPath) }
        }
        let lanes = max(1, min(threads, languages.count))
        guard lanes > 1 else { return languages.map(make) }
        // Each index is written by exactly one lane, and read only after all lanes have ended.
        nonisolated(unsafe) let slots = UnsafeMutableBufferPointer<Result<TesseractEngine, any Error>?>.allocate(capacity: languages.count)
        slots.initialize(repeating: nil)
        defer {
            _ = slots.deinitialize()
            slots.deallocate()
        }
        DispatchQueue.concurrentPerform(iterations: lanes) { lane in
            for index in stride(from: lane, to: languages.count, by: lanes) {
                slots[index] = make(languages[index])
            }
        }
        // Every index belongs to one lane; the fallback is never taken.
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
