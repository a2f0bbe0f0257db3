import Foundation
import Testing
import YomitoriOCR
@testable import YomitoriReader
import YomitoriResults
import YomitoriTemplate

/// The confirming read with another segmentation (raw line) for free-text fields.
@Suite("Confirming reads", .serialized)
struct ConfirmingReadTests {
    private func field(_ type: FieldType) -> FieldSpec {
        // No language given: the type's default (jpn for Japanese text, eng for e-mail).
        FieldSpec(name: "f", type: type, zone: RectMM(x: 0, y: 0, width: 50, height: 10), language: "")
    }

    @Test("Free-text types, dates and phones are confirmed by another read; kanji text by the first model only")
    func profiles() {
        let text = RecognitionProfile(for: field(.text))
        #expect(text.confirmingReads == [.init(language: "jpn", mode: .rawLine, scale: 1)])
        let kana = RecognitionProfile(for: field(.katakana))
        #expect(kana.confirmingReads.map(\.language) == ["jpn", "script/Japanese"])
        #expect(kana.confirmingReads.allSatisfy { $0.mode == .rawLine })
        let email = RecognitionProfile(for: field(.email))
        #expect(email.confirmingReads == [.init(language: "eng", mode: .rawLine, scale: 1)])
        // Dates too: both first reads can drop a digit alike (11日 → 1日, a valid date either way).
        let date = RecognitionProfile(for: field(.date))
        #expect(date.confirmingReads.map(\.language) == ["jpn", "script/Japanese"])
        #expect(date.confirmingReads.allSatisfy { $0.mode == .rawLine })
        // Digits and numbers: the Japanese model without the whitelist, as one word, must see the
        // same digits (a whitelist makes anything a digit: 1通 read 13).
        for type in [FieldType.digits, .number] {
            #expect(RecognitionProfile(for: field(type)).confirmingReads == [.init(language: "jpn", mode: .singleWord, scale: 1, unrestricted: true)], "\(type)")
        }
        #expect(text.confirmingReads.allSatisfy { !$0.unrestricted } && date.confirmingReads.allSatisfy { !$0.unrestricted })
        // Phones: both first reads are the Latin model's (a flat-topped Mincho 3 read 5 by both):
        // its raw line, or the Japanese model as one word, must give the same number.
        #expect(RecognitionProfile(for: field(.phone)).confirmingReads == [
            .init(language: "eng", mode: .rawLine, scale: 1), .init(language: "jpn", mode: .singleWord, scale: 1),
        ])
        // Comb boxes (a line read of their own) and ticks (pixels) pay nothing more.
        for type in [FieldType.comb, .checkbox, .choice] {
            #expect(RecognitionProfile(for: field(type)).confirmingReads.isEmpty, "\(type)")
        }
        // A field the template reads as a raw line already is confirmed by a single-word read.
        var raw = field(.katakana)
        raw.psm = PageSegmentationMode.rawLine.rawValue
        #expect(RecognitionProfile(for: raw).confirmingReads.allSatisfy { $0.mode == .singleWord })
    }

    @Test("Katakana may be read a fourth time by the other model at 0.75; kanji text and dates are not")
    func fourthRead() {
        let kana = RecognitionProfile(for: field(.katakana))
        #expect(kana.secondReads.map(\.language) == ["script/Japanese", "jpn", "script/Japanese"])
        #expect(kana.secondReads.map(\.scale) == [1, 0.75, 0.75])
        for type in [FieldType.text, .date] {
            #expect(RecognitionProfile(for: field(type)).secondReads.count == 2, "\(type): a kanji the models lack is one stand-in to every read")
        }
    }

    @Test("The confirming read's model is created with the others, before any page: jpn for a digits-only template")
    func confirmingModelPreloaded() throws {
        var template = try TemplateLoader.load(path: SampleCorpus.templates[0])
        template.pages[0].fields = template.pages[0].fields.filter { $0.type == .digits }
        template.pages[0].formMarker = nil
        let languages = FormReader.languages(for: [template])
        #expect(languages.required == ["eng"])
        #expect(languages.optional.contains("jpn"), "\(languages.optional)")
    }

    /// Zones where both first reads made the same mistake on a committed degraded scan (one glyph
    /// read as two characters: ウ → ウワ in a katakana name, 1 → 1l in an e-mail address). Whatever
    /// the reads give, a wrong value must not be accepted.
    @Test("A value both first reads got wrong the same way is not accepted (real Tesseract)")
    func sharedMisreads() throws {
        let pages = try SampleCorpus.load()
        let reader = try SampleCorpus.reader()
        let cases = [("b_jido_koza-degraded-01.jpg", "account_holder"), ("c_tennyu-degraded-06.jpg", "email")]
        for (file, name) in cases {
            let page = try #require(pages.first { $0.file == file })
            let outcome = try #require(SampleCorpus.readAll([page], with: reader).first?.1)
            guard case .read(let read) = outcome else {
                Issue.record("\(file): not read")
                continue
            }
            let got = try #require(read[field: name])
            let expected = try #require(page.fields[name])
            #expect(expected.matches(got.value) || got.status != .accepted, "\(file) \(name): a wrong value was accepted")
        }
    }

    /// `name` as read on the first page of `Tests/Fixtures/<file>` with the sample templates.
    static func field(_ name: String, onFixture file: String) throws -> FieldRead {
        try #require(try page(onFixture: file)[field: name])
    }

    /// The first page of `Tests/Fixtures/<file>` as read with the sample templates.
    static func page(onFixture file: String) throws -> PageRead {
        let path = SampleCorpus.root.appendingPathComponent("Tests/Fixtures/\(file)").path
        guard case .read(let read) = try SampleCorpus.reader().read(try ScanFile(path: path).page(0), id: PageID(file: file, page: 0)) else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "\(file) not read"])
        }
        return read
    }

    /// A curled 児童手当 page (`Tests/Fixtures/curled-date.png`: `make_holdout.py --seed 81
    /// --per-form 16`, then `make_stress.py --conditions curl --seed 5` with seeds 81–84) whose
    /// 申請日 令和7年10月8日 both models' line reads gave as 1月8日, and the `Japanese` model's raw
    /// line too; the `jpn` raw line read 10月. That valid date with more digits disputes the
    /// agreed one, so a person sees both.
    @Test("A date whose 0 both line reads dropped (10月 read 1月) is not accepted when the first model's raw line reads it (real Tesseract)")
    func droppedDigitInDate() throws {
        let date = try Self.field("apply_date", onFixture: "curled-date.png")
        #expect(date.value == .text("2025-10-08") || date.status != .accepted, "read \(date.raw), accepted as \(String(describing: date.value))")
        #expect(date.value == .text("2025-10-08") || date.secondRead == .text("2025-10-08"), "the person is shown \(String(describing: date.secondRead))")
    }

    /// A 転入届 typed in Ume Mincho (`Tests/Fixtures/flat-three-phone.jpg`: `make_holdout.py
    /// --seed 92 --per-form 16` with its fonts swapped for six others, a degraded page), whose
    /// flat-topped 3s both first reads of the phone (the Latin model's, at two scales) gave as 5:
    /// 042-754-3239 accepted as 042-754-5259. The raw line and the Japanese model read 3239.
    @Test("A phone whose 3s both line reads gave as 5 (a flat-topped Mincho 3) is not accepted (real Tesseract)")
    func flatTopThreeInPhone() throws {
        let phone = try Self.field("phone", onFixture: "flat-three-phone.jpg")
        #expect(phone.value == .text("042-754-3239") || phone.status != .accepted, "read \(phone.raw), accepted")
        guard case .text(let shown)? = phone.secondRead else {
            Issue.record("no second read")
            return
        }
        #expect(phone.value == .text("042-754-3239") || shown.contains("042-754-3239"), "the person is shown \(shown)")
    }

    /// The same page (Ume Mincho): the `jpn` line read of 届出日 lost the 令 of the printed 令和
    /// (`和5年5月29日`, no date), and the date went to a person though every read had its digits
    /// right (see ``FieldReader/lostEraInitial(_:agreed:)``).
    @Test("A date whose first read lost only the 令 of 令和 is accepted (real Tesseract)")
    func lostEraInitial() throws {
        let date = try Self.field("notify_date", onFixture: "flat-three-phone.jpg")
        #expect(date.value == .text("2023-05-29"))
        #expect(date.status == .accepted, "\(date.reasons.map(\.code)), second read \(String(describing: date.secondRead))")
    }

    @Test("A date's raw-line read disputes a digit when it holds as many digits as the agreed read, or more")
    func dateDigitDisputes() {
        let date = field(.date)
        #expect(FieldReader.disputesDigits(date, read: "令和7年10月8日", value: .text("2025-10-08"), agreedRaw: "令和7年1月8日"))
        #expect(FieldReader.disputesDigits(date, read: "令和7年2月18日", value: .text("2025-02-18"), agreedRaw: "令和7年2月16日"))
        // The raw line dropping a digit itself (17日 → 1日) leaves the other model to confirm.
        #expect(!FieldReader.disputesDigits(date, read: "昭和16年5月1日", value: .text("1941-05-01"), agreedRaw: "昭和16年5月17日"))
        // No date read: no opinion.
        #expect(!FieldReader.disputesDigits(date, read: "令和7年1O月8", value: nil, agreedRaw: "令和7年1月8日"))
        // Full-width digits count; kanji numerals do not.
        #expect(FieldReader.decimalDigits(in: "令和７年１０月８日") == 4)
        #expect(FieldReader.decimalDigits(in: "令和元年五月一日") == 0)
        #expect(!FieldReader.disputesDigits(field(.text), read: "東京都1丁目10番", value: .text("東京都1丁目10番"), agreedRaw: "東京都1丁目1番"))
    }
}
