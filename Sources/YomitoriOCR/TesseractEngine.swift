internal import CLineImages
internal import CSerialOpenMP
internal import CTesseract
internal import CUniversalAmbigs
import Foundation
import Synchronization
public import YomitoriVision

/// One libtesseract instance (`TessBaseAPI`) loaded with one language set, reused for every zone.
///
/// Creating an engine costs 0.02–0.05 s and tens of MB (it skips Tesseract's legacy ambiguity
/// table, see CUniversalAmbigs), so a worker creates its engines once
/// (see ``EngineSet``) and keeps them. An engine is not thread-safe: use it from one worker only.
/// A zone that yields no text is a result (empty text, confidence 0), not an error.
public final class TesseractEngine {
    public let languages: String
    private let handle: OpaquePointer
    private var currentWhitelist: String = ""
    /// Whether the LSTM recogniser keeps each symbol's runner-up choices (`lstm_choice_mode` 2),
    /// as `.alternatives` asks; off otherwise (Tesseract's default, 0).
    private var keepsChoices = false

    // MARK: - Instrumentation (read by benchmarks; two clock reads per call)
    /// Seconds spent inside `TessBaseAPIRecognize`, summed over this engine's life (monotonic clock).
    public private(set) var recognitionSeconds: Double = 0
    /// Seconds spent in ``recognize(_:mode:whitelist:)`` as a whole: setting the image, recognising
    /// and reading the text, symbols and alternatives back.
    public private(set) var callSeconds: Double = 0
    /// How many times `TessBaseAPIRecognize` ran.
    public private(set) var recognitions: Int = 0

    /// Line images Tesseract has written stored rather than deflated on the calling thread (see
    /// `CLineImages`): stays 0 after its recognitions if the program's `png_set_compression_level`
    /// was not the one Leptonica called (a build without the linker flag that exports it).
    public static var lineImagesStored: Int { yomitori_line_images_stored_count() }

    /// How many OpenMP regions Tesseract has run on the calling thread without a libgomp team (see
    /// CSerialOpenMP): stays 0 after its recognitions if Tesseract's calls did not reach the
    /// program's definitions.
    public static var openMPRegionsRunSerially: Int { yomitori_serial_openmp_regions() }

    /// Whether the process has libgomp, whose regions outside recognitions every engine limits to
    /// one thread on the thread creating it (see ``OpenMPThreads``).
    public static var openMPLimitedToOneThread: Bool { OpenMPThreads.limitedToOne }

    /// How many languages engines created on the calling thread loaded without Tesseract's
    /// universal ambiguity table (see CUniversalAmbigs): one per language per engine, or 0 when
    /// Tesseract's call did not reach the program's definition.
    public static var universalAmbiguitiesSkipped: Int { yomitori_universal_ambigs_skipped_count() }

    private static func monotonicSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }

    /// Loads `languages` (e.g. `jpn`, `eng`, `jpn+eng`, `script/Japanese`).
    /// - Throws: ``OCRError`` naming the missing language and the Debian package that provides it.
    public init(languages: String, dataPath: String? = nil) throws {
        LeptonicaLog.silence()
        OpenMPThreads.limitToOne()
        let dir = dataPath ?? TesseractEngine.defaultDataPath()
        var resolved: [String] = []
        for lang in languages.split(separator: "+").map(String.init) {
            var file = (dir as NSString).appendingPathComponent("\(lang).traineddata")
            var name = lang
            // Debian installs script models at the top of tessdata (Japanese), others under script/.
            if !FileManager.default.fileExists(atPath: file), lang.hasPrefix("script/") {
                name = String(lang.dropFirst("script/".count))
                file = (dir as NSString).appendingPathComponent("\(name).traineddata")
            }
            resolved.append(name)
            if !FileManager.default.fileExists(atPath: file) {
                throw OCRError(
                    code: .missingLanguage,
                    message: "Tesseract language '\(lang)' is not installed (no \(file)); "
                        + "install it with: apt-get install \(TesseractEngine.debianPackage(for: lang))"
                )
            }
        }
        guard let api = TessBaseAPICreate() else {
            throw OCRError(code: .engineFailed, message: "could not create a Tesseract engine")
        }
        // Quiet before Init: Init itself may print warnings.
        Self.silenceDebugOutput(api)
        // LSTM only: the legacy engine's universal ambiguity table is never read, so it is not built.
        yomitori_universal_ambigs_skipped_begin()
        let rc = TessBaseAPIInit2(api, dir, resolved.joined(separator: "+"), OEM_LSTM_ONLY)
        yomitori_universal_ambigs_skipped_end()
        guard rc == 0 else {
            TessBaseAPIDelete(api)
            throw OCRError(
                code: .engineFailed,
                message: "Tesseract could not load '\(languages)' from \(dir)"
            )
        }
        _ = TessBaseAPISetVariable(api, "user_defined_dpi", "300")
        // Japanese output otherwise gets spaces between characters.
        _ = TessBaseAPISetVariable(api, "preserve_interword_spaces", "1")
        // Zones are cleaned to dark ink on white before they get here: the engine's second try
        // of every line as white-on-black (for low-confidence lines) only costs time and now and
        // then swaps a right read for a wrong one.
        _ = TessBaseAPISetVariable(api, "tessedit_do_invert", "0")
        self.languages = languages
        self.handle = api
    }

    /// Whether Tesseract's `debug_file` has been pointed at /dev/null (guarded by the mutex).
    private static let debugOutputSilenced = Mutex(false)

    /// Points Tesseract's `debug_file` at /dev/null, once per process.
    ///
    /// `debug_file` is one of the few parameters Tesseract keeps for the whole process; the rest
    /// (and the language data's own settings: `preserve_interword_spaces` in jpn) belong to each
    /// engine. Written once, before the first Init and never again, it leaves nothing shared for
    /// engines created on several threads at once to write, so workers create theirs in parallel.
    private static func silenceDebugOutput(_ api: OpaquePointer) {
        debugOutputSilenced.withLock { silenced in
            guard !silenced else { return }
            _ = TessBaseAPISetVariable(api, "debug_file", "/dev/null")
            silenced = true
        }
    }

    deinit {
        TessBaseAPIEnd(handle)
        TessBaseAPIDelete(handle)
    }

    /// Recognises `image` (a zone already cut from a registered page). `detail` says how much
    /// is read back besides the text and mean confidence: each symbol's box and confidence
    /// (the default), their choice alternatives too, or nothing (cheapest).
    public func recognize(
        _ image: GrayImage,
        mode: PageSegmentationMode = .singleLine,
        whitelist: String? = nil,
        detail: RecognitionDetail = .symbols
    ) -> Recognition {
        // An image without a single dark pixel holds no text (the engine would invent some).
        guard image.width > 0, image.height > 0, image.pixels.contains(where: { $0 < 160 }) else {
            return Recognition(text: "", confidence: 0, symbols: [])
        }
        let callStart = Self.monotonicSeconds()
        defer { callSeconds += Self.monotonicSeconds() - callStart }
        let wanted = whitelist ?? ""
        if wanted != currentWhitelist {
            _ = TessBaseAPISetVariable(handle, "tessedit_char_whitelist", wanted)
            currentWhitelist = wanted
        }
        // Without lstm_choice_mode, a symbol's choice iterator has nothing but the symbol itself.
        if (detail == .alternatives) != keepsChoices {
            keepsChoices = detail == .alternatives
            _ = TessBaseAPISetVariable(handle, "lstm_choice_mode", keepsChoices ? "2" : "0")
        }
        TessBaseAPISetPageSegMode(handle, TessPageSegMode(rawValue: UInt32(mode.rawValue)))
        let dpi = image.dpi > 0 ? Int32(image.dpi.rounded()) : 300
        var pix = Self.leptonicaImage(image)
        guard pix != nil else { return Recognition(text: "", confidence: 0, symbols: []) }
        TessBaseAPISetImage2(handle, pix)  // Tesseract keeps its own copy
        pixDestroy(&pix)
        TessBaseAPISetSourceResolution(handle, dpi)
        let recognizeStart = Self.monotonicSeconds()
        // Tesseract's PNG of each line it hands its recogniser, stored rather than deflated (see
        // CLineImages): the same pixels, about 5 % less work. Its OpenMP regions run on this
        // thread without a libgomp team each (see CSerialOpenMP): the same arithmetic in the same
        // order, without a system call per LSTM time step.
        yomitori_line_images_stored_begin()
        yomitori_serial_openmp_begin()
        let status = TessBaseAPIRecognize(handle, nil)
        yomitori_serial_openmp_end()
        yomitori_line_images_stored_end()
        recognitionSeconds += Self.monotonicSeconds() - recognizeStart
        recognitions += 1
        guard status == 0 else {
            TessBaseAPIClear(handle)
            return Recognition(text: "", confidence: 0, symbols: [])
        }
        var text = ""
        if let raw = TessBaseAPIGetUTF8Text(handle) {
            text = String(cString: raw)
            TessDeleteText(raw)
        }
        let mean = Double(TessBaseAPIMeanTextConf(handle))
        var symbols: [Recognition.Symbol] = []
        if detail != .text, let it = TessBaseAPIGetIterator(handle) {
            repeat {
                guard let raw = TessResultIteratorGetUTF8Text(it, RIL_SYMBOL) else { continue }
                let s = String(cString: raw)
                TessDeleteText(raw)
                let conf = Double(TessResultIteratorConfidence(it, RIL_SYMBOL))
                var l: Int32 = 0, t: Int32 = 0, r: Int32 = 0, b: Int32 = 0
                let page = TessResultIteratorGetPageIteratorConst(it)
                _ = TessPageIteratorBoundingBox(page, RIL_SYMBOL, &l, &t, &r, &b)
                var alternatives: [Recognition.Alternative] = []
                if detail == .alternatives, let choices = TessResultIteratorGetChoiceIterator(it) {
                    repeat {
                        if let c = TessChoiceIteratorGetUTF8Text(choices) {
                            alternatives.append(.init(text: String(cString: c), confidence: Double(TessChoiceIteratorConfidence(choices))))
                        }
                    } while TessChoiceIteratorNext(choices) != 0
                    TessChoiceIteratorDelete(choices)
                }
                symbols.append(.init(
                    text: s, confidence: conf,
                    box: PixelRect(x: Int(l), y: Int(t), width: Int(r - l), height: Int(b - t)),
                    alternatives: alternatives
                ))
            } while TessResultIteratorNext(it, RIL_SYMBOL) != 0
            TessResultIteratorDelete(it)
        }
        TessBaseAPIClear(handle)
        return Recognition(
            text: text.trimmingCharacters(in: .whitespacesAndNewlines),
            confidence: max(0, mean) / 100,
            symbols: symbols
        )
    }

    /// `image` as an 8-bit Leptonica image, built the way `TessBaseAPISetImage` builds one from
    /// bytes (a zeroed `pixCreate`, no resolution set), so the engine sees the same image; only
    /// faster: a whole 32-bit word at a time instead of `SET_DATA_BYTE` per pixel. Leptonica
    /// keeps the first pixel of each word in its most significant byte, as a big-endian load of
    /// four bytes gives it. Nil when Leptonica cannot allocate the image.
    static func leptonicaImage(_ image: GrayImage) -> UnsafeMutablePointer<PIX>? {
        let w = image.width, h = image.height
        guard let pix = pixCreate(Int32(w), Int32(h), 8), let data = pixGetData(pix) else { return nil }
        let wpl = Int(pixGetWpl(pix)), whole = w / 4
        image.pixels.withUnsafeBufferPointer { buffer in
            let bytes = UnsafeRawPointer(buffer.baseAddress!)
            for y in 0..<h {
                let line = bytes + y * w, row = data + y * wpl
                for k in 0..<whole {
                    row[k] = UInt32(bigEndian: line.loadUnaligned(fromByteOffset: 4 * k, as: UInt32.self))
                }
                // The last, partial word: its pixels from the top byte down, the padding left zero.
                var last: UInt32 = 0
                for x in (4 * whole)..<w { last |= UInt32(line.load(fromByteOffset: x, as: UInt8.self)) << (24 - 8 * (x - 4 * whole)) }
                if w > 4 * whole { row[whole] = last }
            }
        }
        return pix
    }

    /// Where Debian installs language data.
    public static func defaultDataPath() -> String {
        if let env = ProcessInfo.processInfo.environment["TESSDATA_PREFIX"], !env.isEmpty { return env }
        for candidate in ["/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata", "/usr/share/tessdata"]
        where FileManager.default.fileExists(atPath: candidate) {
            return candidate
        }
        return "/usr/share/tesseract-ocr/5/tessdata"
    }

    /// The Debian package that provides a language's traineddata.
    /// Script models (`Japanese`, or `script/Japanese` on other distributions) come from the
    /// `tesseract-ocr-script-*` packages; Debian installs them at the top of tessdata.
    public static func debianPackage(for language: String) -> String {
        let name = language.hasPrefix("script/") ? String(language.dropFirst("script/".count)) : language
        let scripts = ["Japanese": "jpan", "Japanese_vert": "jpan-vert", "Latin": "latn", "HanS": "hans", "HanT": "hant"]
        if let short = scripts[name] { return "tesseract-ocr-script-\(short)" }
        if name.first?.isUppercase == true { return "tesseract-ocr-script-\(name.lowercased())" }
        return "tesseract-ocr-\(name.replacingOccurrences(of: "_", with: "-"))"
    }
}

/// How much of a recognition's result is read back from the engine.
public enum RecognitionDetail: Sendable {
    /// Text and mean confidence only.
    case text
    /// Also each symbol's text, confidence and box.
    case symbols
    /// Also each symbol's choice alternatives: the symbol itself first, then the LSTM's runner-up
    /// characters at that position with their confidences (0–100; 0 for a bare also-ran).
    case alternatives
}

/// Tesseract page-segmentation modes used for form zones.
public enum PageSegmentationMode: Int, Sendable, Codable {
    case singleBlock = 6
    case singleLine = 7
    case singleWord = 8
    case singleCharacter = 10
    case sparseText = 11
    case rawLine = 13
}

/// What Tesseract returned for one zone.
public struct Recognition: Sendable, Equatable {
    public struct Alternative: Sendable, Equatable {
        public var text: String
        public var confidence: Double
        public init(text: String, confidence: Double) {
            self.text = text
            self.confidence = confidence
        }
    }
    public struct Symbol: Sendable, Equatable {
        public var text: String
        /// 0–100 as Tesseract reports it.
        public var confidence: Double
        /// In the zone image's pixels.
        public var box: PixelRect
        public var alternatives: [Alternative]
        public init(text: String, confidence: Double, box: PixelRect, alternatives: [Alternative] = []) {
            self.text = text
            self.confidence = confidence
            self.box = box
            self.alternatives = alternatives
        }
    }
    public var text: String
    /// Mean word confidence, 0–1.
    public var confidence: Double
    public var symbols: [Symbol]

    public init(text: String, confidence: Double, symbols: [Symbol]) {
        self.text = text
        self.confidence = confidence
        self.symbols = symbols
    }

    /// The lowest symbol confidence (0–1), or the mean when there are no symbols.
    public var minimumSymbolConfidence: Double {
        symbols.map { $0.confidence / 100 }.min() ?? confidence
    }
}
