import YomitoriYAML
import Yams

extension MappingParser {
    /// `columns:`: every entry checked, names unique, fixed texts encodable.
    mutating func parseColumns(_ node: Node, mapping: ExportMapping) -> [ExportColumn] {
        guard let items = reader.list(node, "columns") else { return [] }
        if items.isEmpty { reader.error(.invalidValue, at: node, "columns is empty; list at least one column") }
        var columns: [ExportColumn] = []
        var seen: [String: Node] = [:]
        for (index, item) in items.enumerated() {
            let subject = "column \(index + 1)"
            guard let keyed = reader.keyed(item, MappingKeys.column, subject: subject),
                  let nameNode = keyed["name"], let name = reader.text(nameNode, "\(subject) name")
            else { continue }
            if name.isEmpty { reader.error(.invalidValue, at: nameNode, "\(subject) name is empty") }
            if let first = seen[name] {
                let line = first.mark.map { " (first at line \($0.line))" } ?? ""
                reader.error(.invalidValue, at: nameNode, "column name '\(name)' is used twice\(line)")
            }
            seen[name] = nameNode
            if mapping.header && [.csv, .tsv].contains(mapping.format) {
                checkEncodable(name, mapping.encoding, at: nameNode, "column name '\(name)'")
            }
            if let column = parseColumnBody(keyed, name: name, subject: "column '\(name)'", encoding: mapping.encoding) {
                columns.append(column)
            }
        }
        return columns
    }

    /// The source and shaping keys shared by columns and 全銀 data items.
    mutating func parseColumnBody(
        _ keyed: KeyedNode, name: String, subject: String, encoding: OutputEncoding
    ) -> ExportColumn? {
        let given = ["field", "value", "derive"].filter { keyed[$0] != nil }
        guard given.count == 1, let key = given.first, let sourceNode = keyed[key] else {
            if given.isEmpty {
                // A misspelt source key (`feild:`) was already reported as unknown.
                if keyed.hasUnknownKeys { return nil }
                reader.error(.missingKey, at: keyed.node, "\(subject) needs one of field, value or derive")
            } else {
                reader.error(.conflict, at: keyed.keyNodes[given[1]],
                             "\(subject) has " + given.joined(separator: " and ") + "; give only one source")
            }
            return nil
        }
        var column = ExportColumn(name: name, source: .constant(""))
        switch key {
        case "field":
            guard let field = reader.text(sourceNode, "\(subject) field") else { return nil }
            column.source = .field(field)
        case "value":
            guard let value = reader.text(sourceNode, "\(subject) value") else { return nil }
            checkEncodable(value, encoding, at: sourceNode, "the value of \(subject)")
            column.source = .constant(value)
        default:
            guard let derived = reader.choice(sourceNode, "\(subject) derive", DerivedValue.self) else { return nil }
            column.source = .derived(derived)
        }
        if let node = keyed["format"], let format = reader.choice(node, "\(subject) format", ExportDateFormat.self) {
            switch column.source {
            case .field, .derived(.today): column.dateFormat = format
            default: reader.error(.conflict, at: node, "\(subject): format applies to date fields and `derive: today` only")
            }
        }
        if let node = keyed["normalize"] {
            let steps = node.scalar != nil ? [node] : reader.list(node, "\(subject) normalize") ?? []
            column.normalizers = steps.compactMap { reader.choice($0, "\(subject) normalize step", ColumnNormalizer.self) }
        }
        if let node = keyed["map"], let pairs = reader.textMapping(node, "\(subject) map") {
            var codes: [String: String] = [:]
            for pair in pairs {
                checkEncodable(pair.value, encoding, at: pair.node, "the code for '\(pair.key)' in \(subject)")
                codes[pair.key] = pair.value
            }
            column.codeMap = codes
        }
        if let node = keyed["width"] { column.width = reader.integer(node, "\(subject) width", minimum: 1) }
        if let node = keyed["pad_left"], let pad = reader.character(node, "\(subject) pad_left") {
            checkEncodable(String(pad), encoding, at: node, "pad_left of \(subject)")
            column.padLeft = pad
            if keyed["width"] == nil {
                reader.error(.missingKey, at: keyed.keyNodes["pad_left"], "\(subject): pad_left needs a width to pad to")
            }
        }
        return column
    }

    /// `fixed:`: exactly one entry per column, widths positive, pads encodable.
    mutating func parseFixed(_ node: Node, mapping: ExportMapping) -> [FixedWidthField] {
        guard let items = reader.list(node, "fixed") else { return [] }
        var entries: [FixedWidthField] = []
        var seen: Set<String> = []
        let names = mapping.columns.map(\.name)
        for (index, item) in items.enumerated() {
            let subject = "fixed entry \(index + 1)"
            guard let keyed = reader.keyed(item, MappingKeys.fixed, subject: subject),
                  let columnNode = keyed["column"], let column = reader.text(columnNode, "\(subject) column"),
                  let widthNode = keyed["width"], let width = reader.integer(widthNode, "\(subject) width", minimum: 1)
            else { continue }
            var entry = FixedWidthField(column: column, width: width)
            if !names.contains(column) {
                var message = "\(subject) names column '\(column)', which is not in columns"
                if let near = closestWord(to: column, in: names) { message += "; did you mean '\(near)'?" }
                reader.error(.invalidValue, at: columnNode, message)
            }
            if !seen.insert(column).inserted {
                reader.error(.invalidValue, at: columnNode, "column '\(column)' has two fixed entries")
            }
            if let alignNode = keyed["align"] {
                entry.align = reader.choice(alignNode, "\(subject) align", FixedWidthField.Alignment.self) ?? .left
            }
            if let padNode = keyed["pad"], let pad = reader.character(padNode, "\(subject) pad") {
                switch mapping.encoding.encode(String(pad)) {
                case .success(let bytes) where bytes.count > width:
                    reader.error(.invalidValue, at: padNode, "\(subject): pad '\(pad)' is wider than the column")
                case .success:
                    entry.pad = pad
                case .failure:
                    checkEncodable(String(pad), mapping.encoding, at: padNode, "pad of \(subject)")
                }
            }
            entries.append(entry)
        }
        var reported: Set<String> = []
        for name in names where !seen.contains(name) && reported.insert(name).inserted {
            reader.error(.missingKey, at: node, "column '\(name)' has no fixed entry (every column needs a byte width)")
        }
        return names.compactMap { name in entries.first { $0.column == name } }
    }
}
