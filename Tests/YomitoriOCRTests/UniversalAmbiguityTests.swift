import CUniversalAmbigs
import Testing
@testable import YomitoriOCR

/// Engines yomitori starts (LSTM only) skip the legacy engine's universal ambiguity table
/// (CUniversalAmbigs); any other engine in the process still gets Tesseract's own.
@Suite("Tesseract's universal ambiguities", .serialized)
struct UniversalAmbiguityTests {
    @Test("A worker's engine starts without the table, once per language, and reads as before")
    func skippedForWorkers() throws {
        let before = TesseractEngine.universalAmbiguitiesSkipped
        let loadedBefore = yomitori_universal_ambigs_loaded_count()
        let engine = try TesseractEngine(languages: "jpn+eng")
        #expect(TesseractEngine.universalAmbiguitiesSkipped == before + 2)
        #expect(yomitori_universal_ambigs_loaded_count() == loadedBefore)
        let digits = try TesseractEngine(languages: "eng")
        #expect(TesseractEngine.universalAmbiguitiesSkipped == before + 3)
        #expect(digits.recognize(try digitsImage(), mode: .singleLine, whitelist: "0123456789").text == "2024")
        _ = engine
    }

    @Test("Engines started outside the bracket get Tesseract's own table")
    func loadedElsewhere() throws {
        let image = try digitsImage()
        let counts = onAnotherThread { () -> (skipped: Int, loaded: Int, text: String?) in
            let read = try? PlainRead.read(image)
            return (yomitori_universal_ambigs_skipped_count(), yomitori_universal_ambigs_loaded_count(), read?.text)
        }
        #expect(counts.skipped == 0)
        #expect(counts.loaded == 1)
        #expect(counts.text == "2024")
    }
}
