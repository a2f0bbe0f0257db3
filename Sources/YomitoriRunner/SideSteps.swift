import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging
import YomitoriJobs
import YomitoriLedger
import YomitoriResults
import YomitoriVision

/// The `transform`, `notify` and `run` steps of a job.
///
/// `notify` lines and `run` programs get counts, file names and statuses — and `run` the
/// accepted pages' fields on stdin, as the job author asked — never through a shell.
struct SideSteps: Sendable {
    let job: JobDefinition
    let logger: Logger

    /// Applies every `transform` step to a page's normalised values (set / copy / derive).
    func transform(_ page: PageRead) -> PageRead {
        let transforms = job.steps.compactMap { step -> TransformConfig? in
            if case .transform(let t) = step.step { return t }
            return nil
        }
        guard !transforms.isEmpty else { return page }
        var values: [String: String] = [:]
        for f in page.fields { values[f.name] = (f.normalized ?? f.value)?.string ?? "" }
        var result = values
        for t in transforms { result = t.apply(to: result) }
        var out = page
        for (name, value) in result where values[name] != value {
            if let i = out.fields.firstIndex(where: { $0.name == name }) {
                out.fields[i].normalized = .text(value)
            } else {
                out.fields.append(FieldRead(
                    name: name, type: "derived", value: .text(value), raw: "", confidence: 1,
                    zone: .init(x: 0, y: 0, width: 0, height: 0), normalized: .text(value), status: .accepted
                ))
            }
        }
        return out
    }

    /// Runs the `notify` and `run` steps whose condition holds, after the batch.
    func afterBatch(pages: [(name: String, status: PageStatus)], accepted: [PageRead], tally: BatchTally, context: RunContext, report: inout RunReport) {
        for step in job.steps {
            let holds = step.when.isPageLevel
                ? pages.contains { step.when.holds(forPage: $0.status) }
                : step.when.holds(forBatch: tally)
            guard holds else { continue }
            switch step.step {
            case .notify(let config):
                let matching = step.when.isPageLevel ? pages.filter { step.when.holds(forPage: $0.status) } : pages
                notify(config, lines: matching.map { "\($0.name)\t\($0.status.rawValue)" }, tally: tally, context: context, report: &report)
            case .run(let config):
                run(config, accepted: accepted, context: context, report: &report)
            default:
                continue
            }
        }
    }

    private func notify(_ config: NotifyConfig, lines: [String], tally: BatchTally, context: RunContext, report: inout RunReport) {
        let stamp = ISO8601DateFormatter().string(from: Date())
        switch config {
        case .append(let template):
            do {
                let path = try context.expand(template)
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                let text = lines.map { "\(stamp)\t\(job.id)\t\(context.runID)\t\($0)\n" }.joined()
                if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
                defer { try? handle.close() }
                try handle.seekToEnd()
                try handle.write(contentsOf: Data(text.utf8))
            } catch {
                report.problems.append("notify append failed: \(error)")
            }
        case .post(let url):
            let body: [String: Any] = [
                "job": job.id, "run": context.runID, "accepted": tally.accepted, "review": tally.review,
                "invalid": tally.invalid, "failed": tally.failed, "pages": lines,
            ]
            var request = URLRequest(url: url, timeoutInterval: 10)
            request.httpMethod = "POST"
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = try? JSONSerialization.data(withJSONObject: body)
            let done = DispatchSemaphore(value: 0)
            let box = ProblemBox()
            URLSession.shared.dataTask(with: request) { _, response, error in
                if let error { box.problem = "notify post failed: \(error.localizedDescription)" }
                else if let http = response as? HTTPURLResponse, !(200..<300).contains(http.statusCode) {
                    box.problem = "notify post answered \(http.statusCode)"
                }
                done.signal()
            }.resume()
            if done.wait(timeout: .now() + 15) == .timedOut { box.problem = "notify post timed out" }
            if let p = box.problem { report.problems.append(p) }
        }
    }

    private func run(_ config: RunConfig, accepted: [PageRead], context: RunContext, report: inout RunReport) {
        do {
            let args = try config.args.map { try context.expand($0) }
            let records = accepted.map { page -> [String: String] in
                var d: [String: String] = ["_file": page.file, "_page": String(page.page)]
                for f in page.fields { d[f.name] = (f.normalized ?? f.value)?.string ?? "" }
                return d
            }
            let input = try JSONSerialization.data(withJSONObject: ["job": job.id, "run": context.runID, "pages": records])
            let process = Process()
            process.executableURL = URL(fileURLWithPath: config.command)
            process.arguments = args
            let stdin = Pipe()
            process.standardInput = stdin
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            stdin.fileHandleForWriting.write(input)
            try? stdin.fileHandleForWriting.close()
            let deadline = Date().addingTimeInterval(config.timeout)
            while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning {
                process.terminate()
                report.problems.append("run \(config.command): timed out after \(Int(config.timeout)) s")
            } else if process.terminationStatus != 0 {
                report.problems.append("run \(config.command): exit status \(process.terminationStatus)")
            }
        } catch {
            report.problems.append("run \(config.command): \(error)")
        }
    }
}

private final class ProblemBox: @unchecked Sendable {
    var problem: String?
}
