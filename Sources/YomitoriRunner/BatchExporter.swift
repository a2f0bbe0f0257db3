import Foundation
import YomitoriExport
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
                renderers.append(try ImportRenderers.make(for: config, timeZone: job.timeZone))
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

    /// Exports the accepted inputs' pages as one batch. Returns the inputs whose pages the
    /// import format could not take (e.g. a character CP932 cannot encode): they go to review.
    func export(_ inputs: [(InputToRead, [PageRead])], ledger: any Ledger, context: RunContext, report: inout RunReport) async throws -> Set<String> {
        guard !configs.isEmpty else { return [] }
        // Render first: a page the format refuses must not be in the batch at all.
        var included = inputs
        var refused: Set<String> = []
        for _ in 0..<3 {
            let pages = included.flatMap(\.1)
            var problemPages: Set<String> = []
            for renderer in renderers {
                problemPages.formUnion(try renderer.render(pages, run: context.runID, job: job.id).refusedPages)
            }
            let before = included.count
            included.removeAll { entry in
                let ids = entry.1.map { PageID(file: $0.file, page: $0.page).description }
                if ids.contains(where: problemPages.contains) {
                    refused.insert(entry.0.id)
                    return true
                }
                return false
            }
            if included.count == before { break }
        }
        guard !included.isEmpty else { return refused }
        let date = Self.dateString(in: job.timeZone)
        let batch = try await ledger.openBatch(job: job.id, runID: context.runID, date: date)
        var keys: [PageKey] = []
        for (input, pages) in included {
            for index in pages.indices { keys.append(PageKey(inputID: input.id, page: index)) }
        }
        try await ledger.addPages(keys, toBatch: batch.id)
        try await write(batch: batch, pages: included.flatMap(\.1), ledger: ledger, context: context, report: &report)
        return refused
    }

    private func write(batch: BatchRecord, pages: [PageRead], ledger: any Ledger, context: RunContext, report: inout RunReport) async throws {
        var files: [OutputFile] = [], doneMarkers: [OutputFile] = []
        for (config, renderer) in zip(configs, renderers) {
            let folder = try context.expand(config.to, seq: batch.seq)
            let name = try context.expand(config.name ?? "{job}_{date}_{seq}.\(renderer.fileExtension)", seq: batch.seq)
            let rendered = try renderer.render(pages, run: context.runID, job: job.id)
            report.problems += rendered.problems
            let path = folder + "/" + name
            files.append(OutputFile(path: path, content: rendered.data))
            // The mapping's `delivery:` extras, in the same exactly-once batch as the file.
            if let manifest = try renderer.manifest(for: rendered, name: name, run: context.runID, job: job.id) {
                files.append(OutputFile(path: path + ".manifest.json", content: manifest))
            }
            if renderer.doneMarker { doneMarkers.append(OutputFile(path: path + ".done", content: Data())) }
        }
        // Placed in order: a receiving system sees a `.done` only once every file and manifest is in place.
        files += doneMarkers
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
    /// `<name>.manifest.json`'s content, when the mapping asks for one (`delivery.manifest`).
    func manifest(for rendered: RenderedImport, name: String, run: String, job: String) throws -> Data?
    /// Whether the mapping asks for an empty `<name>.done` (`delivery.done_marker`).
    var doneMarker: Bool { get }
}

extension ImportRenderer {
    func manifest(for rendered: RenderedImport, name: String, run: String, job: String) throws -> Data? { nil }
    var doneMarker: Bool { false }
}

struct RenderedImport: Sendable {
    var data: Data
    /// Records in the file (全銀: data records).
    var records = 0
    var problems: [String] = []
    /// Pages (`file#N`) the format could not take; they must go to review.
    var refusedPages: Set<String> = []
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

/// A mapping from the export module: CSV/TSV, JSON Lines, fixed-width or 全銀.
struct MappingRenderer: ImportRenderer {
    let mapping: ExportMapping
    let timeZone: TimeZone

    var fileExtension: String {
        switch mapping.format {
        case .csv: "csv"
        case .tsv: "tsv"
        case .jsonl: "jsonl"
        case .fixed: "dat"
        case .zengin: "txt"
        }
    }

    func render(_ pages: [PageRead], run: String, job: String) throws -> RenderedImport {
        let context = ExportContext(job: job, run: run, timeZone: timeZone)
        let (bytes, report) = try ImportFileBuilder.render(pages, mapping: mapping, context: context)
        var refused = Set(report.review.map(\.page))
        refused.formUnion(report.skipped.map(\.page))
        let problems = report.review.map { "\($0.page): export review (\($0.problems.map { "\($0.code)" }.joined(separator: ",")))" }
        return RenderedImport(data: Data(bytes), records: report.recordsWritten, problems: problems, refusedPages: refused)
    }

    var doneMarker: Bool { mapping.delivery.doneMarker }

    /// The manifest `yomitori export` writes (``ImportManifest``), for the file as rendered.
    func manifest(for rendered: RenderedImport, name: String, run: String, job: String) throws -> Data? {
        guard mapping.delivery.manifest else { return nil }
        let context = ExportContext(job: job, run: run, timeZone: timeZone)
        let manifest = ImportManifest(file: name, records: rendered.records, bytes: rendered.data, mapping: mapping, context: context)
        return Data(try manifest.encoded())
    }
}

enum ImportRenderers {
    static func make(for config: ExportConfig, timeZone: TimeZone) throws -> any ImportRenderer {
        switch config.mapping {
        case .file(let path):
            return MappingRenderer(mapping: try ExportMapping.load(path: path), timeZone: timeZone)
        case .inline(let yaml, let file, _):
            return MappingRenderer(mapping: try ExportMapping.parse(yaml: yaml, file: file), timeZone: timeZone)
        }
    }
}
