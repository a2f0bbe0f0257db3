public import YomitoriResults
public import YomitoriTemplate
public import YomitoriText

/// Decides, for every field read from a page and for the page, whether it can be imported as it is
/// (`accepted`), needs a person (`review`) or is wrong (`invalid`), and why.
///
/// Savings from OCR come from people looking only at doubtful fields; so a field is accepted only
/// when nothing speaks against it, and a value that breaks a hard rule is never accepted. The rules,
/// in order:
///
/// 1. **Reading notes** become reasons with the same code: `non_digit_dropped`, `nothing_usable`,
///    `comb_box_unclear`, `comb_gap`, `spaced_number`, `spaced_kana`, `phone_grouping`, `struck_through`, `tick_unclear`, `none_ticked` and any note
///    the validator does not know → review; `several_ticked`, `too_few_ticked`, `too_many_ticked` →
///    invalid. `blank` is informational, and so is a `low_confidence` note (step 5 decides that); a
///    required choice with `none_ticked` is `required_missing`.
/// 2. **Normalisation** (`normalize:`) gives ``FieldRead/normalized``; a `zengin_kana` step that
///    fails is invalid (`zengin_kana`). Rules and checks look at the normalised value.
/// 3. **Blank**: blank and `required: true` (or a single required box not ticked) → invalid
///    `required_missing`; blank and not required → nothing else is checked.
/// 4. **Dates**: a `date` field must hold a real date; when the reader could not parse it, its raw
///    text is parsed again: a date that does not exist or lies outside its era (令和5年2月30日,
///    昭和64年1月8日) → invalid `impossible_date`; text that is no date → review `unreadable`; a 住基
///    date accepted by a `date:` rule in `mode: juki` → review `juki_date`.
/// 5. **Confidence** below the field's `threshold:` (or the policy's default for its type) → review
///    `low_confidence`.
/// 6. **Second read**: a ``FieldRead/secondRead`` that normalises to another value → review `reads_disagree`.
/// 7. **Type checks** without any rule: `phone`, `email` → `format`; `katakana` → `not_katakana`;
///    `digits` and `comb` with a digits-only whitelist → `not_digits`; a field named `my_number` →
///    `check_digit` (or `format` for the wrong number of digits). All invalid; a check the field's
///    rules name explicitly is left to that rule.
/// 8. **Rules** (`rules:`, `vocabulary:`): a failure is invalid, or review when the rule is `soft: true`.
/// 9. **Page rules**: a failure adds a page-level reason and marks every field it names (invalid, or
///    review when soft).
///
/// A field's status is the worst of its reasons (accepted when it has none); the page's is the worst
/// of its fields' and its own reasons. Reasons name fields by label but never contain values. The
/// validator does not log.
public struct Validator: Sendable {
    public let template: Template
    public let policy: DecisionPolicy

    public init(template: Template, policy: DecisionPolicy = .init()) {
        self.template = template
        self.policy = policy
    }

    /// Fills `normalized`, `status` and `reasons` of every field and the page's `status` and
    /// `reasons`, replacing any earlier decision.
    ///
    /// - Parameter today: the day of validation, for `not_future` and ages (in JST:
    ///   `JapaneseDate(Date())`); passed in so the same page always gets the same decision.
    public func decide(_ page: PageRead, today: JapaneseDate) -> PageRead {
        let specs = Dictionary(template.pages.flatMap(\.fields).map { ($0.name, $0) }) { first, _ in first }
        var fields = page.fields.map { read in
            FieldDecision(read: read, spec: specs[read.name], policy: policy, templateID: template.id)
        }
        var dates: [String: JapaneseDate] = [:]
        for field in fields {
            if let date = field.date, dates[field.read.name] == nil { dates[field.read.name] = date }
        }
        for index in fields.indices {
            fields[index].applyRules(dateOf: { dates[$0] }, today: today)
        }

        var decision = PageDecision(fields: fields, specs: specs)
        if page.template != template.id {
            _ = decision.addPageFinding(.templateMismatch, .review, names: [], .template(template.id))
        }
        if page.registration.matchScore < policy.minimumMatchScore {
            decision.flagEveryField(.weakFormMatch, .review, .formMatch(
                template: template.id, score: page.registration.matchScore, minimum: policy.minimumMatchScore
            ))
        }
        if let templatePage = templatePage(for: page) {
            let read = Set(page.fields.map(\.name))
            for spec in templatePage.fields where !read.contains(spec.name) {
                let code: ReasonCode = spec.required ? .requiredMissing : .notRead
                _ = decision.addPageFinding(code, spec.required ? .invalid : .review, names: [spec.name], .none)
            }
            for rule in templatePage.rules { decision.apply(rule) }
        }
        return decision.result(page)
    }

    /// The template page whose fields the page read has most of (the first on a tie); for a
    /// one-page template, that page.
    func templatePage(for page: PageRead) -> TemplatePage? {
        let names = Set(page.fields.map(\.name))
        var best: (page: TemplatePage, overlap: Int)?
        for candidate in template.pages {
            let overlap = candidate.fields.count { names.contains($0.name) }
            if overlap > (best?.overlap ?? 0) { best = (candidate, overlap) }
        }
        return best?.page ?? (template.pages.count == 1 ? template.pages.first : nil)
    }
}
