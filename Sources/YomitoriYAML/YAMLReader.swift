public import Yams

/// Reads typed values out of a Yams node tree and records a ``YAMLDiagnostic``, with the node's
/// line and column, for every value that is not what the format expects.
///
/// Every reader returns nil after reporting, so callers skip dependent checks instead of piling a
/// second message onto the same mistake. Formats add their own readers (a template's `[x, y, w, h]`
/// rectangles, a mapping's padding character) in extensions.
public struct YAMLReader: Sendable {
    /// The file as it was given, for messages.
    public let file: String
    /// Every mapping of the format, for "belongs in" hints on unknown keys.
    public let keyTables: [YAMLKeyTable]
    public private(set) var diagnostics: [YAMLDiagnostic] = []

    public init(file: String, keyTables: [YAMLKeyTable]) {
        self.file = file
        self.keyTables = keyTables
    }

    // MARK: - Reporting

    public mutating func error(_ code: YAMLDiagnostic.Code, at node: Node?, _ message: String) {
        report(.error, code, at: node, message)
    }

    public mutating func warning(_ code: YAMLDiagnostic.Code, at node: Node?, _ message: String) {
        report(.warning, code, at: node, message)
    }

    public mutating func report(
        _ severity: YAMLDiagnostic.Severity, _ code: YAMLDiagnostic.Code, at node: Node?, _ message: String
    ) {
        report(severity, code, line: node?.mark?.line, column: node?.mark?.column, message)
    }

    public mutating func report(
        _ severity: YAMLDiagnostic.Severity, _ code: YAMLDiagnostic.Code, line: Int?, column: Int?, _ message: String
    ) {
        diagnostics.append(YAMLDiagnostic(
            severity: severity, code: code, file: file, line: line, column: column, message: message
        ))
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    // MARK: - Mappings

    /// The values of a mapping node by key, after checking the keys against `table`.
    ///
    /// Reports a node that is not a mapping, every unknown key (with the nearest known key or the
    /// mapping it belongs in) and every missing required key — except when the mapping has an
    /// unknown key, which is most likely the required one misspelt and is reported once.
    /// `subject` names the mapping in messages, e.g. `field 'name'`.
    public mutating func mapping(_ node: Node, _ table: YAMLKeyTable, subject: String) -> YAMLKeyed? {
        guard let mapping = node.mapping else {
            error(.notAMapping, at: node, "\(subject) must be a mapping of `key: value` lines, got \(describe(node))")
            return nil
        }
        var keyed = YAMLKeyed(node: node)
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                error(.wrongType, at: keyNode, "\(subject): keys must be plain words, got \(describe(keyNode))")
                continue
            }
            guard table.keys.contains(key) else {
                error(.unknownKey, at: keyNode, table.unknownKeyMessage(key, subject: subject, siblings: keyTables))
                keyed.unknownKeys.append(key)
                continue
            }
            keyed.values[key] = value
            keyed.keyNodes[key] = keyNode
            keyed.order.append(key)
        }
        for key in table.keys where table.required.contains(key) && keyed.values[key] == nil {
            guard !keyed.unknownKeys.contains(where: { closestWord(to: $0, in: [key]) != nil }) else { continue }
            error(.missingKey, at: node, "\(subject) is missing required key '\(key)'")
        }
        return keyed
    }

    // MARK: - Scalars

    /// Any non-null scalar, as written (so `whitelist: 0123` keeps its leading zero).
    public mutating func text(_ node: Node, _ what: String) -> String? {
        guard let scalar = node.scalar, node.tagName != .null else {
            error(.wrongType, at: node, "\(what) must be text, got \(describe(node))")
            return nil
        }
        return scalar.string
    }

    /// Text that is not empty or only spaces.
    public mutating func nonEmptyText(_ node: Node, _ what: String) -> String? {
        guard let text = text(node, what) else { return nil }
        guard text.contains(where: { !$0.isWhitespace }) else {
            error(.invalidValue, at: node, "\(what) must not be empty")
            return nil
        }
        return text
    }

    /// A single character (a padding character, a substitution key).
    public mutating func character(_ node: Node, _ what: String) -> Character? {
        guard let text = text(node, what) else { return nil }
        guard text.count == 1, let character = text.first else {
            error(.invalidValue, at: node, "\(what) must be exactly one character, got \(describe(node))")
            return nil
        }
        return character
    }

    /// A finite number (integer or decimal).
    public mutating func number(_ node: Node, _ what: String, expected: String = "a number") -> Double? {
        if let value = node.plainNumber { return value }
        error(.wrongType, at: node, "\(what) must be \(expected), got \(describe(node))")
        return nil
    }

    /// A whole number, at least `minimum` when one is given.
    public mutating func integer(_ node: Node, _ what: String, minimum: Int? = nil) -> Int? {
        guard let scalar = node.scalar, node.tagName == .int, let value = Int(scalar.string) else {
            error(.wrongType, at: node, "\(what) must be a whole number, got \(describe(node))")
            return nil
        }
        if let minimum, value < minimum {
            error(.invalidValue, at: node, "\(what) must be at least \(minimum), got \(value)")
            return nil
        }
        return value
    }

    /// `true` or `false`.
    public mutating func bool(_ node: Node, _ what: String) -> Bool? {
        if node.tagName == .bool, let value = node.bool { return value }
        error(.wrongType, at: node, "\(what) must be true or false, got \(describe(node))")
        return nil
    }

    /// One of the raw values of `E`, with a suggestion for a misspelt one.
    public mutating func choice<E: RawRepresentable & CaseIterable>(
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
    public mutating func list(_ node: Node, _ what: String, expected: String = "a list") -> [Node]? {
        guard let sequence = node.sequence else {
            error(.wrongType, at: node, "\(what) must be \(expected), got \(describe(node))")
            return nil
        }
        return Array(sequence)
    }

    /// A list of texts; a single text is accepted as a list of one.
    public mutating func texts(_ node: Node, _ what: String) -> [(String, Node)]? {
        if node.scalar != nil, node.tagName != .null {
            return text(node, what).map { [($0, node)] }
        }
        guard let items = list(node, what, expected: "a list of texts") else { return nil }
        var result: [(String, Node)] = []
        for item in items {
            guard let value = text(item, "each item of \(what)") else { return nil }
            result.append((value, item))
        }
        return result
    }

    /// A mapping of text to text (`map:`, `substitutions:`), in file order.
    public mutating func textMapping(_ node: Node, _ what: String) -> [(key: String, value: String, node: Node)]? {
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

/// The keys found in one mapping, by name, in file order.
public struct YAMLKeyed {
    public let node: Node
    public var values: [String: Node] = [:]
    public var keyNodes: [String: Node] = [:]
    /// Known keys in file order.
    public var order: [String] = []
    /// Keys the table does not know (already reported).
    public var unknownKeys: [String] = []

    public init(node: Node) {
        self.node = node
    }

    public subscript(key: String) -> Node? { values[key] }

    /// True when a key was not known (and has been reported), so dependent checks can stay quiet.
    public var hasUnknownKeys: Bool { !unknownKeys.isEmpty }
}

/// A short rendering of a node for "got …" in messages.
public func describe(_ node: Node) -> String {
    let text = render(node)
    return text.count > 60 ? String(text.prefix(57)) + "…" : text
}

private func render(_ node: Node) -> String {
    switch node {
    case .scalar(let scalar):
        if node.tagName == .null { return "nothing" }
        return scalar.style == .plain || scalar.style == .any ? scalar.string : "\"\(scalar.string)\""
    case .sequence(let sequence):
        return "[" + sequence.map(render).joined(separator: ", ") + "]"
    case .mapping(let mapping):
        return "{" + mapping.map { "\(render($0.key)): \(render($0.value))" }.joined(separator: ", ") + "}"
    case .alias:
        return "an alias"
    }
}

extension Node {
    /// The resolved YAML tag (`int`, `float`, `bool`, `null`, `str` …) of the node.
    public var tagName: Tag.Name { Tag.Name(rawValue: tag.rawValue) }

    /// A finite number from a plain (unquoted) int or float scalar.
    public var plainNumber: Double? {
        guard let scalar, tagName == .int || tagName == .float else { return nil }
        guard let value = Double(scalar.string.filter { $0 != "_" }), value.isFinite else { return nil }
        return value
    }
}
