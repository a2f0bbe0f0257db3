import YomitoriYAML
import Yams

/// A field as far as it could be parsed, with the nodes the cross-field checks point at.
///
/// Kept even when the field has other errors, so a duplicate name or an overlap is still reported.
struct ParsedField {
    var spec: FieldSpec
    let nameNode: Node?
    /// The `zone:` node, or the field's own node when the zone was derived from its boxes;
    /// nil when the zone is unknown (missing or invalid), which skips the overlap check.
    let zoneNode: Node?
    let pageIndex: Int
}

extension TemplateParser {
    /// Field names that are sensitive unless the template says otherwise (個人番号, My Number).
    static let sensitiveFieldNames: Set<String> = ["my_number", "kojin_bango"]

    /// Spellings accepted for a type besides its own name (the shared field lists say `date-wareki`).
    static let typeAliases: [String: FieldType] = ["date-wareki": .date]

    // MARK: - Field

    /// One `- name: …` entry of `fields:`; `number` is its 1-based position, for messages.
    ///
    /// Returns nil when the field has an error; a field whose name could be read is recorded in
    /// ``parsedFields`` either way.
    mutating func parseField(_ node: Node, number: Int, page: PageSizeInfo?, pageIndex: Int) -> FieldSpec? {
        let peekedName = node.mapping?["name"]?.scalar?.string
        let subject = peekedName.map { "field '\($0)'" } ?? "field \(number)"
        let errorsBefore = reader.diagnostics.count
        guard let keyed = reader.mapping(node, TemplateKeys.field, subject: subject) else { return nil }

        let name = keyed["name"].flatMap { parseFieldName($0) }
        let type = keyed["type"].flatMap { parseFieldType($0, subject: subject) }
        if let type { checkApplicability(keyed, type: type, subject: subject) }

        var spec = FieldSpec(name: name ?? "", type: type ?? .text, zone: RectMM(x: 0, y: 0, width: 1, height: 1))
        spec.sourceLine = node.mark?.line
        spec.label = keyed["label"].flatMap { reader.text($0, "\(subject): label") } ?? ""
        let zone = keyed["zone"].flatMap { reader.rect($0, "\(subject): zone") }
        if let zone {
            spec.zone = zone
            if let page, let zoneNode = keyed["zone"] {
                reader.checkOnPage(zone, zoneNode, "zone of \(subject)", page: page)
            }
        } else if keyed["zone"] == nil, let type, type.usesOCR {
            reader.error(.missingKey, at: node,
                         "\(subject) is missing required key 'zone' ([x, y, width, height] in mm: "
                             + "the writing area inside the printed frame)")
        }
        parseReadingKeys(keyed, into: &spec, subject: subject)
        parseFlags(keyed, into: &spec, subject: subject)
        parseValidationKeys(keyed, into: &spec, type: type, subject: subject, pageIndex: pageIndex)

        switch type {
        case .comb?:
            parseComb(keyed, into: &spec, subject: subject, page: page, hasZone: zone != nil)
        case .checkbox?, .choice?:
            parseTickBoxes(keyed, into: &spec, subject: subject, page: page, zone: zone)
        default:
            break
        }
        if name != nil {
            let derivedZone = zone == nil && !spec.options.isEmpty
            parsedFields.append(ParsedField(spec: spec, nameNode: keyed["name"],
                                            zoneNode: zone != nil ? keyed["zone"] : derivedZone ? node : nil,
                                            pageIndex: pageIndex))
        }
        let isValid = name != nil && type != nil
            && reader.diagnostics[errorsBefore...].allSatisfy { $0.severity == .warning }
        return isValid ? spec : nil
    }

    private mutating func parseFieldName(_ node: Node) -> String? {
        guard let name = reader.text(node, "field name") else { return nil }
        let first = Set("abcdefghijklmnopqrstuvwxyz")
        let rest = first.union("0123456789_")
        guard let head = name.first, first.contains(head), name.allSatisfy(rest.contains) else {
            reader.error(.invalidValue, at: node,
                         "field name '\(name)' must start with a-z and use only a-z, 0-9 and _ (e.g. birth_date)")
            return nil
        }
        return name
    }

    private mutating func parseFieldType(_ node: Node, subject: String) -> FieldType? {
        guard let raw = reader.text(node, "\(subject): type") else { return nil }
        if let type = FieldType(rawValue: raw) ?? Self.typeAliases[raw] { return type }
        let names = FieldType.allCases.map(\.rawValue)
        var message = "\(subject): unknown type '\(raw)'; expected one of " + names.joined(separator: ", ")
        if let suggestion = closestWord(to: raw, in: names) { message += " (did you mean '\(suggestion)'?)" }
        reader.error(.unknownFieldType, at: node, message)
        return nil
    }

    /// Reports keys that exist but mean nothing for this field type (`boxes` on a text field).
    private mutating func checkApplicability(_ keyed: Keyed, type: FieldType, subject: String) {
        for key in TemplateKeys.field.keys where keyed[key.name] != nil {
            guard let types = key.types, !types.contains(type) else { continue }
            let message: String
            if !type.usesOCR, types == TemplateKeys.ocrTypes {
                message = "\(subject): '\(key.name)' does not apply to a \(type.rawValue) field "
                    + "(ticks are decided from pixels, not read by OCR)"
            } else {
                let owners = FieldType.allCases.filter(types.contains).map(\.rawValue).joined(separator: ", ")
                message = "\(subject): '\(key.name)' does not apply to a \(type.rawValue) field (only to \(owners))"
            }
            reader.error(.notApplicable, at: keyed.keyNodes[key.name], message)
        }
    }

    // MARK: - OCR settings

    /// `lang`, `whitelist`, `psm`, `padding`, `vocabulary`, with the type's defaults.
    private mutating func parseReadingKeys(_ keyed: Keyed, into spec: inout FieldSpec, subject: String) {
        spec.language = Self.defaultLanguage(for: spec.type)
        if let node = keyed["lang"], let lang = reader.text(node, "\(subject): lang") {
            if isValidLanguage(lang) {
                spec.language = lang
            } else {
                reader.error(.invalidLanguage, at: node,
                             "\(subject): lang '\(lang)' is not a Tesseract language; expected names like jpn, "
                                 + "eng, jpn_vert or script/Japanese, joined by + (e.g. jpn+eng)")
            }
        }
        if let node = keyed["whitelist"], let whitelist = reader.text(node, "\(subject): whitelist") {
            if whitelist.isEmpty {
                reader.error(.invalidValue, at: node,
                             "\(subject): whitelist is empty; leave it out to allow every character")
            }
            spec.whitelist = whitelist
        }
        if let node = keyed["psm"], let psm = reader.integer(node, "\(subject): psm") {
            if (0...13).contains(psm) {
                spec.psm = psm
            } else {
                reader.error(.psmOutOfRange, at: node,
                             "\(subject): psm must be a Tesseract page segmentation mode 0–13 "
                                 + "(7 = one line, 8 = one word, 10 = one character), got \(psm)")
            }
        }
        if let node = keyed["padding"], let padding = reader.number(node, "\(subject): padding", expected: "a number of mm") {
            spec.padding = padding
            if padding < 0, min(spec.zone.width, spec.zone.height) + 2 * padding <= 0, keyed["zone"] != nil {
                reader.error(.nonPositiveSize, at: node,
                             "\(subject): padding \(format(padding)) mm shrinks the zone "
                                 + "\(format(spec.zone)) to nothing")
            }
        }
        if let node = keyed["vocabulary"] { spec.vocabulary = parseVocabulary(node, subject: subject) }
        if let node = keyed["kind"], let raw = reader.text(node, "\(subject): kind") {
            if let kind = TextKind(rawValue: raw) {
                if spec.type == .katakana, kind != .name {
                    reader.error(.invalidValue, at: node, "\(subject): kind '\(raw)' is for text fields; a katakana field may only be kind: name")
                }
                spec.kind = kind
            } else {
                let names = TextKind.allCases.map(\.rawValue).joined(separator: ", ")
                reader.error(.invalidValue, at: node, "\(subject): unknown kind '\(raw)'; expected one of: \(names)")
            }
        }
    }

    /// Tesseract's language for a field type when the template does not say.
    static func defaultLanguage(for type: FieldType) -> String {
        switch type {
        case .digits, .number, .phone, .email, .comb: "eng"
        default: "jpn"
        }
    }

    /// `jpn`, `jpn_vert`, `script/Japanese`, joined by `+`.
    private func isValidLanguage(_ lang: String) -> Bool {
        let lower = Set("abcdefghijklmnopqrstuvwxyz_")
        let letters = lower.union("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return lang.split(separator: "+", omittingEmptySubsequences: false).allSatisfy { token in
            if token.hasPrefix("script/") {
                let name = token.dropFirst("script/".count)
                return !name.isEmpty && name.allSatisfy(letters.contains)
            }
            return !token.isEmpty && token.allSatisfy(lower.contains)
        }
    }

    /// A list of words, or the name of a built-in list (`prefectures`).
    private mutating func parseVocabulary(_ node: Node, subject: String) -> [String] {
        if node.sequence == nil, let name = node.scalar?.string, node.tagName != .null {
            if let words = BuiltInVocabulary.byName[name] { return words }
            let names = BuiltInVocabulary.byName.keys.sorted().joined(separator: ", ")
            reader.error(.invalidValue, at: node,
                         "\(subject): unknown vocabulary '\(name)'; give a list of words or one of: \(names)")
            return []
        }
        guard let items = reader.list(node, "\(subject): vocabulary", expected: "a list of words or 'prefectures'")
        else { return [] }
        if items.isEmpty {
            reader.error(.invalidValue, at: node, "\(subject): vocabulary is empty; leave it out to allow any value")
        }
        return items.compactMap { reader.text($0, "\(subject): vocabulary word") }
    }

    /// `required`, `sensitive` and `double_entry`.
    private mutating func parseFlags(_ keyed: Keyed, into spec: inout FieldSpec, subject: String) {
        spec.required = keyed["required"].flatMap { reader.bool($0, "\(subject): required") } ?? false
        spec.sensitive = keyed["sensitive"].flatMap { reader.bool($0, "\(subject): sensitive") }
            ?? Self.sensitiveFieldNames.contains(spec.name)
        spec.doubleEntry = keyed["double_entry"].flatMap { reader.bool($0, "\(subject): double_entry") } ?? false
    }
}
