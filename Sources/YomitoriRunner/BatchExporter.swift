import Foundation
import YomitoriJobs
import YomitoriLedger
import YomitoriResults

/// Writes one batch of accepted pages to the job's import files, exactly once.
///
/// The batch and its pages are recorded in the ledger before anything is written;
/// ``BatchWriter`` writes each file to a temporary name, fsyncs it, records it as written and
/// renames it into place without ever replacing a file. After a crash, ``recover`` finishes
/// (or rewrites from the recorded pages) whatever batch was under way.
struct BatchExporter: Sendable {
    let job: JobDefinition
    let configs: [ExportConfig]
    let renderers: [any ImportRenderer]

    init(job: JobDefinition, configs: [ExportConfig]) throws {
        self.job = job
        self.configs = configs
        var renderers: [any ImportRenderer] = []
        for config in configs {
            do {
                renderers.append(try ImportRenderers.make(for: config))
            } catch {
                throw RunError(code: .configuration, message: "\(error)")
            }
        }
        self.renderers = renderers
    }

    /// Finishes batches a crashed run left: placed ones are delivered, open ones rewritten.
    func recover(ledger: any Ledger, context: RunContext, report: inout RunReport) async throws {
        let writer = BatchWriter(ledger: ledger)
        for recovery in try await writer.recover(job: job.id) {
            switch recovery {
            case .placed(let batch, let outputs):
                report.outputs += outputs.filter { $0.state != .gone }.map(\.path)
                try await ledger.markBatchDelivered(batchID: batch.id)
            case .rewrite(let batch):
                let records = try await ledger.batchRecords(batchID: batch.id)
                let pages = records.compactMap { Self.decode($0.readJSON) }
                guard !pages.isEmpty, pages.count == records.count else {
                    try await ledger.discardBatch(batchID: batch.id)
                    continue
                }
                try await write(batch: batch, pages: pages, ledger: ledger, context: context, report: &report)
            }
        }
    }

    /// Exports the accepted inputs' pages as one batch; false when nothing could be written.
    func export(_ inputs: [(InputToRead, [PageRead])], ledger: any Ledger, context: RunContext, report: inout RunReport) async throws -> Bool {
        guard !configs.isEmpty else { return true }
        let date = Self.dateString(in: job.timeZone)
        let batch = try await ledger.openBatch(job: job.id, runID: context.runID, date: date)
        var keys: [PageKey] = []
        for (input, pages) in inputs {
            for index in pages.indices { keys.append(PageKey(inputID: input.id, page: index)) }
        }
        try await ledger.addPages(keys, toBatch: batch.id)
        try await write(batch: batch, pages: inputs.flatMap(\.1), ledger: ledger, context: context, report: &report)
        return true
    }

    private func write(batch: BatchRecord, pages: [PageRead], ledger: any Ledger, context: RunContext, report: inout RunReport) async throws {
        var files: [OutputFile] = []
        for (config, renderer) in zip(configs, renderers) {
            let folder = try context.expand(config.to, seq: batch.seq)
            let name = try context.expand(config.name ?? "{job}_{date}_{seq}.\(renderer.fileExtension)", seq: batch.seq)
            let rendered = try renderer.render(pages, run: context.runID, job: job.id)
            report.problems += rendered.problems
            files.append(OutputFile(path: folder + "/" + name, content: rendered.data))
        }
        let placed = try await BatchWriter(ledger: ledger).write(batch: batch, files: files, recordCount: pages.count)
        report.outputs += placed.map(\.path)
        try await ledger.markBatchDelivered(batchID: batch.id)
    }

    static func decode(_ json: String) -> PageRead? {
        try? JSONDecoder().decode(PageRead.self, from: Data(json.utf8))
    }

    static func dateString(in zone: TimeZone) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = zone
        f.dateFormat = "yyyyMMdd"
        return f.string(from: Date())
    }
}

/// Turns accepted pages into the bytes of one import file.
protocol ImportRenderer: Sendable {
    var fileExtension: String { get }
    func render(_ pages: [PageRead], run: String, job: String) throws -> RenderedImport
}

struct RenderedImport: Sendable {
    var data: Data
    var problems: [String] = []
}

/// JSON Lines, one object per page with the normalised field values.
struct JSONLinesRenderer: ImportRenderer {
    var fileExtension: String { "jsonl" }
    func render(_ pages: [PageRead], run: String, job: String) throws -> RenderedImport {
        var data = Data()
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for page in pages {
            var fields: [String: FieldValue] = [:]
            for f in page.fields { fields[f.name] = f.normalized ?? f.value ?? .text("") }
            let record = Record(run: run, job: job, sourceFile: page.file, sourcePage: page.page, template: page.template, fields: fields)
            data.append(try e.encode(record))
            data.append(0x0A)
        }
        return RenderedImport(data: data)
    }

    struct Record: Encodable {
        var run: String
        var job: String
        var sourceFile: String
        var sourcePage: Int
        var template: String
        var fields: [String: FieldValue]
        enum CodingKeys: String, CodingKey {
            case run, job
            case sourceFile = "source_file"
            case sourcePage = "source_page"
            case template, fields
        }
    }
}

enum ImportRenderers {
    static func make(for config: ExportConfig) throws -> any ImportRenderer {
        JSONLinesRenderer()
    }
}
