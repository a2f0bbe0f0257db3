public import YomitoriLedger
import Foundation
import YomitoriResults
import YomitoriTemplate
import YomitoriText
import YomitoriValidation

extension ReviewService {
    /// Message for a double-entry mismatch.
    static let retypeMessage = "読取結果と一致しません。確認のため、もう一度入力してください。"

    /// Approves the page with the reviewer's values for its doubtful fields (`typed`, by field
    /// name; a field left out keeps its reading).
    ///
    /// The corrected page is validated by the template's rules like OCR output: a field that is then
    /// `invalid` (or a date that is no date) refuses the approval. A double-entry field is saved
    /// only when the typed value equals the reading after normalisation, or equals the previous
    /// entry in `firstEntries`. When everything holds, every field is `accepted`, the page is
    /// stored (compare-and-set on `version`) and the corrections are audited, sensitive values masked.
    /// - Throws: ``ReviewError`` `conflict` when the page was decided meanwhile or `version` is stale.
    public func approve(
        _ key: PageKey, version: Int, user: String, typed: [String: String], firstEntries: [String: String] = [:]
    ) async throws -> ApprovalOutcome {
        guard let stored = try await ledger.reviewPage(key) else { throw ReviewError(.notFound, "no page \(key)") }
        guard stored.isWaiting, stored.version == version else {
            throw ReviewError(.conflict, "page \(key) was already decided or changed")
        }
        let view = try view(of: stored, user: user)
        guard let template = view.template else {
            throw ReviewError(.unavailable, "template \(view.read.template) is not loaded by the review station")
        }
        let doubtful = Set(view.doubtfulFields.map(\.name))
        var corrected = view.read
        for index in corrected.fields.indices where doubtful.contains(corrected.fields[index].name) {
            let original = corrected.fields[index]
            let doubleEntry = view.isDoubleEntry(original.name)
            let entry = typed[original.name] ?? (doubleEntry ? "" : original.value?.string ?? "")
            corrected.fields[index] = !doubleEntry && entry == (original.value?.string ?? "")
                ? Correction.confirmed(original)
                : Correction.field(original, typed: entry, spec: view.spec(original.name))
        }
        let decided = Validator(template: template).decide(corrected, today: today)

        var refusal = ApprovalRefusal(problems: [:], retype: [], firstEntries: [:])
        for field in decided.fields {
            let dateNotDate = field.reasons.filter { $0.code == "unreadable" && field.type == FieldType.date.rawValue }
            if field.status == .invalid {
                refusal.problems[field.name] = field.reasons.map(\.ja)
            } else if !dateNotDate.isEmpty {
                refusal.problems[field.name] = dateNotDate.map(\.ja)
            }
        }
        for field in decided.fields where doubtful.contains(field.name) && view.isDoubleEntry(field.name) {
            guard refusal.problems[field.name] == nil, let original = view.read[field: field.name] else { continue }
            let entry = Correction.display(field)
            if entry == Correction.display(original) || firstEntries[field.name] == entry { continue }
            refusal.problems[field.name] = [Self.retypeMessage]
            refusal.retype.insert(field.name)
            refusal.firstEntries[field.name] = entry
        }
        guard refusal.problems.isEmpty else { return .refused(refusal) }

        var final = decided
        for index in final.fields.indices {
            final.fields[index].status = .accepted
            final.fields[index].reasons = []
            if doubtful.contains(final.fields[index].name) { final.fields[index].reviewed = true }
        }
        final.status = .accepted
        final.reasons = []

        let now = clock()
        var audit: [AuditEntry] = []
        for field in final.fields where doubtful.contains(field.name) {
            guard let original = view.read[field: field.name] else { continue }
            let from = Correction.display(original), to = Correction.display(field)
            guard from != to else { continue }
            let mask: (String) -> String = field.sensitive ? { MyNumber.masked($0) } : { $0 }
            audit.append(AuditEntry(
                time: now, user: user, action: "correct", job: view.job, page: key, field: field.name,
                from: mask(from), to: mask(to), detail: view.isDoubleEntry(field.name) ? "double_entry" : ""
            ))
        }
        audit.append(AuditEntry(time: now, user: user, action: "approve", job: view.job, page: key,
                                detail: "\(doubtful.count) doubtful field(s)"))
        let json = String(decoding: try Self.encoder.encode(final), as: UTF8.self)
        let decision = ReviewDecision(key: key, expectedVersion: version, user: user, action: .approve(readJSON: json), audit: audit)
        return .approved(try await decide(decision))
    }

    static var encoder: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }
}
