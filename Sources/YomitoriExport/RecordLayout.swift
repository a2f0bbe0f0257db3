import YomitoriResults

/// Turns accepted pages into the bytes of one kind of import file, record by record.
///
/// A layout writes its start (BOM, header row, 全銀 header record) once, then one record per
/// accepted page — or nothing for that page, with the reasons in the log — and its end.
protocol RecordLayout {
    /// Bytes before the first record.
    mutating func start() throws(ExportError) -> [UInt8]
    /// The bytes of one page's record, or nil when it must go to review (reasons in `log`).
    mutating func record(_ page: PageRead, log: inout RecordLog) -> [UInt8]?
    /// Bytes after the last record.
    mutating func finish() throws(ExportError) -> [UInt8]
}

extension RecordLayout {
    func finish() throws(ExportError) -> [UInt8] { [] }
}
