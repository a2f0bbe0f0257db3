import YomitoriYAML
import Yams

/// A field's validation keys: `normalize`, `threshold` and `rules`.
extension TemplateParser {
    // MARK: - Applicability

    /// Types whose value is text a rule can look at (not ticks, not dates: a date has its `date:` rule).
    static let textualTypes: Set<FieldType> = [.text, .katakana, .digits, .number, .phone, .email, .comb]

    /// The field types each rule key can check.
    static let ruleTypes: [String: Set<FieldType>] = [
        "regex": textualTypes,
        "length": textualTypes,
        "one_of": textualTypes,
        "range": [.digits, .number, .comb],
        "date": [.date],
    ]

    /// The field types each named check can apply to.
    static func checkTypes(_ check: FieldCheck) -> Set<FieldType> {
        switch check {
        case .myNumber, .corporateNumber, .localGovernmentCode, .postalCode, .digits: [.text, .digits, .number, .comb]
        case .phone: [.text, .phone, .digits, .comb]
        case .email: [.text, .email]
        case .katakana: [.text, .katakana, .comb]
        }
    }

    // MARK: - Keys

    /// `normalize`, `threshold` and `rules`; `type` is nil when the field's type has an error
    /// (rules are then parsed without checking whether they apply).
    mutating func parseValidationKeys(
        _ keyed: Keyed, into spec: inout FieldSpec, type: FieldType?, subject: String, pageIndex: Int
    ) {
        if let node = keyed["normalize"] { spec.normalize = parseNormalizers(node, subject: subject) }
        if let node = keyed["threshold"],
           let threshold = reader.number(node, "\(subject): threshold", expected: "a confidence between 0 and 1") {
            if (0...1).contains(threshold) {
                spec.threshold = threshold
            } else {
                reader.error(.invalidValue, at: node,
                             "\(subject): threshold must be a confidence between 0 and 1, got \(format(threshold))")
            }
        }
        guard let node = keyed["rules"],
              let items = reader.list(node, "\(subject): rules", expected: "a list of rules (- check: …)")
        else { return }
        for (offset, item) in items.enumerated() {
            let context = RuleContext(subject: "\(subject) rule \(offset + 1)", field: spec.name, type: type,
                                      pageIndex: pageIndex)
            if let rule = parseFieldRule(item, context) { spec.rules.append(rule) }
        }
    }

    private mutating func parseNormalizers(_ node: Node, subject: String) -> [Normalizer] {
        guard let items = reader.list(node, "\(subject): normalize",
                                      expected: "a list of steps, e.g. [nfkc, collapse_spaces]")
        else { return [] }
        let names = Normalizer.allCases.map(\.rawValue)
        return items.compactMap { item in
            guard let name = reader.text(item, "\(subject): normalize step") else { return nil }
            if let step = Normalizer(rawValue: name) { return step }
            var message = "\(subject): unknown normalize step '\(name)'"
            if let suggestion = closestWord(to: name, in: names) { message += "; did you mean '\(suggestion)'?" }
            message += " (steps: " + names.joined(separator: ", ") + ")"
            reader.error(.unknownNormalizer, at: item, message)
            return nil
        }
    }

    // MARK: - Field rules

    /// Who a rule belongs to, for messages and for the type checks.
    struct RuleContext {
        /// `field 'a' rule 2`.
        let subject: String
        let field: String
        let type: FieldType?
        let pageIndex: Int
    }

    private mutating func parseFieldRule(_ node: Node, _ context: RuleContext) -> FieldRule? {
        guard let (key, valueNode, modifiers) = ruleItem(node, TemplateKeys.fieldRule, subject: context.subject)
        else { return nil }
        let subject = "\(context.subject) (\(key))"
        if let type = context.type, let types = Self.ruleTypes[key], !types.contains(type) {
            reportNotApplicable("rule '\(key)'", to: type, only: types, subject: context.subject,
                                at: modifiers.keyNode)
            return nil
        }
        let kind: FieldRule.Kind?
        switch key {
        case "check": kind = parseCheck(valueNode, context: context, keyNode: modifiers.keyNode).map { .check($0) }
        case "regex": kind = parseRegex(valueNode, subject: subject).map { .regex($0) }
        case "length": kind = parseLength(valueNode, subject: subject)
        case "range": kind = parseRange(valueNode, subject: subject)
        case "one_of": kind = parseWordList(valueNode, subject: subject).map { .oneOf($0) }
        default: kind = parseDateRule(valueNode, subject: subject, context: context).map { .date($0) }
        }
        guard let kind, modifiers.isValid else { return nil }
        return FieldRule(kind, soft: modifiers.soft, message: modifiers.message, sourceLine: node.mark?.line)
    }

    private mutating func parseCheck(_ node: Node, context: RuleContext, keyNode: Node?) -> FieldCheck? {
        guard let name = reader.text(node, "\(context.subject): check") else { return nil }
        guard let check = FieldCheck(rawValue: name) else {
            let names = FieldCheck.allCases.map(\.rawValue)
            var message = "\(context.subject): unknown check '\(name)'"
            if let suggestion = closestWord(to: name, in: names) { message += "; did you mean '\(suggestion)'?" }
            message += " (checks: " + names.joined(separator: ", ") + ")"
            reader.error(.unknownCheck, at: node, message)
            return nil
        }
        let types = Self.checkTypes(check)
        if let type = context.type, !types.contains(type) {
            reportNotApplicable("check '\(name)'", to: type, only: types, subject: context.subject, at: node)
            return nil
        }
        return check
    }

    private mutating func parseRegex(_ node: Node, subject: String) -> String? {
        guard let pattern = reader.text(node, "\(subject): pattern") else { return nil }
        do {
            _ = try Regex(pattern)
            return pattern
        } catch {
            reader.error(.invalidPattern, at: node, "\(subject): '\(pattern)' is not a valid regular expression: \(error)")
            return nil
        }
    }

    /// `length: 7` (exactly) or `length: {min: 1, max: 30}`, in characters.
    private mutating func parseLength(_ node: Node, subject: String) -> FieldRule.Kind? {
        if node.mapping == nil {
            guard let length = reader.integer(node, "\(subject): length") else { return nil }
            guard length >= 1 else {
                reader.error(.invalidValue, at: node, "\(subject): length must be at least 1, got \(length)")
                return nil
            }
            return .length(min: length, max: length)
        }
        guard let keyed = reader.mapping(node, TemplateKeys.lengthBounds, subject: subject) else { return nil }
        var bounds: [String: Int] = [:]
        for name in ["min", "max"] {
            guard let boundNode = keyed[name], let value = reader.integer(boundNode, "\(subject): \(name)") else { continue }
            if value < 0 {
                reader.error(.invalidValue, at: boundNode, "\(subject): \(name) must be 0 or more, got \(value)")
                return nil
            }
            bounds[name] = value
        }
        guard checkBounds(keyed, bounds["min"].map(Double.init), bounds["max"].map(Double.init), subject: subject)
        else { return nil }
        return .length(min: bounds["min"], max: bounds["max"])
    }

    /// `range: {min: 1, max: 20}`: the value read as a number.
    private mutating func parseRange(_ node: Node, subject: String) -> FieldRule.Kind? {
        guard let keyed = reader.mapping(node, TemplateKeys.rangeBounds, subject: subject) else { return nil }
        let minimum = keyed["min"].flatMap { reader.number($0, "\(subject): min") }
        let maximum = keyed["max"].flatMap { reader.number($0, "\(subject): max") }
        if (keyed["min"] != nil && minimum == nil) || (keyed["max"] != nil && maximum == nil) { return nil }
        guard checkBounds(keyed, minimum, maximum, subject: subject) else { return nil }
        return .range(min: minimum, max: maximum)
    }

    /// At least one bound, and min ≤ max.
    private mutating func checkBounds(_ keyed: Keyed, _ minimum: Double?, _ maximum: Double?, subject: String) -> Bool {
        if keyed["min"] == nil, keyed["max"] == nil {
            reader.error(.missingKey, at: keyed.node, "\(subject) needs min, max or both")
            return false
        }
        if let minimum, let maximum, minimum > maximum {
            reader.error(.invalidBounds, at: keyed.keyNodes["min"],
                         "\(subject): min (\(format(minimum))) is greater than max (\(format(maximum)))")
            return false
        }
        return true
    }

    /// A non-empty list of words (`one_of: [普通, 当座]`).
    private mutating func parseWordList(_ node: Node, subject: String) -> [String]? {
        guard let items = reader.list(node, subject, expected: "a list of allowed values, e.g. [普通, 当座]") else { return nil }
        guard !items.isEmpty else {
            reader.error(.invalidValue, at: node, "\(subject): the list of allowed values is empty")
            return nil
        }
        let words = items.compactMap { reader.text($0, "\(subject): value") }
        return words.count == items.count ? words : nil
    }

    // MARK: - Rule items

    /// `soft:` and `message:` of a rule item, and the node of its rule key.
    struct RuleModifiers {
        var soft = false
        var message: String?
        var keyNode: Node?
        var isValid = true
    }

    /// The one rule key of a rule item with its value, and the item's modifiers.
    ///
    /// Reports an item that is not a mapping, unknown keys, and an item with no rule key or several.
    mutating func ruleItem(_ node: Node, _ table: KeyTable, subject: String) -> (String, Node, RuleModifiers)? {
        let errorsBefore = reader.diagnostics.count
        guard let keyed = reader.mapping(node, table, subject: subject) else { return nil }
        let written = node.mapping.map { $0.map(\.key) } ?? []
        let ruleKeys = written.compactMap(\.scalar?.string)
            .filter { keyed[$0] != nil && !TemplateKeys.ruleModifiers.contains($0) }
        let names = table.keys.map(\.name).filter { !TemplateKeys.ruleModifiers.contains($0) }
        guard let key = ruleKeys.first, let value = keyed[key] else {
            if reader.diagnostics.count == errorsBefore {
                reader.error(.ruleKeyCount, at: node,
                             "\(subject) has no rule; give one of: " + names.joined(separator: ", "))
            }
            return nil
        }
        if ruleKeys.count > 1 {
            reader.error(.ruleKeyCount, at: keyed.keyNodes[ruleKeys[1]],
                         "\(subject) has several rules (" + ruleKeys.joined(separator: ", ")
                             + "); write each rule as its own list item")
            return nil
        }
        var modifiers = RuleModifiers(keyNode: keyed.keyNodes[key])
        if let softNode = keyed["soft"] {
            if let soft = reader.bool(softNode, "\(subject): soft") { modifiers.soft = soft } else { modifiers.isValid = false }
        }
        if let messageNode = keyed["message"] {
            if let message = reader.text(messageNode, "\(subject): message"), !message.isEmpty {
                modifiers.message = message
            } else {
                if messageNode.scalar?.string.isEmpty == true {
                    reader.error(.invalidValue, at: messageNode, "\(subject): message must not be empty")
                }
                modifiers.isValid = false
            }
        }
        return (key, value, modifiers)
    }

    /// `field 'a' rule 1: rule 'date' does not apply to a checkbox field (only to date)`.
    mutating func reportNotApplicable(
        _ what: String, to type: FieldType, only types: Set<FieldType>, subject: String, at node: Node?
    ) {
        let owners = FieldType.allCases.filter(types.contains).map(\.rawValue).joined(separator: ", ")
        reader.error(.notApplicable, at: node,
                     "\(subject): \(what) does not apply to a \(type.rawValue) field (only to \(owners))")
    }
}
