import YomitoriResults
import YomitoriTemplate

/// The decisions about one page: its fields' decisions, and the page rules on top of them.
struct PageDecision {
    var fields: [FieldDecision]
    /// Page-level findings (page rules, fields missing from the read, another template).
    var findings: [Finding] = []
    /// Every field of the template, by name, for labels of fields missing from the read.
    let specs: [String: FieldSpec]

    /// The page read with every field's decision and the page's status and reasons.
    ///
    /// The page status is the worst of all field statuses and page reasons.
    func result(_ page: PageRead) -> PageRead {
        var result = page
        result.fields = fields.map { $0.result() }
        result.reasons = findings.map(\.reason)
        let statuses = result.fields.compactMap(\.status) + findings.map(\.status)
        result.status = statuses.max() ?? .accepted
        return result
    }

    // MARK: - Page-level findings

    /// How a field is named in messages, also when it was not read.
    func subject(_ name: String) -> ReasonCatalogue.Subject {
        ReasonCatalogue.Subject(name: name, label: specs[name]?.label ?? "")
    }

    /// A page-level reason about the fields `names` (joined with `,` in `Reason.field`; none for the page as a whole).
    mutating func addPageFinding(
        _ code: ReasonCode, _ status: Status, names: [String], _ detail: ReasonCatalogue.Detail, override: String? = nil
    ) -> Reason {
        let field = names.isEmpty ? nil : names.joined(separator: ",")
        let reason = ReasonCatalogue.reason(code, field: field, names.first.map(subject) ?? .value, detail,
                                            override: override)
        findings.add(Finding(reason: reason, status: status))
        return reason
    }

    /// A page-level reason that also goes on every field read: the whole page is in doubt, so
    /// each of its values is checked by a person, not only those that are doubtful on their own.
    mutating func flagEveryField(_ code: ReasonCode, _ status: Status, _ detail: ReasonCatalogue.Detail) {
        let reason = addPageFinding(code, status, names: [], detail)
        for index in fields.indices { add(reason, status, toField: index) }
    }

    // MARK: - Page rules

    /// Applies one page rule. A failure adds a page-level reason and the same reason (with the
    /// field's own name) to every field it names that was read: invalid, or review for `soft: true`.
    mutating func apply(_ rule: CrossFieldRule) {
        let status: Status = rule.soft ? .review : .invalid
        switch rule.kind {
        case .dateOrder(let names):
            let dated = names.compactMap { name in index(of: name).flatMap { fields[$0].date }.map { (name, $0) } }
            for (earlier, later) in zip(dated, dated.dropFirst()) where earlier.1 > later.1 {
                report(.dateOrder, status, names: [earlier.0, later.0], override: rule.message)
            }
        case .requiredIf(let field, let when, let has):
            guard isConditionMet(when, has: has), !isFilledIn(field) else { return }
            report(.requiredMissing, status, names: [field, when], .condition(when: subject(when), has: has),
                   override: rule.message)
        case .atLeastOne(let names):
            guard !names.contains(where: isFilledIn) else { return }
            report(.atLeastOne, status, names: names, override: rule.message)
        case .equal(let names):
            let filled = names.filter(isFilledIn).compactMap { name -> (String, FieldValue)? in
                guard let decision = index(of: name).map({ fields[$0] }), !decision.isUncheckable,
                      let value = decision.normalized ?? decision.read.value
                else { return nil }
                return (name, value)
            }
            guard let first = filled.first, filled.contains(where: { $0.1 != first.1 }) else { return }
            report(.notEqual, status, names: filled.map(\.0), override: rule.message)
        }
    }

    private mutating func report(
        _ code: ReasonCode, _ status: Status, names: [String], _ detail: ReasonCatalogue.Detail? = nil,
        override: String?
    ) {
        let detail = detail ?? .others(names.dropFirst().map(subject))
        let reason = addPageFinding(code, status, names: names, detail, override: override)
        for index in names.compactMap(index(of:)) { add(reason, status, toField: index) }
    }

    /// A page reason on one field, under the field's own name.
    private mutating func add(_ reason: Reason, _ status: Status, toField index: Int) {
        var own = reason
        own.field = fields[index].read.name
        fields[index].findings.add(Finding(reason: own, status: status))
    }

    private func index(of name: String) -> Int? {
        fields.firstIndex { $0.read.name == name }
    }

    /// Filled in (not blank, a single box ticked); a field that was not read is not.
    private func isFilledIn(_ name: String) -> Bool {
        index(of: name).map { fields[$0].isFilledIn } ?? false
    }

    /// `when` has `has` ticked (checkbox, choice) or written (text); without `has`, `when` is filled in.
    private func isConditionMet(_ when: String, has: String?) -> Bool {
        guard let decision = index(of: when).map({ fields[$0] }), decision.isFilledIn,
              let value = decision.normalized ?? decision.read.value
        else { return false }
        guard let has else { return true }
        switch value {
        case .list(let items): return items.contains(has)
        case .text(let text): return text == has
        case .bool(let ticked): return ticked && has == "true"
        }
    }
}
