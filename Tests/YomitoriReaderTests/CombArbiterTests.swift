import Testing
import YomitoriOCR
import YomitoriResults
import YomitoriTemplate
@testable import YomitoriReader

/// Comb boxes whose box-by-box read and line read disagree are read once more, by another model.
@Suite("Comb boxes: another model settles a disagreement")
struct CombArbiterTests {
    private func comb(language: String = "") -> FieldSpec {
        FieldSpec(name: "postal_code", type: .comb, zone: RectMM(x: 0, y: 0, width: 50, height: 8), language: language)
    }

    @Test("The arbiter is the Japanese script model, or jpn without it; never the first model itself")
    func arbiters() {
        #expect(RecognitionProfile(for: comb()).combArbiters == ["script/Japanese", "jpn"])
        #expect(RecognitionProfile(for: comb(language: "jpn")).combArbiters == ["script/Japanese"])
        #expect(RecognitionProfile(for: comb(language: "script/Japanese")).combArbiters == ["jpn"])
        let text = FieldSpec(name: "name", type: .text, zone: RectMM(x: 0, y: 0, width: 50, height: 8))
        #expect(RecognitionProfile(for: text).combArbiters.isEmpty)
    }

    @Test("The first arbiter is created with the other engines, before any page; the fallback only on use")
    func arbiterPreloaded() throws {
        var template = try TemplateLoader.load(path: SampleCorpus.templates[1])
        template.pages[0].fields = template.pages[0].fields.filter { $0.type == .comb }
        template.pages[0].formMarker = nil
        #expect(!template.pages[0].fields.isEmpty)
        let languages = FormReader.languages(for: [template])
        #expect(languages.required == ["eng"])
        #expect(languages.optional.contains("script/Japanese"), "\(languages.optional)")
        #expect(!languages.optional.contains("jpn"), "\(languages.optional)")
    }

    @Test("Another read settles the line read only when it is the same, one digit in every inked box")
    func lineSettles() {
        let inked = [true, true, true, false]
        #expect(FieldReader.lineSettles(["1", "3", "4", ""], other: ["1", "3", "4", ""], inked: inked))
        // The other model read another digit: nothing settled.
        #expect(!FieldReader.lineSettles(["1", "3", "4", ""], other: ["1", "5", "4", ""], inked: inked))
        // Both lost an inked box's digit (a dirty page's postal code read as nothing by both):
        // agreeing on a blank is no value.
        #expect(!FieldReader.lineSettles(["", "", "", ""], other: ["", "", "", ""], inked: inked))
        #expect(!FieldReader.lineSettles(["1", "", "4", ""], other: ["1", "", "4", ""], inked: inked))
        // One box read as two digits.
        #expect(!FieldReader.lineSettles(["1", "17", "4", ""], other: ["1", "17", "4", ""], inked: inked))
        // A digit where no box was inked.
        #expect(!FieldReader.lineSettles(["1", "3", "4", "7"], other: ["1", "3", "4", "7"], inked: inked))
    }

    /// The 転入届 in Ume Mincho of `Tests/Fixtures/flat-three-phone.jpg` (see
    /// ``ConfirmingReadTests/flatTopThreeInPhone()``): each 3 in a lone comb box reads 5
    /// (`1985546` for 新住所's 〒 1985346, `744819651874` for the 個人番号 744819631874), while the
    /// boxes read side by side, by the Latin model and by the Japanese script model, give the 3.
    @Test("Comb boxes whose lone reads turn every 3 into 5 are read right and accepted (real Tesseract)")
    func flatTopThrees() throws {
        let page = try ConfirmingReadTests.page(onFixture: "flat-three-phone.jpg")
        let postal = try #require(page[field: "new_postal_code"])
        #expect(postal.value == .text("1985346"), "read \(postal.raw)")
        #expect(postal.status == .accepted, "\(postal.reasons.map(\.code))")
        let number = try #require(page[field: "my_number"])
        #expect(number.value == .text("744819631874"))
        #expect(number.status == .accepted, "\(number.reasons.map(\.code))")
    }
}
