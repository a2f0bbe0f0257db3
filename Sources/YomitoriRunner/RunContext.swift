import Foundation
import Logging
import YomitoriJobs
import YomitoriLedger
import YomitoriOCR
import YomitoriReader
import YomitoriResults
import YomitoriText

/// A claimed input on its way through the run.
struct InputToRead: Sendable {
    var id: String
    /// Path in the work folder.
    var path: String
    /// The name the clerk gave the file.
    var name: String
}

/// Where an input ends.
enum InputOutcome: Sendable {
    case accepted([PageRead])
    case exported([PageRead])
    case review
    /// A hard rule failed on some page: recorded and routed as review (a person corrects or
    /// rejects the page), counted as invalid.
    case invalid
    case failed(String, String, String)  // code, ja, en
    /// Already recorded as exported: only move the file.
    case routedAccepted
    /// Already recorded with this outcome: only move the file.
    case routedOnly(RouteOutcome)
    /// Rejected by a reviewer (already recorded `invalid`): move the file to the invalid route
    /// with the reviewer's reason beside it.
    case rejected(String)
}

/// The ledger and file moves of one run.
struct RunContext: Sendable {
    let job: JobDefinition
    let runID: String
    let identity: WorkerIdentity
    let ledger: any Ledger
    let logger: Logger
    let today: JapaneseDate

    /// Records a claimed file; a duplicate of content already processed is routed at once.
    func record(_ file: ClaimedFile, report: inout RunReport) async throws -> InputToRead? {
        let claim = ClaimRequest(
            inputID: file.inputID, job: job.id, runID: runID, originalPath: file.originalPath ?? file.originalName,
            claimedPath: file.path, size: file.size, sha256: file.sha256, by: identity
        )
        switch try await ledger.recordClaim(claim) {
        case .new(let id):
            _ = try await ledger.beginAttempt(inputID: id, run: runID, by: identity)
            return InputToRead(id: id, path: file.path, name: file.originalName)
        case .duplicate(let id, let of):
            report.counts.duplicates += 1
            report.problems.append("\(file.originalName): duplicate of an input already processed (\(of))")
            let folder = job.route?.folder(for: .duplicate) ?? job.route?.folder(for: .failed)
            var routed: String?
            if let folder {
                // With a note, like any file put aside: in the error folder a duplicate would
                // otherwise look like a failure nobody explained.
                let target = try expand(folder, fileName: file.originalName)
                let earlier = try await ledger.input(id: of).map { ($0.originalPath as NSString).lastPathComponent } ?? of
                let note = QuarantineReason(
                    code: "duplicate_content",
                    messageJA: "すでに処理したファイル（\(earlier)）と同じ内容です。二重に取り込まないよう、読み取りませんでした",
                    messageEN: "the same content as a file already processed (\(earlier)); not read again, so it is not imported twice",
                    job: job.id, run: runID, inputID: id, timeZone: job.timeZone
                )
                routed = try Quarantine.move(file: file.path, to: target, reason: note, name: file.originalName).path
            }
            try await ledger.markInputRouted(id: id, to: routed)
            logger.info("duplicate input", metadata: ["input.id": "\(id)", "input.duplicate_of": "\(of)"])
            return nil
        }
    }

    /// Stores the pages read and decides where the input goes.
    func recordReading(_ input: InputToRead, _ reading: FileReading, report: inout RunReport) async throws -> InputOutcome {
        switch reading {
        case .unreadable(let error):
            return .failed(error.code.description, "読み取れないファイルです: \(error.message)", "cannot read the file: \(error.message)")
        case .pages(let outcomes):
            var records: [PageRecord] = []
            var pages: [PageRead] = []
            var worst: PageStatus = .accepted
            // Why pages failed, for the quarantine note: page numbers, template ids, error codes.
            var failedPages: [(ja: String, en: String)] = []
            for (index, outcome) in outcomes.enumerated() {
                report.counts.pages += 1
                switch outcome {
                case .read(let page):
                    pages.append(page)
                    let status: PageStatus = switch page.status ?? .review {
                    case .accepted: .accepted
                    case .review: .review
                    case .invalid: .invalid
                    }
                    worst = Self.worse(worst, status)
                    report.effect.fields += page.fields.count
                    // An invalid page waits for a person like a doubtful one: the rule may have
                    // failed on a misread (the reviewer corrects it) or on what the applicant wrote
                    // (the reviewer rejects it, with a reason). Its reading keeps `invalid`.
                    let waiting: PageStatus = status == .invalid ? .review : status
                    records.append(PageRecord(inputID: input.id, page: index, status: waiting, template: page.template, readJSON: Self.json(page)))
                case .unknownForm(_, let scores, let markersNotFound):
                    worst = .failed
                    let en = "page \(index + 1) " + UnknownFormText.english(scores: scores, markersNotFound: markersNotFound)
                    report.problems.append("\(input.name) \(en)")
                    failedPages.append(("\(index + 1)ページ目: " + UnknownFormText.japanese(scores: scores, markersNotFound: markersNotFound), en))
                    records.append(PageRecord(inputID: input.id, page: index, status: .failed, template: nil, readJSON: "{\"error\":\"unknown_form\"}"))
                case .failed(_, let error):
                    worst = .failed
                    report.problems.append("\(input.name) page \(index + 1): \(error.code)")
                    failedPages.append(("\(index + 1)ページ目: \(error.message)", "page \(index + 1): \(error.message)"))
                    records.append(PageRecord(inputID: input.id, page: index, status: .failed, template: nil, readJSON: "{\"error\":\"\(error.code)\"}"))
                }
            }
            try await ledger.recordPages(inputID: input.id, pages: records)
            switch worst {
            case .accepted: return .accepted(pages)
            case .review: return .review
            case .invalid: return .invalid
            case .failed:
                // The first few pages' reasons; a 300-page PDF's note stays readable.
                let shown = failedPages.prefix(3)
                let more = failedPages.count - shown.count
                let ja = shown.map(\.ja).joined(separator: "; ") + (more > 0 ? "; ほか\(more)ページ" : "")
                let en = shown.map(\.en).joined(separator: "; ") + (more > 0 ? "; and \(more) more page(s)" : "")
                return .failed("page_failed", "読み取れないページがあります: \(ja)", "a page could not be read or matched to a form: \(en)")
            }
        }
    }

    /// Records the pages of an input the import format refused as waiting for review, with the
    /// reason, so that the review station offers them (a person must change the value the format
    /// cannot carry) instead of leaving accepted pages in a `review` input.
    func sendToReview(_ input: InputToRead, _ pages: [PageRead]) async throws {
        let reason = Reason(
            code: "export_refused",
            ja: "取込ファイルに書けない値があります（使えない文字・桁数など）。値を確認して直してください。",
            en: "the import format cannot carry a value (character, length …); check and correct it"
        )
        var records: [PageRecord] = []
        for (index, page) in pages.enumerated() {
            var page = page
            page.status = .review
            if !page.reasons.contains(reason) { page.reasons.append(reason) }
            records.append(PageRecord(inputID: input.id, page: index, status: .review, template: page.template, readJSON: Self.json(page)))
        }
        try await ledger.recordPages(inputID: input.id, pages: records)
    }

    /// Moves the input to its route folder and records the final state.
    func route(_ input: InputToRead, _ outcome: InputOutcome, report: inout RunReport) async throws {
        switch outcome {
        case .accepted, .exported(_):
            if case .exported(let pages) = outcome {
                report.counts.accepted += pages.count
                let reviewed = pages.reduce(0) { $0 + $1.fields.count { $0.reviewed == true } }
                report.effect.fieldsReviewed += reviewed
                report.effect.fieldsAutomated += pages.reduce(0) { $0 + $1.fields.count } - reviewed
                try await ledger.markInput(id: input.id, as: .exported, reason: nil)
            }
            try await move(input, to: .accepted)
        case .review:
            report.counts.review += 1
            try await ledger.markInput(id: input.id, as: .review, reason: LedgerReason(code: "review", message: "a person must check some fields"))
            try await move(input, to: .review)
        case .invalid:
            // Counted as invalid, routed as review: a person corrects or rejects it.
            report.counts.invalid += 1
            try await ledger.markInput(
                id: input.id, as: .review, reason: LedgerReason(code: "invalid", message: "a rule failed: a person must correct or reject the page")
            )
            try await move(input, to: .review)
        case .failed(let code, let ja, let en):
            try await fail(inputID: input.id, path: input.path, name: input.name, code: code, ja: ja, en: en, report: &report)
        case .routedAccepted:
            try await move(input, to: .accepted)
        case .routedOnly(let outcome):
            try await move(input, to: outcome)
        case .rejected(let reason):
            report.counts.invalid += 1
            let folder = try expand(job.route?.folder(for: .invalid) ?? (job.work + "/../error"), fileName: input.name)
            let note = QuarantineReason(
                code: "review_rejected", messageJA: "確認者が差し戻しました: \(reason)", messageEN: "rejected by a reviewer: \(reason)",
                job: job.id, run: runID, inputID: input.id, timeZone: job.timeZone
            )
            var routed: String?
            if FileManager.default.fileExists(atPath: input.path) {
                routed = try Quarantine.move(file: input.path, to: folder, reason: note, name: input.name).path
            }
            try await ledger.markInputRouted(id: input.id, to: routed)
        }
    }

    /// Quarantines an input with a reason in Japanese and English; never loses the file.
    func fail(inputID: String, path: String, name: String, code: String, ja: String, en: String, report: inout RunReport) async throws {
        report.counts.failed += 1
        report.problems.append("\(name): \(code)")
        if try await ledger.input(id: inputID)?.state != .failed {
            try await ledger.markInput(id: inputID, as: .failed, reason: LedgerReason(code: code, message: en))
        }
        let folder = try expand(job.route?.folder(for: .failed) ?? (job.work + "/../error"), fileName: name)
        let reason = QuarantineReason(code: code, messageJA: ja, messageEN: en, job: job.id, run: runID, inputID: inputID, timeZone: job.timeZone)
        var routed: String?
        if FileManager.default.fileExists(atPath: path) {
            routed = try Quarantine.move(file: path, to: folder, reason: reason, name: name).path
        }
        try await ledger.markInputRouted(id: inputID, to: routed)
        logger.warning("input quarantined", metadata: ["input.id": "\(inputID)", "reason": "\(code)"])
    }

    private func move(_ input: InputToRead, to outcome: RouteOutcome) async throws {
        var routed: String?
        if let folder = job.route?.folder(for: outcome), FileManager.default.fileExists(atPath: input.path) {
            let target = try expand(folder, fileName: input.name)
            // A reviewed input sent back to review is already there: it stays, under its name.
            if URL(fileURLWithPath: input.path).deletingLastPathComponent().standardizedFileURL.path
                == URL(fileURLWithPath: target).standardizedFileURL.path {
                routed = input.path
            } else {
                routed = try FileRoute.move(input.path, toFolder: target, name: input.name)
            }
        }
        try await ledger.markInputRouted(id: input.id, to: routed)
    }

    func expand(_ template: String, fileName: String? = nil, seq: Int? = nil) throws -> String {
        let vars = PathTemplate.variables(job: job.id, run: runID, at: Date(), in: job.timeZone, fileName: fileName, seq: seq)
        return try PathTemplate.expand(template, variables: vars)
    }

    static func worse(_ a: PageStatus, _ b: PageStatus) -> PageStatus {
        let order: [PageStatus] = [.accepted, .review, .invalid, .failed]
        return (order.firstIndex(of: a) ?? 0) >= (order.firstIndex(of: b) ?? 0) ? a : b
    }

    /// For an input a crashed run had already decided (or exported), the outcome to route it by;
    /// nil when it must be read (again).
    func decidedOutcome(of record: InputRecord) async throws -> InputOutcome? {
        switch record.state {
        case .claimed:
            return nil
        case .read:
            // Pages already in a written batch: exported before the crash.
            let pages = try await ledger.pages(inputID: record.id)
            guard !pages.isEmpty else { return nil }
            // Every page decided `accepted` (validated, or approved by a reviewer) and none exported
            // yet: export the recorded pages; reading again would lose a reviewer's corrections.
            if pages.allSatisfy({ $0.status == .accepted && $0.batchID == nil }) {
                let reads = pages.compactMap { BatchExporter.decode($0.readJSON) }
                return reads.count == pages.count ? .accepted(reads) : nil
            }
            guard pages.allSatisfy({ $0.batchID != nil }) else { return nil }
            for batchID in Set(pages.compactMap(\.batchID)) {
                guard let batch = try await ledger.batch(id: batchID), batch.state == .written || batch.state == .delivered else { return nil }
            }
            return .exported(pages.compactMap { BatchExporter.decode($0.readJSON) })
        case .exported, .archived:
            return .routedAccepted
        case .review:
            return .routedOnly(.review)
        case .invalid:
            if record.reason?.code == "review_rejected" { return .rejected(record.reason?.message ?? "") }
            return .routedOnly(.invalid)
        case .failed:
            return .failed(record.reason?.code ?? "failed", "処理できませんでした", record.reason?.message ?? "failed")
        case .duplicate:
            return .routedOnly(.duplicate)
        }
    }

    static func json(_ page: PageRead) -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? e.encode(page)) ?? Data(), as: UTF8.self)
    }
}
