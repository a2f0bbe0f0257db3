import Foundation
import Testing
import YomitoriOCR
import YomitoriReader
import YomitoriResults
import YomitoriTemplate
import YomitoriVision

@Suite("Form markers: the printed title tells apart forms with the same ruling")
struct FormMarkerTests {
    // MARK: - Matching (logic only)

    @Test("A marker matches a read with spacing, full-width forms or extra text around it")
    func matchesLooseReads() {
        #expect(FormMarkerMatch.matches(expected: "転入届", read: "転 入 届"))
        #expect(FormMarkerMatch.matches(expected: "転入届", read: "転入届\n住民異動届(転入)"))
        #expect(FormMarkerMatch.matches(expected: "様式第5号", read: "(様式第５号)"))
        #expect(FormMarkerMatch.matches(expected: "児童手当 受給者口座振込申出書", read: "児童手当受給者口座振込申出書"))
        // Long titles forgive a misread character or two: 12 characters, two edits.
        #expect(FormMarkerMatch.allowedEdits(for: 12) == 2)
        #expect(FormMarkerMatch.matches(expected: "住民票の写し等交付請求書", read: "住民票の写レ等交付講求書"))
        #expect(!FormMarkerMatch.matches(expected: "住民票の写し等交付請求書", read: "住民票の写レ等交村講求書"))
    }

    @Test("A short marker must be read exactly, and a number never differs")
    func strictWhereFormsDiffer() {
        #expect(FormMarkerMatch.allowedEdits(for: 3) == 0)
        #expect(!FormMarkerMatch.matches(expected: "転入届", read: "転出届"))
        #expect(!FormMarkerMatch.matches(expected: "転入届", read: "転入"))
        #expect(!FormMarkerMatch.matches(expected: "転入届", read: ""))
        // Five characters allow one edit, but not of a digit.
        #expect(FormMarkerMatch.matches(expected: "様式第5号", read: "様式弟5号"))
        #expect(!FormMarkerMatch.matches(expected: "様式第5号", read: "様式第6号"))
        #expect(!FormMarkerMatch.matches(expected: "様式第5号", read: "様式第15号"))
        #expect(!FormMarkerMatch.matches(expected: "様式第5号", read: "様式第号"))
        #expect(!FormMarkerMatch.matches(expected: "", read: "転入届"))
    }

    // MARK: - Real scans, real Tesseract

    static let fixtures = SampleCorpus.root.appendingPathComponent("Tests/Fixtures")

    /// c_tennyu as a 転出届: the same file (so the same reference image and ruling), another id
    /// and marker — the hardest case, both register equally well.
    static func tenshutsu() throws -> PreparedTemplate {
        var template = try TemplateLoader.load(path: SampleCorpus.templates[2])
        template.id = "c_tenshutsu"
        template.title = "転出届"
        let marker = try #require(template.pages[0].formMarker)
        template.pages[0].formMarker = FormMarker(text: "転出届", zone: marker.zone)
        return try PreparedTemplate(template)
    }

    static func tennyu() throws -> PreparedTemplate {
        try PreparedTemplate(TemplateLoader.load(path: SampleCorpus.templates[2]))
    }

    static func page(_ path: String) throws -> GrayImage {
        try ScanFile(path: path).page(0)
    }

    /// Made by `samples/make_retitled.py` from `samples/scans/c_tennyu-clean-01.png`.
    static let tenshutsuScans = ["tenshutsu-clean.png", "tenshutsu-degraded.jpg"].map { fixtures.appendingPathComponent($0).path }
    static let tennyuScans = ["c_tennyu-clean-01.png", "c_tennyu-degraded-02.jpg"].map { SampleCorpus.scans.appendingPathComponent($0).path }

    @Test("A 転出届 page is not read as a 転入届: the ruling matches, the title does not")
    func otherFormWithTheSameRuling() throws {
        let reader = FormReader(templates: [try Self.tennyu()])
        for path in Self.tenshutsuScans {
            switch reader.read(try Self.page(path), id: PageID(file: path, page: 0)) {
            case .unknownForm(_, let scores, let markersNotFound):
                #expect(markersNotFound == ["c_tennyu"], "\(path)")
                #expect((scores["c_tennyu"] ?? 0) >= 0.5, "the ruling matched: \(scores)")
                let text = UnknownFormText.english(scores: scores, markersNotFound: markersNotFound)
                #expect(text.contains("c_tennyu") && text.contains("form_marker"), "\(text)")
            case .read(let page):
                Issue.record("\(path) read as \(page.template)")
            case .failed(_, let error):
                Issue.record("\(path): \(error)")
            }
        }
    }

    @Test("With both templates, each page gets the form its title names, in either order")
    func twoFormsOneRuling() throws {
        let tennyu = try Self.tennyu(), tenshutsu = try Self.tenshutsu()
        for order in [[tennyu, tenshutsu], [tenshutsu, tennyu]] {
            let reader = FormReader(templates: order)
            for (paths, form) in [(Self.tenshutsuScans, "c_tenshutsu"), (Self.tennyuScans, "c_tennyu")] {
                for path in paths {
                    guard case .read(let page) = reader.read(try Self.page(path), id: PageID(file: path, page: 0)) else {
                        Issue.record("\(path) not read with \(order.map(\.id))")
                        continue
                    }
                    #expect(page.template == form, "\(path) with \(order.map(\.id))")
                    #expect(page.registration.matchScore >= 0.9, "both register alike: \(page.registration.matchScore)")
                }
            }
        }
    }

    @Test("Without a marker, a page of another form read with a job's one template is reviewed as a whole")
    func oneTemplateWithoutMarker() throws {
        var template = try TemplateLoader.load(path: SampleCorpus.templates[0])
        template.pages[0].formMarker = nil
        let reader = FormReader(templates: [try PreparedTemplate(template)])
        // A 児童手当 page: registered to the 住民票 template by its marks, but few of its rules are there.
        let other = SampleCorpus.scans.appendingPathComponent("b_jido_koza-clean-01.png").path
        guard case .read(let page) = reader.read(try Self.page(other), id: PageID(file: other, page: 0)) else {
            Issue.record("\(other) not read with the one template")
            return
        }
        #expect(page.registration.matchScore < 0.5, "\(page.registration.matchScore)")
        #expect(page.status != .accepted)
        #expect(page.reasons.contains { $0.code == "weak_form_match" && $0.en.contains("a_juminhyo") })
        for field in page.fields {
            #expect(field.status != .accepted && field.reasons.contains { $0.code == "weak_form_match" }, "\(field.name)")
        }
        // A page of the form itself matches well and is decided field by field as before.
        let own = SampleCorpus.scans.appendingPathComponent("a_juminhyo-clean-01.png").path
        guard case .read(let right) = reader.read(try Self.page(own), id: PageID(file: own, page: 0)) else {
            Issue.record("\(own) not read")
            return
        }
        #expect(right.registration.matchScore >= 0.5)
        #expect(!right.reasons.contains { $0.code == "weak_form_match" })
        #expect(right.fields.contains { $0.status == .accepted })
    }

    @Test("Templates with a marker need the Japanese model even when no field does")
    func markerLanguage() throws {
        var template = try TemplateLoader.load(path: SampleCorpus.templates[2])
        template.pages[0].fields = template.pages[0].fields.filter { $0.type == .checkbox || $0.type == .digits }
        #expect(FormReader.languages(for: [template]).required.contains("jpn"))
        template.pages[0].formMarker = nil
        #expect(!FormReader.languages(for: [template]).required.contains("jpn"))
    }
}
