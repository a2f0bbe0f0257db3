/// How sure a reading must be to be accepted without a person: the default confidence threshold
/// of each field type, overridable per field with `threshold:` in the template.
///
/// The defaults are starting values, to be calibrated on real scans (a later `calibrate` command):
/// a field read with confidence below its threshold goes to review (`low_confidence`).
public struct DecisionPolicy: Sendable {
    /// Threshold by `FieldType` raw value (`text`, `date`, `comb` …).
    public var thresholds: [String: Double]
    /// Threshold of a type missing from ``thresholds``.
    public var fallbackThreshold: Double
    /// Below this match score (``RegistrationSummary/matchScore``: the share of the blank form's
    /// printed rules found on the page) a page is not taken for its template's form with
    /// certainty, and every field goes to review (`weak_form_match`).
    ///
    /// With several templates such a page is another form (`unknown_form`) and is never
    /// validated; the one template of a job is taken whatever the score, so this keeps a page of
    /// another form read with it out of the import file.
    public var minimumMatchScore: Double = Self.defaultMinimumMatchScore

    /// The lowest match score that takes a page for a template's form: also what the reader's
    /// template chooser needs before it takes a form among several.
    public static let defaultMinimumMatchScore = 0.5

    /// text, katakana, digits, number, phone, email 0.80; date and comb 0.75; checkbox and choice 0.60.
    public static let defaultThresholds: [String: Double] = [
        "text": 0.80, "katakana": 0.80,
        "digits": 0.80, "number": 0.80, "phone": 0.80, "email": 0.80,
        "date": 0.75, "comb": 0.75,
        "checkbox": 0.60, "choice": 0.60,
    ]

    /// The default thresholds.
    public init() {
        thresholds = Self.defaultThresholds
        fallbackThreshold = 0.80
    }

    /// The threshold of a field type (``FieldRead/type``) when the field does not set its own.
    public func threshold(for type: String) -> Double {
        thresholds[type] ?? fallbackThreshold
    }
}
