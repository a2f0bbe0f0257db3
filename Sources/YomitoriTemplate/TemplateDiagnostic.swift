/// One problem found in a template file, with where it is.
///
/// Printed like a compiler message so editors and terminals can jump to it:
/// `samples/templates/a_juminhyo.yaml:12:13: error: zone must be [x, y, width, height] in mm, got [1, 2, 3]`.
/// A warning is advice (two zones overlap, a comb box sticks out of its zone); the template still loads.
public struct TemplateDiagnostic: Sendable, Equatable, CustomStringConvertible {
    /// Whether the template can still be used.
    public enum Severity: String, Sendable {
        /// The template is rejected.
        case error
        /// The template loads, but something looks wrong.
        case warning
    }

    /// What kind of problem this is, for tools and tests that should not match on message text.
    ///
    /// A struct rather than an enum so new codes can be added without breaking `switch`es elsewhere.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The file is missing, a directory, or not UTF-8.
        public static let unreadableFile = Code(rawValue: "unreadable-file")
        /// The YAML itself does not parse (bad indentation, duplicate key, unclosed bracket …).
        public static let malformedYAML = Code(rawValue: "malformed-yaml")
        /// A mapping (`key: value` lines) was expected.
        public static let notAMapping = Code(rawValue: "not-a-mapping")
        /// A key the format does not know (often a typo).
        public static let unknownKey = Code(rawValue: "unknown-key")
        /// A key that must be present is not.
        public static let missingKey = Code(rawValue: "missing-key")
        /// A value of the wrong shape: text where a number belongs, three numbers for a zone …
        public static let wrongType = Code(rawValue: "wrong-type")
        /// A value of the right shape but not allowed (bad id, empty whitelist, unknown page size …).
        public static let invalidValue = Code(rawValue: "invalid-value")
        /// A width or height that is zero or negative.
        public static let nonPositiveSize = Code(rawValue: "non-positive-size")
        /// A zone, box or mark that is not entirely on the page.
        public static let offPage = Code(rawValue: "off-page")
        /// Two fields with the same name.
        public static let duplicateFieldName = Code(rawValue: "duplicate-field-name")
        /// A key that is valid elsewhere but means nothing for this field type.
        public static let notApplicable = Code(rawValue: "not-applicable")
        /// A `type:` that is not one of the field types.
        public static let unknownFieldType = Code(rawValue: "unknown-field-type")
        /// A `comb` field with neither `boxes` nor `count`.
        public static let combWithoutBoxes = Code(rawValue: "comb-without-boxes")
        /// A box (comb box or checkbox option) that is not inside its field's zone.
        public static let boxOutsideZone = Code(rawValue: "box-outside-zone")
        /// A `checkbox` or `choice` field without its boxes, or a choice with fewer than two.
        public static let missingOptions = Code(rawValue: "missing-options")
        /// `min_checked` / `max_checked` that cannot be satisfied.
        public static let checkedCountRange = Code(rawValue: "checked-count-range")
        /// `psm` outside Tesseract's 0–13.
        public static let psmOutOfRange = Code(rawValue: "psm-out-of-range")
        /// A `lang` that is not Tesseract language tokens joined by `+`.
        public static let invalidLanguage = Code(rawValue: "invalid-language")
        /// A `reference_image` that does not exist.
        public static let missingReferenceImage = Code(rawValue: "missing-reference-image")
        /// Two fields' zones cover mostly the same area.
        public static let overlappingZones = Code(rawValue: "overlapping-zones")
        /// A page with neither registration marks nor a reference image.
        public static let noRegistration = Code(rawValue: "no-registration")
        /// A `check:` rule naming a check that does not exist.
        public static let unknownCheck = Code(rawValue: "unknown-check")
        /// A `normalize:` step that does not exist.
        public static let unknownNormalizer = Code(rawValue: "unknown-normalizer")
        /// A `regex:` rule whose pattern does not compile.
        public static let invalidPattern = Code(rawValue: "invalid-pattern")
        /// A rule item with no rule key, or with two or more (each rule is its own list item).
        public static let ruleKeyCount = Code(rawValue: "rule-key-count")
        /// A rule (or `age_on`) naming a field that is not on the same page.
        public static let unknownFieldReference = Code(rawValue: "unknown-field-reference")
        /// A rule naming a field of the wrong type (`date_order` on a text field, `age_on` on a non-date field).
        public static let referenceTypeMismatch = Code(rawValue: "reference-type-mismatch")
        /// A lower bound greater than its upper bound (`min` > `max`, `min_age` > `max_age` …).
        public static let invalidBounds = Code(rawValue: "invalid-bounds")
        /// A key that has no effect where it is (`age_on` without `min_age` or `max_age`).
        public static let ineffectiveKey = Code(rawValue: "ineffective-key")
    }

    public var severity: Severity
    public var code: Code
    /// The template file as it was given (not made absolute).
    public var file: String
    /// 1-based line of the offending YAML node; nil for problems with the file as a whole.
    public var line: Int?
    /// 1-based column (in Unicode scalars) of the offending node.
    public var column: Int?
    /// What is wrong and what is expected instead.
    public var message: String

    public init(
        severity: Severity, code: Code, file: String, line: Int? = nil, column: Int? = nil, message: String
    ) {
        self.severity = severity
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: severity: message`, leaving out the parts that are unknown.
    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): \(severity.rawValue): \(message)"
    }
}

/// Thrown by ``TemplateLoader/load(path:)`` when a template has at least one error.
///
/// Lists every error found, not just the first, so an author can fix them in one pass.
/// Warnings are not included; ``TemplateLoader/check(path:)`` returns them.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
    /// Why loading failed, coarsely; the diagnostics say exactly.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The file could not be read.
        public static let unreadableFile = Code(rawValue: "unreadable-file")
        /// The file is not valid YAML.
        public static let malformedYAML = Code(rawValue: "malformed-yaml")
        /// The YAML parsed but does not describe a valid template.
        public static let invalidTemplate = Code(rawValue: "invalid-template")
    }

    /// The error diagnostics, in file order.
    public var diagnostics: [TemplateDiagnostic]

    public init(diagnostics: [TemplateDiagnostic]) {
        self.diagnostics = diagnostics
    }

    public var code: Code {
        if diagnostics.contains(where: { $0.code == .unreadableFile }) { return .unreadableFile }
        if diagnostics.contains(where: { $0.code == .malformedYAML }) { return .malformedYAML }
        return .invalidTemplate
    }

    /// One diagnostic per line, then a count: `… 2 errors in a_juminhyo.yaml`.
    public var description: String {
        let file = diagnostics.first?.file ?? "template"
        let count = diagnostics.count == 1 ? "1 error" : "\(diagnostics.count) errors"
        return (diagnostics.map(\.description) + ["\(count) in \(file)"]).joined(separator: "\n")
    }
}

/// The outcome of reading a template: the template if it has no errors, and every diagnostic.
public struct TemplateReport: Sendable {
    /// Nil when ``errors`` is not empty.
    public var template: Template?
    /// Errors and warnings, in file order.
    public var diagnostics: [TemplateDiagnostic]

    public init(template: Template?, diagnostics: [TemplateDiagnostic]) {
        self.template = template
        self.diagnostics = diagnostics
    }

    public var errors: [TemplateDiagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [TemplateDiagnostic] { diagnostics.filter { $0.severity == .warning } }
}
