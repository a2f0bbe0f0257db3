public import YomitoriOCR

/// The Tesseract engines of one worker, one per language set, each created once on first use.
///
/// Not thread-safe by design: a worker owns its `EngineSet` and nothing else touches it.
public final class EngineSet {
    private var engines: [String: TesseractEngine] = [:]
    private let dataPath: String?

    public init(dataPath: String? = nil) {
        self.dataPath = dataPath
    }

    /// Creates the engines for `languages` now, so missing language data is reported before any page.
    public func preload(_ languages: [String]) throws {
        for lang in languages { _ = try engine(for: lang) }
    }

    public func engine(for languages: String) throws -> TesseractEngine {
        if let e = engines[languages] { return e }
        let e = try TesseractEngine(languages: languages, dataPath: dataPath)
        engines[languages] = e
        return e
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
