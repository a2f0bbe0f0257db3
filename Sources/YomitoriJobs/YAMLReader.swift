import Foundation
import Yams

/// Reads typed values out of a Yams node tree and records a ``JobDiagnostic``, with the node's
/// line and column, for every value that is not what the format expects.
///
/// Every reader returns nil after reporting, so callers skip dependent checks instead of piling a
/// second message onto the same mistake.
struct YAMLReader {
    let file: String
    private(set) var diagnostics: [JobDiagnostic] = []

    init(file: String) {
        self.file = file
    }

    // MARK: - Reporting

    mutating func error(_ code: JobDiagnostic.Code, at node: Node?, _ message: String) {
        report(.error, code, at: node, message)
    }

    mutating func warning(_ code: JobDiagnostic.Code, at node: Node?, _ message: String) {
        report(.warning, code, at: node, message)
    }

    mutating func report(_ severity: JobDiagnostic.Severity, _ code: JobDiagnostic.Code, at node: Node?, _ message: String) {
        diagnostics.append(JobDiagnostic(
            severity: severity, code: code, file: file, line: node?.mark?.line, column: node?.mark?.column,
            message: message
        ))
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    // MARK: - Mappings

    /// The values of a mapping node by key, after checking the keys against `table`.
    mutating func mapping(_ node: Node, _ table: KeyTable, subject: String) -> Keyed? {
        guard let mapping = node.mapping else {
            error(.notAMapping, at: node, "\(subject) must be a mapping of `key: value` lines, got \(describe(node))")
            return nil
        }
        var keyed = Keyed(node: node)
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                error(.wrongType, at: keyNode, "\(subject): keys must be plain words, got \(describe(keyNode))")
                continue
            }
            guard table.keys.contains(key) else {
                error(.unknownKey, at: keyNode, unknownKeyMessage(key, table, subject: subject))
                continue
            }
            keyed.values[key] = value
            keyed.keyNodes[key] = keyNode
            keyed.order.append(key)
        }
        for key in table.keys where table.required.contains(key) && keyed.values[key] == nil {
            error(.missingKey, at: node, "\(subject) is missing required key '\(key)'")
        }
        return keyed
    }

    private func unknownKeyMessage(_ key: String, _ table: KeyTable, subject: String) -> String {
        var message = "unknown key '\(key)' in \(subject)"
        if let suggestion = table.suggestion(for: key) {
            message += "; did you mean '\(suggestion)'?"
        } else if let section = table.otherSection(having: key) {
            message += "; '\(key)' belongs in a \(section) mapping"
        } else {
            message += "; expected one of: " + table.keys.joined(separator: ", ")
        }
        return message
    }

    // MARK: - Scalars

    /// Any non-null scalar, as written.
    mutating func text(_ node: Node, _ what: String) -> String? {
        guard let scalar = node.scalar, node.tagName != .null else {
            error(.wrongType, at: node, "\(what) must be text, got \(describe(node))")
            return nil
        }
        return scalar.string
    }

    /// Non-empty text.
    mutating func nonEmptyText(_ node: Node, _ what: String) -> String? {
        guard let text = text(node, what) else { return nil }
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            error(.invalidValue, at: node, "\(what) must not be empty")
            return nil
        }
        return text
    }

    /// A finite number (integer or decimal).
    mutating func number(_ node: Node, _ what: String) -> Double? {
        if let scalar = node.scalar, node.tagName == .int || node.tagName == .float,
           let value = Double(scalar.string.filter { $0 != "_" }), value.isFinite {
            return value
        }
        error(.wrongType, at: node, "\(what) must be a number, got \(describe(node))")
        return nil
    }

    /// A whole number.
    mutating func integer(_ node: Node, _ what: String) -> Int? {
        if let scalar = node.scalar, node.tagName == .int, let value = Int(scalar.string) { return value }
        error(.wrongType, at: node, "\(what) must be a whole number, got \(describe(node))")
        return nil
    }

    /// `true` or `false`.
    mutating func bool(_ node: Node, _ what: String) -> Bool? {
        if node.tagName == .bool, let value = node.bool { return value }
        error(.wrongType, at: node, "\(what) must be true or false, got \(describe(node))")
        return nil
    }

    /// The items of a sequence node.
    mutating func list(_ node: Node, _ what: String, expected: String) -> [Node]? {
        guard let sequence = node.sequence else {
            error(.wrongType, at: node, "\(what) must be \(expected), got \(describe(node))")
            return nil
        }
        return Array(sequence)
    }

    /// A list of texts; a single text is accepted as a list of one.
    mutating func texts(_ node: Node, _ what: String) -> [(String, Node)]? {
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
}

/// The keys found in one mapping, by name, in file order.
struct Keyed {
    let node: Node
    var values: [String: Node] = [:]
    var keyNodes: [String: Node] = [:]
    var order: [String] = []

    subscript(key: String) -> Node? { values[key] }
}

/// A short rendering of a node for "got …" in messages.
func describe(_ node: Node) -> String {
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
    var tagName: Tag.Name { Tag.Name(rawValue: tag.rawValue) }
}
