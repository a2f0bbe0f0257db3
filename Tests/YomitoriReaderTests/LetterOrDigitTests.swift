import Foundation
import Testing
import YomitoriOCR
@testable import YomitoriReader
import YomitoriResults
import YomitoriTemplate
import YomitoriVision

/// A Latin model reads `1` as `l` in some serif fonts at every scale and segmentation, so the
/// reads agree on a wrong e-mail address. The first read's runner-up characters catch it.
@Suite("Letter or digit")
struct LetterOrDigitTests {
    private func field(_ type: FieldType, language: String = "", whitelist: String? = nil) -> FieldSpec {
        var spec = FieldSpec(name: "f", type: type, zone: RectMM(x: 0, y: 0, width: 50, height: 10), language: language)
        spec.whitelist = whitelist
        return spec
    }

    @Test("Checked where one Latin model may read letters and digits alike")
    func profiles() {
        #expect(RecognitionProfile(for: field(.email)).mixesLettersAndDigits)
        #expect(RecognitionProfile(for: field(.text, language: "eng")).mixesLettersAndDigits, "no whitelist: anything")
        #expect(RecognitionProfile(for: field(.text, language: "eng", whitelist: "ABC0123")).mixesLettersAndDigits)
        #expect(!RecognitionProfile(for: field(.text, language: "eng", whitelist: "0123456789-")).mixesLettersAndDigits)
        for type in [FieldType.text, .katakana, .date, .digits, .number, .phone, .comb, .checkbox, .choice] {
            #expect(!RecognitionProfile(for: field(type)).mixesLettersAndDigits, "\(type)")
        }
    }

    private func symbol(_ text: String, _ alternatives: [(String, Double)]) -> Recognition.Symbol {
        Recognition.Symbol(text: text, confidence: 90, box: PixelRect(x: 0, y: 0, width: 1, height: 1),
                           alternatives: [.init(text: text, confidence: 91)] + alternatives.map { .init(text: $0.0, confidence: $0.1) })
    }

    private func flagged(_ symbols: [Recognition.Symbol]) -> Bool {
        FieldReader.letterOrDigit(Recognition(text: symbols.map(\.text).joined(), confidence: 0.9, symbols: symbols))
    }

    @Test("A runner-up of the other kind at 30 or more; not one of the same kind, nor a weak one")
    func runnersUp() {
        #expect(flagged([symbol("o", []), symbol("0", [("O", 34.5)])]))
        #expect(flagged([symbol("5", [("S", 30)])]))
        #expect(flagged([symbol("a", []), symbol("g", [("9", 41)])]))
        #expect(!flagged([symbol("a", []), symbol("1", [("l", 28)])]), "below 30")
        #expect(!flagged([symbol("l", [("L", 75), ("I", 49)])]), "letters only")
        #expect(!flagged([symbol("5", [("6", 60)])]), "digits only")
        #expect(!flagged([symbol("@", [("0", 64)])]), "neither a letter nor a digit")
    }

    @Test("l or I touching a digit, whatever the runners-up (tanakal2 had none)")
    func ellNextToDigit() {
        func text(_ s: String) -> Bool { flagged(s.map { symbol(String($0), []) }) }
        #expect(text("tanakal2@mail.example.com"))
        #expect(text("k.itol9@mail.example.com"))
        #expect(text("user2I@example.jp"))
        #expect(text("1l@example.jp"))
        #expect(!text("taro16@example.jp"))
        #expect(!text("m-sato10@mail.example.com"), "l only far from the digits")
        #expect(!text("hanako.l@example.jp"))
        // Only the recognition's text matters here: no symbols read back is the same.
        #expect(FieldReader.letterOrDigit(Recognition(text: "tarol6@example.jp", confidence: 0.9, symbols: [])))
    }

    @Test("An e-mail address whose 1 every read sees as l goes to review (real Tesseract)")
    func serifOne() throws {
        let path = SampleCorpus.root.appendingPathComponent("Tests/YomitoriOCRTests/Fixtures/email-serif.png").path
        let image = try ScanFile(path: path).page(0)
        // The zone is the whole image: template millimetres at the cutter's 300 dpi.
        let ppm = ZoneCutter.pixelsPerMM
        let cutter = ZoneCutter(page: image, transform: AffineTransform(a: ppm, b: 0, c: 0, d: ppm, tx: 0, ty: 0))
        var spec = field(.email)
        spec.zone = RectMM(x: 0, y: 0, width: Double(image.width) / ppm, height: Double(image.height) / ppm)
        spec.padding = 0
        let read = try FieldReader(engines: EngineSet()).read(spec, cutter: cutter)
        #expect(read.value == .text("m-satol0@example.jp"), "the reads agree on the wrong value")
        #expect(read.notes.contains(FieldReader.letterOrDigitNote))
    }
}
