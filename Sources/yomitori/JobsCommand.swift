import YomitoriYAML
import ArgumentParser
import Foundation
import YomitoriExport
import YomitoriJobs
import YomitoriLedger
import YomitoriTemplate

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
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
                    results = JobLoader.checkAll(directory: path)
                } else {
                    results = [path: JobLoader.check(path: path)]
                }
                for (file, diagnostics) in results.sorted(by: { $0.key < $1.key }) {
                    for d in diagnostics { print(d.description) }
                    var n = diagnostics.filter { $0.severity == .error }.count
                    if n == 0, let job = JobLoader.report(path: file).job {
                        let problems = Self.referencedFileErrors(job)
                        for problem in problems { print(problem) }
                        n += problems.count
                    }
                    errors += n
                    if n == 0 { print("\(file): OK") }
                }
            }
            if errors > 0 { throw ExitCode(3) }
        }

        /// The errors of the templates and export mappings `job` names, as `yomitori run` would
        /// meet them when it starts or exports (a mapping file not written yet is the job file's
        /// warning already, so it is not loaded here).
        static func referencedFileErrors(_ job: JobDefinition) -> [String] {
            var errors: [String] = []
            for path in job.templates {
                do { _ = try TemplateLoader.load(path: path) } catch { errors.append("\(error)") }
            }
            for case .export(let config) in job.steps.map(\.step) {
                do {
                    switch config.mapping {
                    case .file(let path):
                        guard FileManager.default.fileExists(atPath: path) else { continue }
                        _ = try ExportMapping.load(path: path)
                    case .inline(let yaml, let file, _):
                        _ = try ExportMapping.parse(yaml: yaml, file: file)
                    }
                } catch {
                    errors.append("\(error)")
                }
            }
            return errors
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
