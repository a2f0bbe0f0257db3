import YomitoriResults

/// One JSON object per accepted page, UTF-8, keys in a fixed order:
/// `{"run":…,"source_file":…,"source_page":1,"template":…,"fields":{…},"columns":{…}}`.
///
/// `fields` holds every field's normalised value (its value when not normalised; `null` when
/// nothing was read), in template order; `columns` holds the mapped columns, in mapping order,
/// when the mapping has any. `source_page` counts from 1.
struct JSONLinesLayout: RecordLayout {
    let mapping: ExportMapping
    let context: ExportContext
    let cells: ColumnCells

    init(mapping: ExportMapping, context: ExportContext) {
        self.mapping = mapping
        self.context = context
        cells = ColumnCells(columns: mapping.columns, resolver: ColumnResolver(context: context),
                            encoder: CellEncoder(mapping: mapping))
    }

    func start() throws(ExportError) -> [UInt8] { [] }

    func record(_ page: PageRead, log: inout RecordLog) -> [UInt8]? {
        var json = "{\"run\":" + Self.quote(context.run)
        json += ",\"source_file\":" + Self.quote(page.file)
        json += ",\"source_page\":\(page.page + 1)"
        json += ",\"template\":" + Self.quote(page.template)
        if mapping.includeFields {
            for field in page.fields where field.sensitive && ((field.normalized ?? field.value)?.string.contains("*") ?? false) {
                log.problems.append(RecordProblem(code: .maskedValue, column: field.name,
                                                  detail: "recorded masked; read again with --show-sensitive"))
            }
            let members = page.fields.map { Self.quote($0.name) + ":" + Self.value($0.normalized ?? $0.value) }
            json += ",\"fields\":{" + members.joined(separator: ",") + "}"
        }
        if !mapping.columns.isEmpty {
            guard let values = cells.cells(page, log: &log) else { return nil }
            let members = zip(mapping.columns, values).map { Self.quote($0.name) + ":" + Self.quote($1.text) }
            json += ",\"columns\":{" + members.joined(separator: ",") + "}"
        }
        guard log.problems.isEmpty else { return nil }
        return Array((json + "}").utf8) + mapping.newline.bytes
    }

    // MARK: - JSON text

    /// A field value as JSON: a string, `true`/`false`, an array of strings, or `null`.
    static func value(_ value: FieldValue?) -> String {
        switch value {
        case .text(let text): quote(text)
        case .bool(let flag): flag ? "true" : "false"
        case .list(let items): "[" + items.map(quote).joined(separator: ",") + "]"
        case nil: "null"
        }
    }

    /// A JSON string: `"` and `\` escaped, control characters as `\n`, `\r`, `\t` or `\u00XX`;
    /// everything else written as UTF-8 (no `\/`, no escaped non-ASCII).
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
