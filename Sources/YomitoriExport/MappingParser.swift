import YomitoriYAML
import Yams
import YomitoriText

/// Turns a mapping's YAML nodes into an ``ExportMapping``, reporting every problem on the way.
struct MappingParser {
    var reader: MappingReader

    init(file: String) {
        reader = MappingReader(mappingFile: file)
    }

    /// The mapping, or nil when it is too broken to build (the reader holds the reasons).
    mutating func parseMapping(_ node: Node) -> ExportMapping? {
        guard let keyed = reader.keyed(node, MappingKeys.top, subject: "the mapping"),
              let formatNode = keyed["format"],
              let format = reader.choice(formatNode, "format", ExportFormat.self)
        else { return nil }

        let encoding = parseEncoding(keyed, format: format)
        var mapping = ExportMapping(format: format, encoding: encoding ?? .utf8)
        mapping.newline = parseNewline(keyed, format: format)
        if let node = applicable(keyed, "header", for: [.csv, .tsv], format) {
            mapping.header = reader.bool(node, "header") ?? true
        }
        if let node = applicable(keyed, "quote", for: [.csv, .tsv], format) {
            mapping.quoting = reader.choice(node, "quote", ExportMapping.Quoting.self) ?? .minimal
        }
        if let node = applicable(keyed, "include_fields", for: [.jsonl], format) {
            mapping.includeFields = reader.bool(node, "include_fields") ?? true
        }
        if let node = applicable(keyed, "on_unencodable", for: [.csv, .tsv, .fixed], format) {
            mapping.onUnencodable = reader.choice(node, "on_unencodable", UnencodablePolicy.self) ?? .review
        }
        if let node = keyed["substitutions"] {
            if mapping.onUnencodable != .substitute {
                reader.error(.conflict, at: keyed.keyNodes["substitutions"],
                             "substitutions are only used with `on_unencodable: substitute`; add it or remove them")
            } else {
                mapping.substitutions = parseSubstitutions(node, encoding: mapping.encoding)
            }
        }

        let columnsNode = applicable(keyed, "columns", for: [.csv, .tsv, .jsonl, .fixed], format,
                                     hint: format == .zengin ? "; 全銀 data items go under zengin.fields" : "")
        if let columnsNode {
            mapping.columns = parseColumns(columnsNode, mapping: mapping)
        } else if [.csv, .tsv, .fixed].contains(format) {
            reader.error(.missingKey, at: node, "format \(format.rawValue) needs `columns:`, a list of {name: …, field: …}")
        }
        if let fixedNode = applicable(keyed, "fixed", for: [.fixed], format) {
            mapping.fixed = parseFixed(fixedNode, mapping: mapping)
        } else if format == .fixed {
            reader.error(.missingKey, at: node, "format fixed needs `fixed:`, a byte width for every column")
        }
        if let zenginNode = applicable(keyed, "zengin", for: [.zengin], format) {
            mapping.zengin = parseZengin(zenginNode)
        } else if format == .zengin {
            reader.error(.missingKey, at: node, "format zengin needs `zengin:`, the header settings and data items")
        }
        if let deliveryNode = keyed["delivery"] {
            mapping.delivery = parseDelivery(deliveryNode, format: format)
        }
        guard encoding != nil else { return nil }
        return mapping
    }

    // MARK: - Top-level values

    private mutating func parseEncoding(_ keyed: KeyedNode, format: ExportFormat) -> OutputEncoding? {
        let allowed: [OutputEncoding]
        switch format {
        case .jsonl: allowed = [.utf8]
        case .zengin: allowed = [.cp932]
        case .csv, .tsv, .fixed: allowed = OutputEncoding.allCases
        }
        guard let node = keyed["encoding"] else {
            if allowed.count == 1 { return allowed[0] }
            reader.error(.missingKey, at: keyed.node,
                         "format \(format.rawValue) needs `encoding:` (utf-8, utf-8-bom or cp932); the receiving system decides")
            return nil
        }
        let what = allowed.count == 1 ? "encoding of format \(format.rawValue)" : "encoding"
        return reader.choice(node, what, OutputEncoding.self, allowed: allowed)
    }

    private mutating func parseNewline(_ keyed: KeyedNode, format: ExportFormat) -> LineEnding {
        let allowed: [LineEnding]
        let standard: LineEnding
        switch format {
        case .csv, .tsv: (allowed, standard) = ([.crlf, .lf], .crlf)
        case .jsonl: (allowed, standard) = ([.lf, .crlf], .lf)
        case .fixed: (allowed, standard) = ([.crlf, .lf, .none], .crlf)
        case .zengin: (allowed, standard) = ([.crlf, .none], .crlf)
        }
        guard let node = keyed["newline"] else { return standard }
        let what = format == .zengin ? "newline of a 全銀 file (never LF alone)" : "newline of format \(format.rawValue)"
        return reader.choice(node, what, LineEnding.self, allowed: allowed) ?? standard
    }

    /// The node of `key` when it applies to `format`; reports it when it does not.
    private mutating func applicable(
        _ keyed: KeyedNode, _ key: String, for formats: [ExportFormat], _ format: ExportFormat, hint: String = ""
    ) -> Node? {
        guard let node = keyed[key] else { return nil }
        guard formats.contains(format) else {
            let list = formats.map(\.rawValue).joined(separator: ", ")
            reader.error(.conflict, at: keyed.keyNodes[key], "'\(key)' applies to format \(list) only, not \(format.rawValue)\(hint)")
            return nil
        }
        return node
    }

    private mutating func parseSubstitutions(_ node: Node, encoding: OutputEncoding) -> [Character: String] {
        var result: [Character: String] = [:]
        for pair in reader.textMapping(node, "substitutions") ?? [] {
            guard pair.key.count == 1, let character = pair.key.first else {
                reader.error(.invalidValue, at: pair.node, "a substitution replaces one character, got '\(pair.key)'")
                continue
            }
            guard !pair.value.isEmpty else {
                reader.error(.invalidValue, at: pair.node, "the substitution for '\(pair.key)' is empty; characters are never dropped")
                continue
            }
            checkEncodable(pair.value, encoding, at: pair.node, "the substitution for '\(pair.key)'")
            result[character] = pair.value
        }
        return result
    }

    private mutating func parseDelivery(_ node: Node, format: ExportFormat) -> DeliverySettings {
        var settings = DeliverySettings.standard(for: format)
        guard let keyed = reader.keyed(node, MappingKeys.delivery, subject: "delivery") else { return settings }
        if let node = keyed["file_name"], let text = reader.text(node, "file_name") {
            do {
                settings.fileName = try FileNamePattern(text)
            } catch {
                reader.error(.invalidValue, at: node, "file_name: \(error.description)")
            }
        }
        if let node = keyed["done_marker"] { settings.doneMarker = reader.bool(node, "done_marker") ?? false }
        if let node = keyed["manifest"] { settings.manifest = reader.bool(node, "manifest") ?? false }
        if let node = keyed["write_empty"], let value = reader.bool(node, "write_empty") {
            if value && format == .zengin {
                reader.error(.conflict, at: node, "a 全銀 file needs at least one data record; write_empty cannot be true")
            }
            settings.writeEmpty = value
        }
        return settings
    }

    // MARK: - Helpers

    /// Reports fixed text (a header name, a constant, a code) that `encoding` cannot carry.
    mutating func checkEncodable(_ text: String, _ encoding: OutputEncoding, at node: Node?, _ what: String) {
        guard case .failure(let error) = encoding.encode(text) else { return }
        let list = error.failures.map(\.description).joined(separator: ", ")
        reader.error(.unencodable, at: node, "\(what) cannot be written in \(encoding.rawValue): \(list)")
    }
}
