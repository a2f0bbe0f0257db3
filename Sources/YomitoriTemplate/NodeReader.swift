import Yams

/// Reads typed values out of a Yams node tree and records a diagnostic, with the node's
/// line and column, for every value that is not what the format expects.
///
/// Every reader returns nil after reporting, so callers skip dependent checks instead of
/// piling a second message onto the same mistake.
struct NodeReader {
    let file: String
    private(set) var diagnostics: [TemplateDiagnostic] = []

    init(file: String) {
        self.file = file
    }

    // MARK: - Reporting

    mutating func error(_ code: TemplateDiagnostic.Code, at node: Node?, _ message: String) {
        report(.error, code, line: node?.mark?.line, column: node?.mark?.column, message)
    }

    mutating func warning(_ code: TemplateDiagnostic.Code, at node: Node?, _ message: String) {
        report(.warning, code, line: node?.mark?.line, column: node?.mark?.column, message)
    }

    mutating func report(
        _ severity: TemplateDiagnostic.Severity, _ code: TemplateDiagnostic.Code,
        line: Int?, column: Int?, _ message: String
    ) {
        diagnostics.append(TemplateDiagnostic(
            severity: severity, code: code, file: file, line: line, column: column, message: message
        ))
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    // MARK: - Mappings

    /// The keys of a mapping node, after checking them against `table`.
    ///
    /// Reports a node that is not a mapping, every unknown key (with a suggestion) and every
    /// missing required key. `subject` names the mapping in messages, e.g. `field 'name'`.
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
            guard table.key(key) != nil else {
                error(.unknownKey, at: keyNode, unknownKeyMessage(key, table, subject: subject))
                continue
            }
            keyed.values[key] = value
            keyed.keyNodes[key] = keyNode
        }
        for key in table.keys where key.isRequired && keyed.values[key.name] == nil {
            error(.missingKey, at: node, "\(subject) is missing required key '\(key.name)'")
        }
        return keyed
    }

    private func unknownKeyMessage(_ key: String, _ table: KeyTable, subject: String) -> String {
        var message = "unknown key '\(key)' in \(subject)"
        if table.sectionHintFirst, let section = table.otherSection(having: key) {
            message += "; '\(key)' belongs in a \(section) mapping"
        } else if let suggestion = table.suggestion(for: key) {
            message += "; did you mean '\(suggestion)'?"
        } else if let section = table.otherSection(having: key) {
            message += "; '\(key)' belongs in a \(section) mapping"
        } else {
            message += "; expected one of: " + table.keys.map(\.name).joined(separator: ", ")
        }
        return message
    }

    // MARK: - Scalars

    /// Any non-null scalar, as written (so `whitelist: 0123` keeps its leading zero).
    mutating func text(_ node: Node, _ what: String) -> String? {
        guard let scalar = node.scalar, node.tagName != .null else {
            error(.wrongType, at: node, "\(what) must be text, got \(describe(node))")
            return nil
        }
        return scalar.string
    }

    /// A finite number (integer or decimal).
    mutating func number(_ node: Node, _ what: String, expected: String = "a number") -> Double? {
        if let value = plainNumber(node) { return value }
        error(.wrongType, at: node, "\(what) must be \(expected), got \(describe(node))")
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

    // MARK: - Geometry

    /// `[x, y, width, height]` in millimetres, with a positive width and height.
    mutating func rect(_ node: Node, _ what: String) -> RectMM? {
        let values = node.sequence.map { $0.compactMap(plainNumber) } ?? []
        guard values.count == 4, node.sequence?.count == 4 else {
            error(.wrongType, at: node, "\(what) must be [x, y, width, height] in mm, got \(describe(node))")
            return nil
        }
        let rect = RectMM(x: values[0], y: values[1], width: values[2], height: values[3])
        guard rect.width > 0, rect.height > 0 else {
            let side = rect.width > 0 ? "height" : "width"
            let value = rect.width > 0 ? rect.height : rect.width
            error(.nonPositiveSize, at: node, "\(what) \(side) must be positive, got \(format(value)) mm")
            return nil
        }
        return rect
    }

    /// Reports a rectangle that is not entirely on the page.
    ///
    /// `what` names the rectangle (`zone of field 'name'`); the message gives the page size
    /// and the edge that is off, so the author knows which number to fix.
    mutating func checkOnPage(_ rect: RectMM, _ node: Node, _ what: String, page: PageSizeInfo) {
        let tolerance = 1e-6
        var problems: [String] = []
        if rect.x < -tolerance { problems.append("its left edge is at x = \(format(rect.x)) mm") }
        if rect.y < -tolerance { problems.append("its top edge is at y = \(format(rect.y)) mm") }
        if rect.x + rect.width > page.size.width + tolerance {
            problems.append("its right edge is at x = \(format(rect.x + rect.width)) mm")
        }
        if rect.y + rect.height > page.size.height + tolerance {
            problems.append("its bottom edge is at y = \(format(rect.y + rect.height)) mm")
        }
        guard !problems.isEmpty else { return }
        error(.offPage, at: node,
              "\(what) \(format(rect)) is off the page (\(page.name)): "
                  + problems.joined(separator: " and "))
    }
}

/// The page a rectangle must fit on, with how to name it in messages (`A4, 210 × 297 mm`).
struct PageSizeInfo {
    let size: SizeMM
    let name: String
}

/// The keys found in one mapping, by name.
struct Keyed {
    let node: Node
    var values: [String: Node] = [:]
    var keyNodes: [String: Node] = [:]

    subscript(key: String) -> Node? { values[key] }
}

// MARK: - Formatting

/// A number as a template author would write it: `54.6`, `210`, not `210.0`.
func format(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
}

/// A rectangle as it is written in a template: `[54.6, 42.6, 136.8, 11.8]`.
func format(_ rect: RectMM) -> String {
    "[" + [rect.x, rect.y, rect.width, rect.height].map(format).joined(separator: ", ") + "]"
}

/// A finite number from a plain (unquoted) int or float scalar.
private func plainNumber(_ node: Node) -> Double? {
    guard let scalar = node.scalar, node.tagName == .int || node.tagName == .float else { return nil }
    guard let value = Double(scalar.string.filter { $0 != "_" }), value.isFinite else {
        return nil
    }
    return value
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
