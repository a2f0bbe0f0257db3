import Foundation
import YomitoriLedger
import YomitoriOCR
import YomitoriPreview
import YomitoriResults
import YomitoriReview
import YomitoriTemplate
import YomitoriText
import YomitoriValidation
import YomitoriVision

/// A real SQLite ledger in a temporary folder holding one input of job `tennyu` in review: a
/// 転入届 page (the sample template `c_tennyu`) read with a doubtful 氏名 and 個人番号.
struct ReviewFixture {
    let folder: String
    let ledger: SQLiteLedger
    let template: Template
    let inputID: String
    let reviewPath: String

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// Field values as read; `name` and `my_number` are read with low confidence.
    static let values: [String: String] = [
        "notify_date": "2024-04-01", "move_date": "2024-03-28", "new_address": "東京都みどり市中央一丁目2番3号",
        "new_postal_code": "1000001", "old_address": "大阪府大阪市北区梅田一丁目1番1号", "householder": "山田太郎",
        "furigana": "ヤマダハナコ", "name": "山田花子", "birth_date": "1990-05-06", "relationship": "妻",
        "my_number": "123456789018", "phone": "0312345678", "email": "hanako@example.jp",
    ]
    static let doubtful: Set<String> = ["name", "my_number"]
    /// 2024-06-01 09:00 JST, for the ledger and the service alike.
    static let now = Date(timeIntervalSince1970: 1_717_200_000)

    let clock: @Sendable () -> Date

    /// `scannedTurn`: the review folder holds the sample sheet as if scanned turned clockwise by
    /// this much, and the page records the reader's turn back (`turned_deg`).
    init(
        doubleEntry: Bool = false, pages: Int = 1, routed: Bool = true, scannedTurn: Int = 0,
        clock: @escaping @Sendable () -> Date = { ReviewFixture.now }
    ) async throws {
        self.clock = clock
        folder = NSTemporaryDirectory() + "yomitori-review-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/review", withIntermediateDirectories: true)
        ledger = try SQLiteLedger(path: folder + "/state/ledger.sqlite", clock: clock)
        var template = try TemplateLoader.load(path: Self.repository + "/samples/templates/c_tennyu.yaml")
        if doubleEntry {
            for p in template.pages.indices {
                for f in template.pages[p].fields.indices where template.pages[p].fields[f].name == "my_number" {
                    template.pages[p].fields[f].doubleEntry = true
                }
            }
        }
        self.template = template
        inputID = UUID().uuidString.lowercased()
        reviewPath = folder + "/review/tennyu.png"
        let sample = Self.repository + "/samples/scans/c_tennyu-clean-01.png"
        if scannedTurn == 0 {
            try FileManager.default.copyItem(atPath: sample, toPath: reviewPath)
        } else {
            let sheet = try ScanFile(path: sample).page(0).turned(clockwise: scannedTurn)
            try PNGEncoder.encode(sheet).write(to: URL(fileURLWithPath: reviewPath))
        }

        let who = WorkerIdentity(host: "test", worker: "1")
        let run = try await ledger.beginRun(RunStart(job: "tennyu", trigger: "manual", by: who))
        _ = try await ledger.recordClaim(ClaimRequest(
            inputID: inputID, job: "tennyu", runID: run.id, originalPath: "/inbox/tennyu.png",
            claimedPath: folder + "/work/\(inputID)__tennyu.png", size: 4, sha256: UUID().uuidString, by: who
        ))
        _ = try await ledger.beginAttempt(inputID: inputID, run: run.id, by: who)
        var records: [PageRecord] = []
        for index in 0..<pages {
            var read = Self.page(template, index: index)
            if scannedTurn != 0 { read.registration.turnedDegrees = (360 - scannedTurn) % 360 }
            let json = String(decoding: try JSONEncoder().encode(read), as: UTF8.self)
            records.append(PageRecord(inputID: inputID, page: index, status: .review, template: read.template, readJSON: json))
        }
        try await ledger.recordPages(inputID: inputID, pages: records)
        try await ledger.markInput(id: inputID, as: .review, reason: LedgerReason(code: "review", message: "check"))
        if routed { try await ledger.markInputRouted(id: inputID, to: reviewPath) }
    }

    /// The page as the reader and validator would record it.
    static func page(_ template: Template, index: Int) -> PageRead {
        var fields: [FieldRead] = []
        var y = 100
        for spec in template.pages[0].fields {
            let value: FieldValue? = switch spec.type {
            case .checkbox, .choice: spec.isSingleCheckbox ? .bool(false) : .list([spec.options.first?.value ?? ""])
            default: values[spec.name].map(FieldValue.text)
            }
            let confidence = doubtful.contains(spec.name) ? 0.41 : 0.97
            fields.append(FieldRead(name: spec.name, type: spec.type.rawValue, value: value, raw: value?.string ?? "",
                                    confidence: confidence, zone: PixelRect(x: 100, y: y, width: 600, height: 80),
                                    sensitive: spec.sensitive))
            y += 100
        }
        let registration = RegistrationSummary(method: "content", residualMM: 0.1, rotationDegrees: 0, pixelsPerMM: 11.81,
                                               matchScore: 0.9, transform: AffineTransform(a: 11.81, b: 0, c: 0, d: 11.81, tx: 0, ty: 0))
        let read = PageRead(file: "tennyu.png", page: index, template: template.id, registration: registration, fields: fields)
        return Validator(template: template).decide(read, today: JapaneseDate(year: 2024, month: 6, day: 1)!)
    }

    func service() -> ReviewService {
        ReviewService(ledger: ledger, templates: [template], clock: clock)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: folder)
    }
}
