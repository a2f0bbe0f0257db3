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
        let path = Bundle.module.path(forResource: "Fixtures/digits.png", ofType: nil) ?? ""
        let image = try ScanFile(path: path).page(0)
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

    @Test("Engines created on several threads at once read exactly as one created alone")
    func parallelCreation() throws {
        let path = Bundle.module.path(forResource: "Fixtures/digits.png", ofType: nil) ?? ""
        let image = try ScanFile(path: path).page(0)
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
