import Foundation
import Synchronization
import Testing
import YomitoriOCR
import YomitoriVision

@Suite("Tesseract engine")
struct TesseractEngineTests {
    @Test("Reads digits with a whitelist, reusing one engine")
    func readsDigits() throws {
        let engine = try TesseractEngine(languages: "eng")
        let image = try digitsImage()
        for _ in 0..<3 {
            let rec = engine.recognize(image, mode: .singleLine, whitelist: "0123456789")
            #expect(rec.text == "2024")
            #expect(rec.confidence > 0.5)
            #expect(rec.symbols.map(\.text).joined() == "2024")
        }
        // The whitelist is cleared when not given.
        let free = engine.recognize(image, mode: .singleLine)
        #expect(free.text.contains("2024"))
    }

    @Test("Alternatives: a serif 1 read as l carries 1 as its runner-up; asking for them changes no read")
    func alternatives() throws {
        // An e-mail zone from a degraded holdout scan (Noto Serif CJK JP): "m-sato10@example.jp",
        // which the eng model reads as "m-satol0…" at every scale.
        let image = try fixtureImage("email-serif.png")
        let whitelist = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@._-+"
        let engine = try TesseractEngine(languages: "eng")
        let plain = engine.recognize(image, mode: .singleLine, whitelist: whitelist, detail: .symbols)
        let detailed = engine.recognize(image, mode: .singleLine, whitelist: whitelist, detail: .alternatives)
        let again = engine.recognize(image, mode: .singleLine, whitelist: whitelist, detail: .symbols)
        #expect(plain.text == "m-satol0@example.jp")
        #expect(detailed.text == plain.text && detailed.confidence == plain.confidence)
        #expect(detailed.symbols.map(\.confidence) == plain.symbols.map(\.confidence))
        #expect(again == plain, "choices off again: the same result as before")
        #expect(plain.symbols.filter { !$0.alternatives.isEmpty }.isEmpty)
        // Each symbol's alternatives start with the symbol itself.
        let firsts = detailed.symbols.map { $0.alternatives.first?.text ?? "" }
        #expect(firsts == detailed.symbols.map(\.text))
        let l = try #require(detailed.symbols.dropFirst(6).first)
        #expect(l.text == "l")
        let one = try #require(l.alternatives.first { $0.text == "1" }, "\(l.alternatives)")
        #expect(one.confidence > 30 && one.confidence < l.alternatives[0].confidence)
    }

    @Test("Engines created on several threads at once read exactly as one created alone")
    func parallelCreation() throws {
        let image = try digitsImage()
        @Sendable func read(with engine: TesseractEngine) -> String {
            let rec = engine.recognize(image, mode: .singleLine, whitelist: "0123456789")
            return "\(rec.text) \(rec.confidence) \(rec.symbols.map(\.text))"
        }
        let alone = try read(with: TesseractEngine(languages: "eng"))
        #expect(alone.hasPrefix("2024 "))
        // Workers create engines at the same time (yomitori run starts them together); the
        // language sets a worker loads, four workers, three rounds.
        let languages = ["eng", "jpn", "script/Japanese", "jpn+eng"]
        for _ in 0..<3 {
            let results = Mutex<[Int: String]>([:])
            DispatchQueue.concurrentPerform(iterations: 4 * languages.count) { i in
                let set = languages[i % languages.count]
                do {
                    let engine = try TesseractEngine(languages: set)
                    let text = set == "eng" ? read(with: engine) : engine.recognize(image, mode: .singleLine).text
                    results.withLock { $0[i] = text }
                } catch {
                    results.withLock { $0[i] = "error: \(error)" }
                }
            }
            let all = results.withLock { $0 }
            #expect(all.count == 4 * languages.count)
            for (i, text) in all {
                if languages[i % languages.count] == "eng" {
                    #expect(text == alone, "engine \(i)")
                } else {
                    #expect(text.contains("2024"), "engine \(i) (\(languages[i % languages.count])): \(text)")
                }
            }
        }
    }

    @Test("A blank image is an empty result, not an error")
    func blank() throws {
        let engine = try TesseractEngine(languages: "eng")
        let rec = engine.recognize(GrayImage(width: 200, height: 60, dpi: 300))
        #expect(rec.text.isEmpty)
    }

    @Test("A missing language names the apt package")
    func missingLanguage() {
        do {
            _ = try TesseractEngine(languages: "klingon")
            Issue.record("an unknown language was accepted")
        } catch let error as OCRError {
            #expect(error.code == .missingLanguage)
            #expect(error.message.contains("klingon"))
            #expect(error.message.contains("apt-get install tesseract-ocr-klingon"))
        } catch {
            Issue.record("unexpected \(error)")
        }
        #expect(TesseractEngine.debianPackage(for: "script/Japanese") == "tesseract-ocr-script-jpan")
        #expect(TesseractEngine.debianPackage(for: "Japanese") == "tesseract-ocr-script-jpan")
        #expect(TesseractEngine.debianPackage(for: "jpn_vert") == "tesseract-ocr-jpn-vert")
    }
}
