import YomitoriResults

/// Resolves and encodes every column of a page, collecting the problems of all of them.
struct ColumnCells {
    let columns: [ExportColumn]
    let resolver: ColumnResolver
    let encoder: CellEncoder

    /// Each column's text and bytes, in order, or nil with every problem in `log`.
    func cells(_ page: PageRead, log: inout RecordLog) -> [(text: String, bytes: [UInt8])]? {
        var cells: [(text: String, bytes: [UInt8])] = []
        for column in columns {
            switch resolver.resolve(column, page) {
            case .cell(let cell):
                if let bytes = encoder.encode(cell, column: column.name, log: &log) {
                    cells.append((cell.text, bytes))
                }
            case .problems(let problems):
                log.problems.append(contentsOf: problems)
            }
        }
        return log.problems.isEmpty ? cells : nil
    }
}
