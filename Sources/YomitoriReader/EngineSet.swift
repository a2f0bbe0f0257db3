public import YomitoriOCR

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
    public func preload(_ languages: [String], optional: [String] = []) throws {
        for lang in languages { _ = try engine(for: lang) }
        for lang in optional where !languages.contains(lang) { _ = try? engine(for: lang) }
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
