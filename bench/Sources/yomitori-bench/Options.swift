import Foundation

/// The parts of the benchmark, in the order they run.
enum Phase: String, CaseIterable, Sendable {
    case throughput, profile, naive, startup, job, backlog
}

/// Command-line options (`yomitori-bench --help`).
struct Options {
    var root: String
    var corpus: String?
    var generate = 36
    var seed = 7
    var workers: [Int] = []
    var out: String
    var templates: [String] = []
    var phases = Set(Phase.allCases)
    /// Pages actually read in the backlog test (nil: what fits in `backlogMinutes`).
    var backlogPages: Int?
    var backlogQueue = 5000
    var backlogMinutes = 5.0
    var naivePages: Int?
    var yomitori: String?
    var startupRuns = 3
    /// Throughput runs per worker count; the fastest is reported (the machine is shared).
    var repeats = 1
    /// Wait up to this many seconds for other processes to go quiet before the throughput runs.
    var waitIdle = 0.0
    var keep = false
    /// Idle workers read fields of the others' pages (`FieldSharing`), as `yomitori run` does.
    var sharing = true

    static let usage = """
    usage: yomitori-bench [--corpus DIR | --generate N] [--workers 1,2] [--out bench/results]
                          [--only PHASES | --skip PHASES] [--backlog N] [--backlog-queue 5000]
                          [--backlog-minutes 5] [--naive-pages N] [--yomitori PATH]
                          [--template T.yaml …] [--seed 7] [--repeat 1] [--wait-idle S] [--no-sharing] [--keep]

    Measures yomitori's reader against the time Tesseract alone needs and against the tesseract
    command line run once per field, and writes bench/results/<date>.json, .md and .svg.

      --corpus DIR        scans to read (PNG, JPEG, TIFF, PDF; searched recursively)
      --generate N        generate about N pages with samples/make_samples.py --set holdout (default 36)
      --workers LIST      worker counts for the reader throughput (default 1,2 and nproc)
      --only / --skip     phases: throughput, profile, naive, startup, job, backlog (comma-separated)
      --backlog N         pages read in the backlog test (default: what fits in --backlog-minutes)
      --backlog-queue N   page references queued in the backlog test (default 5000, at least 5000)
      --naive-pages N     pages for the naive baseline (default: every page read)
      --yomitori PATH     the yomitori binary for start-up and job runs (default .build/release/yomitori,
                          built when missing)
      --template T.yaml   templates (default samples/templates/*.yaml)
      --repeat N          throughput runs per worker count, interleaved, the fastest reported (default 1)
      --wait-idle S       wait up to S seconds for other processes to go quiet before the throughput runs
      --no-sharing        each page's fields read by its own worker only (by default a worker that has
                          run out of pages reads fields of the others' pages, as yomitori run does)
      --keep              keep the temporary corpus, crops and job folders
    Results of one date are merged: a run with --only backlog fills in that part of today's files.
    """

    static func parse(_ args: [String]) throws -> Options {
        let root = try findRoot()
        var o = Options(root: root, out: (root as NSString).appendingPathComponent("bench/results"))
        var i = 0
        func value(_ name: String) throws -> String {
            i += 1
            guard i < args.count else { throw BenchError("\(name) needs a value\n\n\(usage)") }
            return args[i]
        }
        func number(_ name: String) throws -> Int {
            let v = try value(name)
            guard let n = Int(v), n >= 0 else { throw BenchError("\(name): '\(v)' is not a whole number") }
            return n
        }
        func phases(_ name: String) throws -> Set<Phase> {
            let v = try value(name)
            var set = Set<Phase>()
            for part in v.split(separator: ",") {
                guard let p = Phase(rawValue: String(part)) else {
                    throw BenchError("\(name): unknown phase '\(part)' (one of \(Phase.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                set.insert(p)
            }
            return set
        }
        while i < args.count {
            let a = args[i]
            switch a {
            case "--corpus": o.corpus = try value(a)
            case "--generate": o.generate = try number(a)
            case "--seed": o.seed = try number(a)
            case "--workers":
                let v = try value(a)
                o.workers = v.split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 }
                guard !o.workers.isEmpty else { throw BenchError("--workers: give counts like 1,2") }
            case "--out": o.out = try value(a)
            case "--template": o.templates.append(try value(a))
            case "--only": o.phases = try phases(a)
            case "--skip": o.phases.subtract(try phases(a))
            case "--backlog": o.backlogPages = try number(a)
            case "--backlog-queue": o.backlogQueue = max(5000, try number(a))
            case "--backlog-minutes":
                let v = try value(a)
                guard let m = Double(v), m > 0 else { throw BenchError("--backlog-minutes: '\(v)' is not a positive number") }
                o.backlogMinutes = m
            case "--naive-pages": o.naivePages = try number(a)
            case "--yomitori": o.yomitori = try value(a)
            case "--startup-runs": o.startupRuns = max(1, try number(a))
            case "--repeat": o.repeats = max(1, try number(a))
            case "--wait-idle": o.waitIdle = Double(try number(a))
            case "--keep": o.keep = true
            case "--no-sharing": o.sharing = false
            case "-h", "--help":
                print(usage)
                exit(0)
            default:
                throw BenchError("unknown option '\(a)'\n\n\(usage)")
            }
            i += 1
        }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        if o.workers.isEmpty { o.workers = [1, 2] }
        if !o.workers.contains(cores) { o.workers.append(cores) }
        o.workers = Array(Set(o.workers)).sorted()
        if o.templates.isEmpty {
            let dir = (root as NSString).appendingPathComponent("samples/templates")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            o.templates = names.filter { $0.hasSuffix(".yaml") }.sorted().map { (dir as NSString).appendingPathComponent($0) }
        }
        guard !o.templates.isEmpty else { throw BenchError("no templates: give --template T.yaml") }
        return o
    }

    /// The repository root: the working directory or one of its parents holding
    /// `samples/make_samples.py`, else three levels above this executable (bench/.build/<config>/).
    static func findRoot() throws -> String {
        let fm = FileManager.default
        var candidates: [String] = []
        var dir = fm.currentDirectoryPath
        while true {
            candidates.append(dir)
            let parent = (dir as NSString).deletingLastPathComponent
            if parent == dir || parent.isEmpty { break }
            dir = parent
        }
        if let exe = try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            var d = exe
            for _ in 0..<5 {
                d = (d as NSString).deletingLastPathComponent
                candidates.append(d)
            }
        }
        for c in candidates where fm.fileExists(atPath: (c as NSString).appendingPathComponent("samples/make_samples.py"))
            && fm.fileExists(atPath: (c as NSString).appendingPathComponent("Package.swift")) {
            return c
        }
        throw BenchError("cannot find the yomitori repository (samples/make_samples.py): run from the repository root")
    }
}
