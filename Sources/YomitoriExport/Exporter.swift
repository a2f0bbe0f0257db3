public import YomitoriResults

/// Runs one export: pages in, one import file delivered atomically, a report out.
///
/// This is what a job's `export` step calls, and what `yomitori export` calls to write (or
/// re-emit, from recorded results) an import file.
public enum Exporter {
    /// Builds the import file from `source` while writing it to a temporary file in `directory`,
    /// then delivers it (see ``ImportFileWriter``).
    ///
    /// When no page became a record, no file is written (unless `delivery.write_empty`, never for
    /// 全銀) and ``ExportReport/notWritten`` says so.
    /// - Throws: ``ExportError`` when the file as a whole cannot be made or delivered; nothing is
    ///   left under a final name then, and the temporary file is removed.
    public static func export(
        _ source: inout some PageSource, mapping: ExportMapping, context: ExportContext, directory: String
    ) throws(ExportError) -> ExportReport {
        let writer = ImportFileWriter(directory: directory, delivery: mapping.delivery)
        var builder = ImportFileBuilder(mapping: mapping, context: context)
        let pending = try writer.begin()
        do throws(ExportError) {
            try pending.write(try builder.start())
            while let item = try source.next() {
                let bytes = builder.add(item)
                if !bytes.isEmpty { try pending.write(bytes) }
            }
            try pending.write(try builder.finish())
        } catch {
            pending.discard()
            throw error
        }
        var report = builder.report
        let writeEmpty = mapping.delivery.writeEmpty && mapping.format != .zengin
        guard report.recordsWritten > 0 || writeEmpty else {
            pending.discard()
            report.notWritten = "no accepted page could be written"
            return report
        }
        let variables: [FileNamePattern.Variable: String] = [
            .job: context.job, .run: context.run, .date: context.dateStamp, .time: context.timeStamp,
            .template: builder.templates.count == 1 ? builder.templates[0] : builder.templates.isEmpty ? "none" : "mixed",
        ]
        let manifest = ImportManifest(
            file: "", records: 0, bytes: 0, sha256: "", format: mapping.format.rawValue,
            encoding: mapping.encoding.rawValue, job: context.job, run: context.run, created: context.timestamp)
        report.files = [try pending.commit(records: report.recordsWritten, variables: variables, manifest: manifest)]
        return report
    }

    /// ``export(_:mapping:context:directory:)`` for pages in memory.
    public static func export(
        _ pages: [PageRead], mapping: ExportMapping, context: ExportContext, directory: String
    ) throws(ExportError) -> ExportReport {
        var source = PageList(pages)
        return try export(&source, mapping: mapping, context: context, directory: directory)
    }
}
