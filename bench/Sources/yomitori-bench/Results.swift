import Foundation

/// Everything one date's benchmark measured: `bench/results/<date>.json`. Sections are optional so
/// that a run of some phases (`--only backlog`) fills in its part of the day's file.
struct BenchResults: Codable {
    var schema = 1
    var date: String
    var updated: String
    var machine: Machine
    var corpus: CorpusInfo?
    /// Two busy threads against one on this machine, just before the throughput runs.
    var calibration: Calibration?
    var throughput: [Throughput]?
    var profile: Profile?
    var naive: Naive?
    var startup: Startup?
    var job: JobBench?
    var backlog: Backlog?
    var targets: [Target] = []
    var notes: [String] = []

    /// Context of a section: when, with what command, and how busy the machine was.
    struct Context: Codable {
        var measuredAt: String
        var command: String
        /// /proc/loadavg (1 min) before and after: other work on the machine skews wall times.
        var loadBefore: Double
        var loadAfter: Double
        /// Cores used by other processes on the machine while the section ran (/proc/stat − this process).
        var otherCores: Double?
    }

    struct Calibration: Codable {
        var oneThreadSeconds: Double
        var twoThreadsSeconds: Double
        /// 2 × one / two: 2.0 on two free cores.
        var scaling: Double
        var otherCores: Double
        /// Seconds spent waiting for other processes to quieten down first (`--wait-idle`).
        var waitedForIdleSeconds: Double?
    }

    struct Machine: Codable {
        var nproc: Int
        var cpuModel: String
        var memoryGB: Double
        var os: String
        var kernel: String
        var swift: String
        var tesseract: String
        var leptonica: String
        var instructionsCounted: Bool
        var ompThreadLimit: String
    }

    struct CorpusInfo: Codable {
        var source: String
        var files: Int
        var pages: Int
        var formats: [String: Int]
        var megabytes: Double
    }

    struct Outcomes: Codable {
        var accepted: Int, review: Int, invalid: Int, unknownForm: Int, failed: Int
    }

    struct Throughput: Codable {
        var context: Context
        var workers: Int
        var pages: Int
        var fields: Int
        var ocrFields: Int
        var wallSeconds: Double
        /// Wall seconds of every repeat (the fastest is the one reported).
        var repeatWallSeconds: [Double]?
        var pagesPerSecond: Double
        var fieldsPerSecond: Double
        var ocrFieldsPerSecond: Double
        var latencyP50: Double
        var latencyP95: Double
        var latencyMax: Double
        var peakRSSMB: Double
        /// Seconds inside TessBaseAPIRecognize, summed over workers: the ceiling.
        var recognitionSeconds: Double
        /// Seconds in TesseractEngine.recognize as a whole (image in, results out), summed.
        var engineCallSeconds: Double
        var recognitions: Int
        /// recognitionSeconds / (workers × wall).
        var efficiency: Double
        /// engineCallSeconds / (workers × wall).
        var efficiencyEngineCall: Double
        /// Worker threads' CPU time / (workers × wall): below 1 when workers waited (for a core).
        var cpuUtilisation: Double
        var instructionsPerPage: Double
        var allocationsPerPage: Double
        var enginesPerWorkerBeforeTiming: [Int]
        var enginesPerWorkerAfter: [Int]
        var languages: [String]
        var outcomes: Outcomes
        var errors: [String]
        /// pages/s relative to the 1-worker run of the same date.
        var speedup: Double?
        /// Fields read by a worker that had run out of pages, for another worker's page
        /// (`FieldSharing`); nil in runs without sharing and in older results.
        var fieldsHelped: Int?
    }

    struct Stage: Codable {
        var name: String
        var secondsPerPage: Double
        var share: Double
        var instructionsPerPage: Double?
        var allocationsPerPage: Double?
        var how: String
    }

    struct TemplateRegistration: Codable {
        var template: String
        var method: String
        /// Per page, averaged over every page of the corpus (each page is registered to every template).
        var marksMs: Double
        var contentMs: Double
        var matchScoreMs: Double
        var chosenShare: Double
    }

    struct Profile: Codable {
        var context: Context
        var pages: Int
        var pagesRead: Int
        var stages: [Stage]
        var registration: [TemplateRegistration]
        /// Registration to the template the page was read with (the least registration can cost).
        var registrationChosenMsPerPage: Double
        /// Mark searches repeated for templates whose marks are identical to an earlier template's.
        var duplicateMarksMsPerPage: Double
        var secondsPerPage: Double
        /// Decoding (with opening the file) by format, ms per page of that format.
        var decodeMsByFormat: [String: Double]
        /// Recognitions per page by the form read (comb fields are read box by box).
        var recognitionByForm: [FormRecognition]?
        var recognitionsPerPage: Double
        /// Line images Tesseract wrote stored rather than deflated (CLineImages), per recognition:
        /// 0 means the program's `png_set_compression_level` was not called (nil: results from
        /// before it existed).
        var lineImagesStoredPerRecognition: Double?
        /// Tesseract's OpenMP regions run on the worker's thread without a libgomp team
        /// (CSerialOpenMP), per recognition: 0 means Tesseract's calls went to libgomp (nil:
        /// results from before it existed).
        var openMPRegionsSerialPerRecognition: Double?
        var recognitionsPerOCRField: Double
        var msPerRecognition: Double
        var ocrFieldsPerPage: Double
        var firstPageSeconds: Double
        var sameFileWarmSeconds: Double
        var engineInit: [EngineInit]
        var pdf: PDFCosts?
        var waste: [Waste]
    }

    struct FormRecognition: Codable {
        var template: String
        var pages: Int
        var ocrFieldsPerPage: Double
        var recognitionsPerPage: Double
        var recognitionMsPerPage: Double
    }

    struct EngineInit: Codable {
        var languages: String
        var seconds: Double
        var rssMB: Double
        /// Languages this engine loaded without Tesseract's universal ambiguity table
        /// (CUniversalAmbigs); nil in results from before it existed.
        var universalAmbiguitiesSkipped: Int?
    }

    struct PDFCosts: Codable {
        var file: String
        /// PDF pages in the corpus (of `Profile.pages`).
        var pdfPages: Int
        var pdfinfoSeconds: Double
        var pdftoppmPNGSeconds: Double
        var decodePNGSeconds: Double
        var pdftoppmPGMSeconds: Double
        var decodePGMSeconds: Double
        var pageDecodeSeconds: Double
    }

    /// Time spent in product code that need not be spent, with where and how much.
    struct Waste: Codable {
        var location: String
        var what: String
        var msPerPage: Double
        var shareOfPage: Double
        var measured: String
    }

    struct Naive: Codable {
        var context: Context
        var command: String
        var pages: Int
        var calls: Int
        var secondsTotal: Double
        var secondsPerCallP50: Double
        var secondsPerCallMean: Double
        var pagesPerSecond: Double
        /// End-to-end pages/s (1 worker) / naive pages/s.
        var ratio: Double?
        /// Naive seconds per tesseract call / yomitori's wall seconds per recognition (1 worker):
        /// the comparison per read, since yomitori reads each field several times.
        var ratioPerRead: Double?
        var failures: Int
        var note: String
    }

    struct Startup: Codable {
        var context: Context
        var binary: String
        var readCommand: String
        var readFirstPageSeconds: [Double]
        var readFirstPageMedian: Double?
        var readExitSeconds: [Double]
        /// In this process: loading and preparing the templates (reference images, registration).
        var templatesPrepareSeconds: Double?
        /// In this process: FormReader.preload() (the first-read engines).
        var preloadSeconds: Double?
        var runAvailable: Bool
        var runNote: String
        var runEmptyInboxSeconds: [Double]
        var runEmptyInboxMedian: Double?
        /// The same, timed by hyperfine (when installed).
        var runEmptyInboxHyperfine: Hyperfine?
    }

    /// One command timed by hyperfine, seconds.
    struct Hyperfine: Codable {
        var command: String
        var runs: Int
        var mean: Double
        var stddev: Double
        var median: Double
        var min: Double
        var max: Double
    }

    struct JobRun: Codable {
        var workers: Int
        var files: Int
        var pages: Int?
        var wallSeconds: Double
        var reportedDurationSeconds: Double?
        var reportedPagesPerSecond: Double?
        /// The report's `reading`: seconds inside Tesseract recognition, all workers, and their share
        /// of workers × the run's duration (start-up, intake, export and routing included).
        var recognitionSeconds: Double?
        var efficiency: Double?
        var counts: [String: Double]?
        var peakRSSMB: Double
        /// The exit status, or 128 + the signal that killed it (as a shell reports it).
        var exitStatus: Int32
        var stderrTail: String
    }

    struct JobBench: Codable {
        var context: Context
        var available: Bool
        var note: String
        var runs: [JobRun]
    }

    struct RSSSample: Codable {
        var t: Double
        var rssMB: Double
        var pages: Int
    }

    struct Backlog: Codable {
        var context: Context
        var queued: Int
        var processed: Int
        var workers: Int
        var wallSeconds: Double
        var pagesPerSecond: Double
        var peakRSSMB: Double
        var rssAfterWarmupMB: Double
        var rssEndMB: Double
        /// Least-squares slope of RSS against pages read (after the first 10 %), MB per 100 pages.
        var rssSlopeMBPer100Pages: Double
        var estimatedSecondsForAllQueued: Double
        var samples: [RSSSample]
        var viaJob: JobRun?
        var viaJobNote: String
    }

    struct Target: Codable {
        var name: String
        var target: String
        var measured: String
        /// nil: not measured (yet).
        var met: Bool?
    }
}

extension BenchResults {
    /// Today's file, if any: sections measured now replace its sections, the others are kept.
    static func merging(existing path: String, into fresh: BenchResults) -> BenchResults {
        guard let data = FileManager.default.contents(atPath: path),
              let old = try? JSONDecoder().decode(BenchResults.self, from: data) else { return fresh }
        var r = fresh
        r.corpus = fresh.corpus ?? old.corpus
        r.calibration = fresh.calibration ?? old.calibration
        r.throughput = fresh.throughput ?? old.throughput
        r.profile = fresh.profile ?? old.profile
        r.naive = fresh.naive ?? old.naive
        r.startup = fresh.startup ?? old.startup
        r.job = fresh.job ?? old.job
        r.backlog = fresh.backlog ?? old.backlog
        // Each note once, in first-seen order (NSOrderedSet did not collapse equal Swift strings on Linux).
        var seen = Set<String>()
        r.notes = (old.notes + fresh.notes).filter { seen.insert($0).inserted }
        return r
    }

    /// The 1-worker run, if measured.
    func throughput(workers: Int) -> Throughput? { throughput?.first { $0.workers == workers } }
}

/// ISO 8601 time stamp (UTC).
func timestamp() -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    return f.string(from: Date())
}

/// Today's date (UTC), `yyyy-MM-dd`: the results' file name.
func today() -> String { String(timestamp().prefix(10)) }

/// 1-minute load average.
func loadAverage() -> Double {
    guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return 0 }
    return Double(text.split(separator: " ").first ?? "0") ?? 0
}
