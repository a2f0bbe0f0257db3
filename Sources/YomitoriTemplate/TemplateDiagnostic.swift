public import YomitoriYAML

/// One problem found in a template file, with where it is:
/// `samples/templates/a_juminhyo.yaml:12:13: error: zone must be [x, y, width, height] in mm, got [1, 2, 3]`.
/// A warning is advice (two zones overlap, a comb box sticks out of its zone); the template still loads.
public typealias TemplateDiagnostic = YAMLDiagnostic

/// The template format's own diagnostic codes (the shared ones are in ``YAMLDiagnostic/Code``).
extension YAMLDiagnostic.Code {
    /// A width or height that is zero or negative.
    public static let nonPositiveSize = Self(rawValue: "non-positive-size")
    /// A zone, box or mark that is not entirely on the page.
    public static let offPage = Self(rawValue: "off-page")
    /// Two fields with the same name.
    public static let duplicateFieldName = Self(rawValue: "duplicate-field-name")
    /// A key that is valid elsewhere but means nothing for this field type.
    public static let notApplicable = Self(rawValue: "not-applicable")
    /// A `type:` that is not one of the field types.
    public static let unknownFieldType = Self(rawValue: "unknown-field-type")
    /// A `comb` field with neither `boxes` nor `count`.
    public static let combWithoutBoxes = Self(rawValue: "comb-without-boxes")
    /// A box (comb box or checkbox option) that is not inside its field's zone.
    public static let boxOutsideZone = Self(rawValue: "box-outside-zone")
    /// A `checkbox` or `choice` field without its boxes, or a choice with fewer than two.
    public static let missingOptions = Self(rawValue: "missing-options")
    /// `min_checked` / `max_checked` that cannot be satisfied.
    public static let checkedCountRange = Self(rawValue: "checked-count-range")
    /// `psm` outside Tesseract's 0–13.
    public static let psmOutOfRange = Self(rawValue: "psm-out-of-range")
    /// A `lang` that is not Tesseract language tokens joined by `+`.
    public static let invalidLanguage = Self(rawValue: "invalid-language")
    /// A `reference_image` that does not exist.
    public static let missingReferenceImage = Self(rawValue: "missing-reference-image")
    /// Two fields' zones cover mostly the same area.
    public static let overlappingZones = Self(rawValue: "overlapping-zones")
    /// A page with neither registration marks nor a reference image.
    public static let noRegistration = Self(rawValue: "no-registration")
    /// A `check:` rule naming a check that does not exist.
    public static let unknownCheck = Self(rawValue: "unknown-check")
    /// A `normalize:` step that does not exist.
    public static let unknownNormalizer = Self(rawValue: "unknown-normalizer")
    /// A `regex:` rule whose pattern does not compile.
    public static let invalidPattern = Self(rawValue: "invalid-pattern")
    /// A rule item with no rule key, or with two or more (each rule is its own list item).
    public static let ruleKeyCount = Self(rawValue: "rule-key-count")
    /// A rule (or `age_on`) naming a field that is not on the same page.
    public static let unknownFieldReference = Self(rawValue: "unknown-field-reference")
    /// A rule naming a field of the wrong type (`date_order` on a text field, `age_on` on a non-date field).
    public static let referenceTypeMismatch = Self(rawValue: "reference-type-mismatch")
    /// A lower bound greater than its upper bound (`min` > `max`, `min_age` > `max_age` …).
    public static let invalidBounds = Self(rawValue: "invalid-bounds")
    /// A key that has no effect where it is (`age_on` without `min_age` or `max_age`).
    public static let ineffectiveKey = Self(rawValue: "ineffective-key")
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
        public static let unreadableFile = Self(rawValue: "unreadable-file")
        /// The file is not valid YAML.
        public static let malformedYAML = Self(rawValue: "malformed-yaml")
        /// The YAML parsed but does not describe a valid template.
        public static let invalidTemplate = Self(rawValue: "invalid-template")
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
    public var description: String { YAMLDiagnostic.summary(diagnostics, fileKind: "template") }
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
