import YomitoriResults

/// Fixed-width records (固定長): each column padded to its byte width in the output encoding.
///
/// A value wider than its column sends the record to review (`overflow`); nothing is ever cut,
/// so a multi-byte character is never split. A two-byte pad (`　` in CP932) that cannot fill an
/// odd gap sends the record to review too (`misaligned_padding`).
struct FixedWidthLayout: RecordLayout {
    let mapping: ExportMapping
    let cells: ColumnCells
    /// Byte width, alignment and the pad's bytes, per column.
    let shapes: [(field: FixedWidthField, pad: [UInt8])]
    /// Why the mapping cannot be used, found in `init` and thrown by `start`.
    private let mappingProblem: String?

    init(mapping: ExportMapping, context: ExportContext) {
        self.mapping = mapping
        cells = ColumnCells(columns: mapping.columns, resolver: ColumnResolver(context: context),
                            encoder: CellEncoder(mapping: mapping))
        var problem: String?
        shapes = mapping.columns.map { column in
            guard let field = mapping.fixed.first(where: { $0.column == column.name }) else {
                problem = "column '\(column.name)' has no fixed width"
                return (FixedWidthField(column: column.name, width: 0), [0x20])
            }
            guard let pad = try? mapping.encoding.encode(String(field.pad)).get(), !pad.isEmpty else {
                problem = "the pad of column '\(column.name)' cannot be written in \(mapping.encoding.rawValue)"
                return (field, [0x20])
            }
            return (field, pad)
        }
        mappingProblem = problem
    }

    func start() throws(ExportError) -> [UInt8] {
        // The loader checks these; a mapping built in code may still get them wrong.
        if let mappingProblem { throw ExportError(code: .invalidMapping, message: mappingProblem) }
        return mapping.encoding.preamble
    }

    func record(_ page: PageRead, log: inout RecordLog) -> [UInt8]? {
        guard let values = cells.cells(page, log: &log) else { return nil }
        var record: [UInt8] = []
        for (value, shape) in zip(values, shapes) {
            let width = shape.field.width
            guard value.bytes.count <= width else {
                log.problems.append(RecordProblem(code: .overflow, column: shape.field.column,
                                                  detail: "\(value.bytes.count) bytes, width \(width)"))
                continue
            }
            let gap = width - value.bytes.count
            guard gap % shape.pad.count == 0 else {
                log.problems.append(RecordProblem(code: .misalignedPadding, column: shape.field.column,
                                                  detail: "\(gap) bytes left, pad is \(shape.pad.count) bytes"))
                continue
            }
            let padding = Array([[UInt8]](repeating: shape.pad, count: gap / shape.pad.count).joined())
            record += shape.field.align == .left ? value.bytes + padding : padding + value.bytes
        }
        guard log.problems.isEmpty else { return nil }
        return record + mapping.newline.bytes
    }
}
