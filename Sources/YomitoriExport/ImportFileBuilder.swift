public import YomitoriResults

/// Builds the bytes of one import file from pages, one page at a time, and keeps the report.
///
/// Only pages with status `accepted` become records. Every other page is listed in the report as
/// skipped, and an accepted page whose record cannot be written (a character the encoding cannot
/// carry, a value too wide, a code not in the map…) is listed as a review record with its
/// problems. Neither is an error: ``finish()`` throws only when the file as a whole cannot be made.
///
/// ```swift
/// var builder = ImportFileBuilder(mapping: mapping, context: context)
/// var bytes = try builder.start()
/// for page in pages { bytes += builder.add(.page(page)) }
/// bytes += try builder.finish()
/// ```
public struct ImportFileBuilder {
    /// The mapping the file follows.
    public let mapping: ExportMapping
    /// The run the file belongs to.
    public let context: ExportContext
    /// What happened so far (``ExportReport/files`` stays empty: delivery fills it).
    public private(set) var report: ExportReport
    /// The templates of the records written, for `{template}` in file names.
    public private(set) var templates: [String] = []
    private var layout: any RecordLayout

    /// A builder for one file.
    public init(mapping: ExportMapping, context: ExportContext) {
        self.mapping = mapping
        self.context = context
        report = ExportReport(job: context.job, run: context.run, format: mapping.format.rawValue,
                              encoding: mapping.encoding.rawValue)
        switch mapping.format {
        case .csv, .tsv: layout = DelimitedLayout(mapping: mapping, context: context)
        case .jsonl: layout = JSONLinesLayout(mapping: mapping, context: context)
        case .fixed: layout = FixedWidthLayout(mapping: mapping, context: context)
        case .zengin:
            let settings = mapping.zengin ?? ZenginSettings(
                requesterCode: "", requesterName: "", transferDate: "", bankCode: "", branchCode: "",
                accountType: "", accountNumber: "", fields: [:])
            layout = ZenginLayout(mapping: mapping, settings: settings, context: context)
        }
    }

    /// The bytes before the first record (byte order mark, header row, 全銀 header record).
    public mutating func start() throws(ExportError) -> [UInt8] {
        if mapping.format == .zengin && mapping.zengin == nil {
            throw ExportError(code: .invalidMapping, message: "format zengin needs zengin settings")
        }
        return try layout.start()
    }

    /// The record for one input item: bytes for an accepted page that could be written, nothing
    /// otherwise (the report says why).
    public mutating func add(_ item: ExportItem) -> [UInt8] {
        report.pagesRead += 1
        switch item {
        case .unreadable(let file, let page, let code):
            let id = page.map { PageID(file: file, page: $0).description } ?? file
            report.skipped.append(.init(page: id, status: "unreadable", reasons: [code]))
            return []
        case .page(let page):
            let id = PageID(file: page.file, page: page.page).description
            guard page.status == .accepted else {
                report.skipped.append(.init(page: id, status: page.status?.rawValue ?? "unvalidated",
                                            reasons: Self.reasonCodes(page)))
                return []
            }
            var log = RecordLog()
            guard let bytes = layout.record(page, log: &log), log.problems.isEmpty else {
                report.review.append(.init(page: id, problems: log.problems))
                return []
            }
            report.recordsWritten += 1
            if !templates.contains(page.template) { templates.append(page.template) }
            report.substitutions += log.substitutions.map {
                ExportReport.Substitution(page: id, column: $0.column, from: $0.from, to: $0.to)
            }
            return bytes
        }
    }

    /// The bytes after the last record (全銀 trailer and end records).
    public mutating func finish() throws(ExportError) -> [UInt8] {
        try layout.finish()
    }

    /// The whole file in memory, for small batches and tests.
    public static func render(
        _ pages: [PageRead], mapping: ExportMapping, context: ExportContext
    ) throws(ExportError) -> (bytes: [UInt8], report: ExportReport) {
        var builder = ImportFileBuilder(mapping: mapping, context: context)
        var bytes = try builder.start()
        for page in pages { bytes += builder.add(.page(page)) }
        bytes += try builder.finish()
        return (bytes, builder.report)
    }

    /// The page's and its fields' reason codes, each once, in order.
    static func reasonCodes(_ page: PageRead) -> [String] {
        var codes: [String] = []
        for reason in page.reasons + page.fields.flatMap(\.reasons) where !codes.contains(reason.code) {
            codes.append(reason.code)
        }
        return codes
    }
}
