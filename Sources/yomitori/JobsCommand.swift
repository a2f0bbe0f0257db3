import YomitoriYAML
import ArgumentParser
import Foundation
import YomitoriJobs
import YomitoriLedger
import YomitoriRunner

/// `yomitori jobs check`: validate job files.
struct JobsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs", abstract: "Job definitions.", subcommands: [Check.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate job files (file:line:column for every problem).",
            discussion: """
                A job without errors of its own also has its templates and export mappings \
                loaded, as `yomitori run` loads them, so their errors show here too.

                Exit status: 0 no errors; 3 at least one error.
                """
        )
        @Argument(help: "Job files or folders (default: jobs/).") var paths: [String] = ["jobs"]

        func run() throws {
            var errors = 0
            for path in paths {
                var isDir: ObjCBool = false
                let results: [String: [JobDiagnostic]]
                let jobs: [String: JobDefinition]
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
                    let loaded = JobLoader.loadAll(directory: path)
                    results = loaded.diagnostics
                    jobs = Dictionary(loaded.jobs.map { ($0.sourcePath, $0) }, uniquingKeysWith: { first, _ in first })
                } else {
                    let report = JobLoader.report(path: path)
                    results = [path: report.diagnostics]
                    jobs = report.job.map { [path: $0] } ?? [:]
                }
                for (file, diagnostics) in results.sorted(by: { $0.key < $1.key }) {
                    for d in diagnostics { print(d.description) }
                    var n = diagnostics.filter { $0.severity == .error }.count
                    if n == 0, let job = jobs[file] {
                        let problems = JobPreflight.errors(of: job)
                        for problem in problems { print(problem) }
                        n += problems.count
                    }
                    errors += n
                    if n == 0 { print("\(file): OK") }
                }
            }
            if errors > 0 { throw ExitCode(3) }
        }
    }
}

/// `yomitori status`: backlog, in flight, review, failures and last runs from the ledger.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Show the ledger: backlog, review, failures, last runs.")
    @Option(help: "Ledger database.") var ledger: String?
    @Option(help: "Only this job.") var job: String?

    func run() throws {
        let path = StatePaths.ledger(ledger)
        guard FileManager.default.fileExists(atPath: path) else {
            print("no ledger at \(path) yet (no job has run)")
            return
        }
        let store = try SQLiteLedger(path: path)
        let f = DateFormatter()
        f.dateFormat = "yyyy-MM-dd HH:mm:ss"
        let job = self.job
        let summary = try runBlocking { try await store.statusSummary(job: job, since: nil, recentRuns: 5) }
        for s in summary {
            print("\(s.job): in flight \(s.inFlight), review \(s.review), invalid \(s.invalid), failed \(s.failed), duplicates \(s.duplicates), done \(s.archived), unfinished batches \(s.unfinishedBatches)")
            for r in s.lastRuns {
                let c = r.counts
                print("  run \(r.id.prefix(8)) \(f.string(from: r.startedAt)) \(r.state.rawValue): \(c.claimed) in, \(c.accepted) accepted, \(c.review) review, \(c.invalid) invalid, \(c.failed) failed")
            }
            for i in s.recentFailures.prefix(5) {
                print("  failed: \((i.originalPath as NSString).lastPathComponent): \(i.reason?.code ?? "")")
            }
        }
    }
}
