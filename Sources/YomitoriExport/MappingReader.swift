import Yams

/// Reads typed values out of a mapping's YAML nodes and records a ``MappingDiagnostic``, with the
/// node's line and column, for everything that is not what the format expects.
///
/// Readers return nil after reporting, so callers skip dependent checks instead of piling a second
/// message onto the same mistake.
struct MappingReader {
    let file: String
    private(set) var diagnostics: [MappingDiagnostic] = []

    init(file: String) {
        self.file = file
    }

    // MARK: - Reporting

    mutating func error(_ code: MappingDiagnostic.Code, at node: Node?, _ message: String) {
        diagnostics.append(MappingDiagnostic(
            code: code, file: file, line: node?.mark?.line, column: node?.mark?.column, message: message
        ))
    }

    /// Diagnostics sorted by place; problems without a place first.
    var sortedDiagnostics: [MappingDiagnostic] {
        diagnostics.enumerated().sorted { a, b in
            (a.element.line ?? 0, a.element.column ?? 0, a.offset) < (b.element.line ?? 0, b.element.column ?? 0, b.offset)
        }.map(\.element)
    }

    // MARK: - Mappings

    /// The values of a mapping node by key, after checking the keys against `section`.
    ///
    /// Reports a node that is not a mapping, every unknown key (with the nearest known key or the
    /// section it belongs to) and every missing required key. Returns nil for a non-mapping.
    mutating func keyed(_ node: Node, _ section: MappingKeys.Section, subject: String) -> KeyedNode? {
        guard let mapping = node.mapping else {
            error(.notAMapping, at: node, "\(subject) must be a mapping of `key: value` lines, got \(describe(node))")
            return nil
        }
        var keyed = KeyedNode(node: node)
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                error(.wrongType, at: keyNode, "\(subject): keys must be plain words, got \(describe(keyNode))")
                continue
            }
            guard section.keys.contains(key) else {
                error(.unknownKey, at: keyNode, MappingKeys.unknownKeyMessage(key, in: section, subject: subject))
                keyed.hasUnknownKeys = true
                continue
            }
            keyed.values[key] = value
            keyed.keyNodes[key] = keyNode
        }
        // A misspelt required key is reported once, as unknown, not a second time as missing.
        for key in section.required where keyed.values[key] == nil && !keyed.hasUnknownKeys {
            error(.missingKey, at: node, "\(subject) is missing required key '\(key)'")
        }
        return keyed
    }

    // MARK: - Scalars

    /// Any non-null scalar, as written (so `value: 01` keeps its leading zero).
    mutating func text(_ node: Node, _ what: String) -> String? {
        guard let scalar = node.scalar, node.tag.rawValue != Tag.Name.null.rawValue else {
            error(.wrongType, at: node, "\(what) must be text, got \(describe(node))")
            return nil
        }
        return scalar.string
    }

    /// A single character (a padding character, a substitution key).
    mutating func character(_ node: Node, _ what: String) -> Character? {
        guard let text = text(node, what) else { return nil }
        guard text.count == 1, let character = text.first else {
            error(.invalidValue, at: node, "\(what) must be exactly one character, got \(describe(node))")
            return nil
        }
        return character
    }

    /// A whole number of at least `minimum`.
    mutating func integer(_ node: Node, _ what: String, minimum: Int = 1) -> Int? {
        guard let scalar = node.scalar, node.tag.rawValue == Tag.Name.int.rawValue, let value = Int(scalar.string) else {
            error(.wrongType, at: node, "\(what) must be a whole number, got \(describe(node))")
            return nil
        }
        guard value >= minimum else {
            error(.invalidValue, at: node, "\(what) must be at least \(minimum), got \(value)")
            return nil
        }
        return value
    }

    /// `true` or `false`.
    mutating func bool(_ node: Node, _ what: String) -> Bool? {
        if node.tag.rawValue == Tag.Name.bool.rawValue, let value = node.bool { return value }
        error(.wrongType, at: node, "\(what) must be true or false, got \(describe(node))")
        return nil
    }

    /// One of the raw values of `E`, with a suggestion for a misspelt one.
    mutating func choice<E: RawRepresentable & CaseIterable>(
        _ node: Node, _ what: String, _ type: E.Type, allowed: [E]? = nil
    ) -> E? where E.RawValue == String {
        guard let text = text(node, what) else { return nil }
        let options = allowed ?? Array(E.allCases)
        if let value = E(rawValue: text), options.contains(where: { $0.rawValue == value.rawValue }) { return value }
        var message = "\(what) must be one of " + options.map(\.rawValue).joined(separator: ", ") + ", got '\(text)'"
        if E(rawValue: text) == nil, let near = closestWord(to: text, in: options.map(\.rawValue)) {
            message += "; did you mean '\(near)'?"
        }
        error(.invalidValue, at: node, message)
        return nil
    }

    /// The items of a sequence node.
    mutating func list(_ node: Node, _ what: String) -> [Node]? {
        guard let sequence = node.sequence else {
            error(.wrongType, at: node, "\(what) must be a list, got \(describe(node))")
            return nil
        }
        return Array(sequence)
    }

    /// A mapping of text to text (`map:`, `substitutions:`), in file order.
    mutating func textMapping(_ node: Node, _ what: String) -> [(key: String, value: String, node: Node)]? {
        guard let mapping = node.mapping else {
            error(.wrongType, at: node, "\(what) must be a mapping of `from: to` pairs, got \(describe(node))")
            return nil
        }
        var pairs: [(key: String, value: String, node: Node)] = []
        for (keyNode, valueNode) in mapping {
            guard let key = text(keyNode, "a key of \(what)"), let value = text(valueNode, "a value of \(what)") else {
                continue
            }
            pairs.append((key, value, keyNode))
        }
        return pairs
    }
}

/// A short rendering of a node for "got …" in messages.
func describe(_ node: Node) -> String {
    let text: String
    switch node {
    case .scalar(let scalar):
        if node.tag.rawValue == Tag.Name.null.rawValue { return "nothing" }
        text = scalar.style == .plain || scalar.style == .any ? scalar.string : "\"\(scalar.string)\""
    case .sequence(let sequence):
        text = "a list of \(sequence.count)"
    case .mapping(let mapping):
        text = "a mapping of \(mapping.count)"
    case .alias:
        text = "an alias"
    }
    return text.count > 60 ? String(text.prefix(57)) + "…" : text
}
