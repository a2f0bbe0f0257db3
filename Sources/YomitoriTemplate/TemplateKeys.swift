import YomitoriYAML

/// One key the template format accepts in one section.
struct TemplateKey: Sendable {
    let name: String
    let isRequired: Bool
    /// Field types the key means something for; nil means every type (and every non-field section).
    let types: Set<FieldType>?

    static func required(_ name: String, for types: Set<FieldType>? = nil) -> TemplateKey {
        TemplateKey(name: name, isRequired: true, types: types)
    }

    static func optional(_ name: String, for types: Set<FieldType>? = nil) -> TemplateKey {
        TemplateKey(name: name, isRequired: false, types: types)
    }
}

/// The keys of one YAML mapping in a template (the top level, a page, a field …).
struct KeyTable: Sendable {
    /// How the section is called in messages and in "belongs under" hints, e.g. `page`.
    let section: String
    /// For an unknown key that another section has, say where it belongs before guessing a typo
    /// (`date_order` in a field rule belongs in a page rule; it is not a misspelt `date`).
    var sectionHintFirst = false
    let keys: [TemplateKey]

    func key(_ name: String) -> TemplateKey? { keys.first { $0.name == name } }
}

/// Every key of the template format, section by section.
///
/// Adding a key is one line here plus the code that reads it; a key not listed is reported
/// as unknown (with a "did you mean" suggestion), so a typo never passes silently.
enum TemplateKeys {
    static let ocrTypes: Set<FieldType> = Set(FieldType.allCases.filter(\.usesOCR))
    static let tickTypes: Set<FieldType> = [.checkbox, .choice]

    static let template = KeyTable(section: "template", keys: [
        .required("template"),
        .optional("title"),
        .optional("page"),  // exactly one of page / pages
        .optional("pages"),
    ])

    static let page = KeyTable(section: "page", keys: [
        .required("size"),
        .optional("registration"),
        .optional("form_marker"),
        .required("fields"),
        .optional("rules"),
    ])

    static let size = KeyTable(section: "size", keys: [
        .required("width"),
        .required("height"),
    ])

    static let registration = KeyTable(section: "registration", keys: [
        .optional("marks"),
        .optional("reference_image"),
    ])

    static let formMarker = KeyTable(section: "form_marker", keys: [
        .required("text"),
        .required("zone"),
    ])

    static let field = KeyTable(section: "field", keys: [
        .required("name"),
        .optional("label"),
        .required("type"),
        .optional("zone"),  // required for OCR types, checked in the field parser
        .optional("lang", for: ocrTypes),
        .optional("whitelist", for: ocrTypes),
        .optional("psm", for: ocrTypes),
        .optional("padding"),
        .optional("required"),
        .optional("sensitive"),
        .optional("double_entry"),
        .optional("vocabulary", for: ocrTypes),
        .optional("kind", for: [.text, .katakana]),
        .optional("boxes", for: [.comb]),
        .optional("count", for: [.comb]),
        .optional("options", for: tickTypes),
        .optional("box", for: [.checkbox]),
        .optional("min_checked", for: [.checkbox]),
        .optional("max_checked", for: [.checkbox]),
        .optional("normalize", for: ocrTypes),
        .optional("threshold"),
        .optional("rules"),
    ])

    static let option = KeyTable(section: "option", keys: [
        .required("value"),
        .required("box"),
    ])

    /// Keys that add nothing but a modifier to a rule item (every other key of a rule item is the rule).
    static let ruleModifiers: Set<String> = ["soft", "message"]

    /// One item of a field's `rules:`: exactly one rule key, plus modifiers.
    static let fieldRule = KeyTable(section: "field rule", sectionHintFirst: true, keys: [
        .optional("check"),
        .optional("regex"),
        .optional("length"),
        .optional("range"),
        .optional("one_of"),
        .optional("date"),
        .optional("soft"),
        .optional("message"),
    ])

    /// One item of a page's `rules:`: exactly one rule key, plus modifiers.
    static let pageRule = KeyTable(section: "page rule", sectionHintFirst: true, keys: [
        .optional("date_order"),
        .optional("required_if"),
        .optional("at_least_one"),
        .optional("equal"),
        .optional("soft"),
        .optional("message"),
    ])

    static let lengthBounds = KeyTable(section: "length", keys: [
        .optional("min"),
        .optional("max"),
    ])

    static let rangeBounds = KeyTable(section: "range", keys: [
        .optional("min"),
        .optional("max"),
    ])

    static let dateRule = KeyTable(section: "date rule", keys: [
        .optional("not_future"),
        .optional("not_before"),
        .optional("not_after"),
        .optional("min_age"),
        .optional("max_age"),
        .optional("age_on"),
        .optional("mode"),
    ])

    static let requiredIf = KeyTable(section: "required_if", keys: [
        .required("field"),
        .required("when"),
        .optional("has"),
    ])

    static let all: [KeyTable] = [
        template, page, size, registration, formMarker, field, option,
        fieldRule, pageRule, lengthBounds, rangeBounds, dateRule, requiredIf,
    ]
}

// MARK: - Shared checking

extension KeyTable {
    /// The table as the shared YAML reader checks it (names, required keys, hint order).
    var yaml: YAMLKeyTable {
        YAMLKeyTable(
            section, keys.map(\.name), required: Set(keys.filter(\.isRequired).map(\.name)),
            sectionHintFirst: sectionHintFirst
        )
    }
}
