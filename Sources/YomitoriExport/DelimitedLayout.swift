import YomitoriResults

/// CSV and TSV records with RFC 4180 quoting: a cell with the separator, `"`, CR or LF is quoted
/// and its quotes doubled (with `quote: all`, every cell is quoted).
///
/// Quoting is decided on the text, before encoding: CP932 trail bytes (0x40–0xFC) never equal
/// `"`, `,`, tab, CR or LF, so the encoded bytes need no second look.
struct DelimitedLayout: RecordLayout {
    let mapping: ExportMapping
    let cells: ColumnCells
    let separator: Character

    init(mapping: ExportMapping, context: ExportContext) {
        self.mapping = mapping
        cells = ColumnCells(columns: mapping.columns, resolver: ColumnResolver(context: context),
                            encoder: CellEncoder(mapping: mapping))
        separator = mapping.format == .tsv ? "\t" : ","
    }

    func start() throws(ExportError) -> [UInt8] {
        var bytes = mapping.encoding.preamble
        guard mapping.header else { return bytes }
        var line: [[UInt8]] = []
        for column in mapping.columns {
            // The loader checks this; a mapping built in code may still get it wrong.
            switch mapping.encoding.encode(quoted(column.name)) {
            case .success(let encoded): line.append(encoded)
            case .failure(let error):
                throw ExportError(code: .invalidMapping, message: "column name '\(column.name)': \(error)")
            }
        }
        bytes += join(line)
        return bytes
    }

    func record(_ page: PageRead, log: inout RecordLog) -> [UInt8]? {
        guard let values = cells.cells(page, log: &log) else { return nil }
        return join(values.map { cell in
            guard needsQuotes(cell.text) else { return cell.bytes }
            // The quotes and the doubled quotes are ASCII, the same byte in every encoding.
            var bytes: [UInt8] = [0x22]
            for byte in cell.bytes {
                bytes.append(byte)
                if byte == 0x22 { bytes.append(0x22) }
            }
            bytes.append(0x22)
            return bytes
        })
    }

    // MARK: - Helpers

    private func join(_ cells: [[UInt8]]) -> [UInt8] {
        var line: [UInt8] = []
        for (index, cell) in cells.enumerated() {
            if index > 0 { line.append(separator == "\t" ? 0x09 : 0x2C) }
            line += cell
        }
        return line + mapping.newline.bytes
    }

    private func needsQuotes(_ text: String) -> Bool {
        if mapping.quoting == .all { return true }
        return text.unicodeScalars.contains { scalar in
            scalar == "\"" || scalar == "\r" || scalar == "\n" || scalar == separator.unicodeScalars.first
        }
    }

    private func quoted(_ text: String) -> String {
        guard needsQuotes(text) else { return text }
        return "\"" + String(text.flatMap { $0 == "\"" ? ["\"", "\""] : [$0] }) + "\""
    }
}
