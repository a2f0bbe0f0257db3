import YomitoriResults
import YomitoriTemplate
import YomitoriText

/// The decision about one field read, built in two passes by ``Validator``.
///
/// The first pass (``init(read:spec:policy:templateID:)``) looks at the reading itself — notes,
/// normalisation, blank and required, confidence, a second read — and at the checks the field type
/// implies; it also finds the field's date, which other fields' rules need. The second pass
/// (``applyRules(dateOf:today:)``) runs the template's `rules:` and `vocabulary:`. Page rules then
/// add findings through ``add(_:_:_:override:)``.
struct FieldDecision {
    /// The template's field; nil when the template does not know the field.
    let spec: FieldSpec?
    let read: FieldRead
    let subject: ReasonCatalogue.Subject
    var findings: [Finding] = []
    /// The value after the field's `normalize:` steps (or the date a date field was parsed to).
    var normalized: FieldValue?
    /// A date field's date, once it is known to be one.
    var date: JapaneseDate?
    /// Nothing written: nothing to check, only `required` matters.
    var isBlank = false
    /// Normalisation failed: the value cannot be checked further.
    var isUncheckable = false

    /// Field names that are 個人番号 and get `check: my_number` without saying so.
    static let myNumberFieldNames: Set<String> = ["my_number", "kojin_bango"]

    /// Notes that describe the reading but are no reason to look at it: `blank`, and the reader's
    /// own `low_confidence` (the validator decides confidence against the field's threshold).
    static let informationalNotes: Set<String> = ["blank", "low_confidence"]

    /// Notes a hard failure: the tick count contradicts the form.
    static let invalidNotes: [String: ReasonCode] = [
        "several_ticked": .severalTicked, "too_few_ticked": .tooFewTicked, "too_many_ticked": .tooManyTicked,
    ]

    init(read: FieldRead, spec: FieldSpec?, policy: DecisionPolicy, templateID: String) {
        self.read = read
        self.spec = spec
        subject = ReasonCatalogue.Subject(name: read.name, label: spec?.label ?? "")
        guard let spec else {
            add(.notInTemplate, .review, .template(templateID))
            isUncheckable = true
            return
        }
        reviewNotes(spec)
        normalize(spec)
        isBlank = Self.isBlank(read, normalized: normalized, type: spec.type)
        if !isFilledIn {
            if spec.required { add(.requiredMissing, .invalid) }
            return
        }
        if spec.type == .date, !isUncheckable { checkDate(spec) }
        // A date the reader could not parse had its confidence lowered for that; the date check said why.
        if read.value != nil {
            let threshold = spec.threshold ?? policy.threshold(for: read.type)
            if read.confidence < threshold {
                add(.lowConfidence, .review, .confidence(read.confidence, threshold: threshold))
            }
        }
        compareSecondRead(spec)
        guard !isUncheckable else { return }
        for check in impliedChecks(spec) { run(check, status: .invalid) }
    }

    /// Filled in for `required`: not blank, and a single checkbox ticked.
    var isFilledIn: Bool { !isBlank && read.value != .bool(false) }

    // MARK: - Findings

    /// Adds a reason about this field (duplicates are merged, keeping the worse status).
    mutating func add(
        _ code: ReasonCode, _ status: Status, _ detail: ReasonCatalogue.Detail = .none, override: String? = nil
    ) {
        let reason = ReasonCatalogue.reason(code, field: read.name, subject, detail, override: override)
        findings.add(Finding(reason: reason, status: status))
    }

    /// The field read with its normalised value, status and reasons filled in.
    func result() -> FieldRead {
        var result = read
        result.normalized = normalized
        result.status = findings.status
        result.reasons = findings.map(\.reason)
        return result
    }

    // MARK: - Reading

    /// Every note of the reader becomes a reason: known ones with their own status, unknown ones
    /// as review with the note as code (never silently accepted). Informational notes are left out; a date
    /// field's `unparsed_date` is decided by the date check; a required choice with `none_ticked`
    /// is `required_missing`.
    private mutating func reviewNotes(_ spec: FieldSpec) {
        var seen: Set<String> = []
        for note in read.notes where seen.insert(note).inserted && !Self.informationalNotes.contains(note) {
            if note == ReasonCode.unparsedDate.rawValue, spec.type == .date { continue }
            if note == ReasonCode.noneTicked.rawValue, spec.required { continue }
            if let code = Self.invalidNotes[note] {
                let count = code == .tooFewTicked ? spec.minChecked : code == .tooManyTicked ? spec.maxChecked : nil
                add(code, .invalid, .count(count))
            } else {
                let code = ReasonCode(rawValue: note)
                add(code, .review, ReasonCode.all.contains(code) ? .none : .note(note))
            }
        }
    }

    /// Applies `normalize:`; a `zengin_kana` failure makes the field invalid.
    private mutating func normalize(_ spec: FieldSpec) {
        guard let value = read.value else { return }
        switch Normalization.normalize(spec.normalize, value) {
        case .success(let normalised):
            normalized = normalised
        case .failure(let error):
            if error.code == .empty {
                normalized = .text("")
            } else {
                isUncheckable = true
                add(.zenginKana, .invalid, .zengin(error.code))
            }
        }
    }

    /// No value, or only white space (after normalisation) — except a date field whose text the
    /// reader could not parse, which the date check looks at.
    private static func isBlank(_ read: FieldRead, normalized: FieldValue?, type: FieldType) -> Bool {
        guard let value = normalized ?? read.value else {
            return !(type == .date && !read.raw.trimmingWhitespace.isEmpty)
        }
        if case .text(let text) = value { return text.trimmingWhitespace.isEmpty }
        return value.isEmpty
    }

    /// A second, independent read that normalises to something else sends the field to review.
    private mutating func compareSecondRead(_ spec: FieldSpec) {
        guard let second = read.secondRead else { return }
        let normalisedSecond = (try? Normalization.normalize(spec.normalize, second).get()) ?? second
        if normalisedSecond != (normalized ?? read.value) {
            add(.readsDisagree, .review)
        }
    }
}

extension String {
    /// Without leading and trailing white space (incl. U+3000).
    var trimmingWhitespace: Substring {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return self[first...last]
    }
}
