import YomitoriYAML
import Yams

/// A page's `rules:` (cross-field rules), and the check that every field a rule names exists.
extension TemplateParser {
    // MARK: - Page rules

    /// The items of a page's `rules:` list.
    mutating func parsePageRules(_ node: Node, pageIndex: Int) -> [CrossFieldRule] {
        guard let items = reader.list(node, "page rules", expected: "a list of rules (- date_order: […])") else {
            return []
        }
        return items.enumerated().compactMap { offset, item in
            parsePageRule(item, subject: "page rule \(offset + 1)", pageIndex: pageIndex)
        }
    }

    private mutating func parsePageRule(_ node: Node, subject: String, pageIndex: Int) -> CrossFieldRule? {
        guard let (key, valueNode, modifiers) = ruleItem(node, TemplateKeys.pageRule, subject: subject) else {
            return nil
        }
        let subject = "\(subject) (\(key))"
        let kind: CrossFieldRule.Kind?
        switch key {
        case "date_order":
            kind = fieldList(valueNode, subject: subject, pageIndex: pageIndex, types: [.date]).map { .dateOrder($0) }
        case "at_least_one":
            kind = fieldList(valueNode, subject: subject, pageIndex: pageIndex, types: nil).map { .atLeastOne($0) }
        case "equal":
            kind = fieldList(valueNode, subject: subject, pageIndex: pageIndex, types: nil).map { .equal($0) }
        default:
            kind = parseRequiredIf(valueNode, subject: subject, pageIndex: pageIndex)
        }
        guard let kind, modifiers.isValid else { return nil }
        return CrossFieldRule(kind, soft: modifiers.soft, message: modifiers.message, sourceLine: node.mark?.line)
    }

    /// Two or more distinct field names of this page.
    private mutating func fieldList(
        _ node: Node, subject: String, pageIndex: Int, types: Set<FieldType>?
    ) -> [String]? {
        guard let items = reader.list(node, subject, expected: "a list of field names, e.g. [birth_date, request_date]")
        else { return nil }
        guard items.count >= 2 else {
            reader.error(.invalidValue, at: node, "\(subject) needs at least 2 field names, got \(items.count)")
            return nil
        }
        var names: [String] = []
        var isValid = true
        for item in items {
            guard let name = reader.text(item, "\(subject): field name") else {
                isValid = false
                continue
            }
            if names.contains(name) {
                reader.error(.invalidValue, at: item, "\(subject) names field '\(name)' twice")
                isValid = false
                continue
            }
            names.append(name)
            fieldReferences.append(FieldReference(name: name, node: item, pageIndex: pageIndex, purpose: subject,
                                                  expectedTypes: types))
        }
        return isValid ? names : nil
    }

    /// `{field: other_reason, when: purpose, has: その他}` or `{field: …, when: …}`.
    private mutating func parseRequiredIf(_ node: Node, subject: String, pageIndex: Int) -> CrossFieldRule.Kind? {
        guard let keyed = reader.mapping(node, TemplateKeys.requiredIf, subject: subject) else { return nil }
        let field = keyed["field"].flatMap { reader.text($0, "\(subject): field") }
        let when = keyed["when"].flatMap { reader.text($0, "\(subject): when") }
        let has = keyed["has"].flatMap { reader.text($0, "\(subject): has") }
        guard let field, let when, let fieldNode = keyed["field"], let whenNode = keyed["when"] else { return nil }
        if keyed["has"] != nil, has == nil { return nil }
        guard field != when else {
            reader.error(.invalidValue, at: whenNode, "\(subject): field and when name the same field '\(field)'")
            return nil
        }
        fieldReferences.append(FieldReference(name: field, node: fieldNode, pageIndex: pageIndex, purpose: subject))
        var reference = FieldReference(name: when, node: whenNode, pageIndex: pageIndex, purpose: subject)
        if let has, let hasNode = keyed["has"] { reference.option = (has, hasNode) }
        fieldReferences.append(reference)
        return .requiredIf(field: field, when: when, has: has)
    }

    // MARK: - References

    /// Every field a rule names is on the rule's page and of a type the rule can use.
    mutating func checkFieldReferences() {
        for reference in fieldReferences {
            let samePage = parsedFields.filter { $0.pageIndex == reference.pageIndex }
            guard let target = samePage.first(where: { $0.spec.name == reference.name }) else {
                reportUnknownField(reference, candidates: samePage.map(\.spec.name))
                continue
            }
            let type = target.spec.type
            if let expected = reference.expectedTypes, !expected.contains(type) {
                let wanted = FieldType.allCases.filter(expected.contains).map(\.rawValue).joined(separator: " or ")
                reader.error(.referenceTypeMismatch, at: reference.node,
                             "\(reference.purpose): '\(reference.name)' is a \(type.rawValue) field; "
                                 + "expected a \(wanted) field")
            }
            if let option = reference.option { checkOption(option, of: target.spec, reference: reference) }
        }
    }

    private mutating func reportUnknownField(_ reference: FieldReference, candidates: [String]) {
        if let other = parsedFields.first(where: { $0.spec.name == reference.name }) {
            reader.error(.unknownFieldReference, at: reference.node,
                         "\(reference.purpose): field '\(reference.name)' is on page \(other.pageIndex + 1); "
                             + "rules can only name fields of their own page")
            return
        }
        var message = "\(reference.purpose): there is no field '\(reference.name)'"
        if let suggestion = closestWord(to: reference.name, in: candidates) {
            message += "; did you mean '\(suggestion)'?"
        } else if !candidates.isEmpty {
            message += " (fields: " + candidates.joined(separator: ", ") + ")"
        }
        reader.error(.unknownFieldReference, at: reference.node, message)
    }

    /// `has:` must be one of the options of a checkbox or choice, and makes no sense for a single box.
    private mutating func checkOption(_ option: (value: String, node: Node), of spec: FieldSpec, reference: FieldReference) {
        guard spec.type == .checkbox || spec.type == .choice else { return }
        if spec.isSingleCheckbox {
            reader.error(.notApplicable, at: option.node,
                         "\(reference.purpose): '\(spec.name)' is a single box; leave out has: "
                             + "(the rule then applies when the box is ticked)")
            return
        }
        let values = spec.options.map(\.value)
        guard !values.isEmpty, !values.contains(option.value) else { return }
        var message = "\(reference.purpose): '\(option.value)' is not an option of '\(spec.name)'"
        if let suggestion = closestWord(to: option.value, in: values) { message += "; did you mean '\(suggestion)'?" }
        message += " (options: " + values.joined(separator: ", ") + ")"
        reader.error(.invalidValue, at: option.node, message)
    }
}
