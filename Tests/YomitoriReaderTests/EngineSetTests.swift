import Foundation
import Testing
import YomitoriOCR
import YomitoriVision
@testable import YomitoriReader

/// A worker's engines: created together on parallel threads by `preload`, each once.
@Suite("EngineSet")
struct EngineSetTests {
    @Test("preload creates every installed language set once, on parallel threads; a missing optional one is remembered, not thrown")
    func preloadOptional() throws {
        let engines = EngineSet()
        try engines.preload(["jpn", "eng"], optional: ["script/Japanese", "klingon", "eng"], threads: 3)
        #expect(engines.languages == ["eng", "jpn", "script/Japanese"])
        let jpn = try engines.engine(for: "jpn")
        try engines.preload(["jpn"])
        #expect(try engines.engine(for: "jpn") === jpn, "a second preload creates nothing")
        #expect(engines.count == 3)
        #expect(throws: OCRError.self) { try engines.engine(for: "klingon") }
    }

    @Test("preload throws for the first missing required language, after creating the others")
    func preloadMissing() {
        let engines = EngineSet()
        do {
            try engines.preload(["eng", "klingon", "vulcan"], threads: 2)
            Issue.record("missing languages were accepted")
        } catch let error as OCRError {
            #expect(error.code == .missingLanguage)
            #expect(error.message.contains("klingon"), "\(error.message)")
        } catch {
            Issue.record("unexpected \(error)")
        }
        #expect(engines.languages == ["eng"])
        #expect(throws: OCRError.self) { try engines.engine(for: "vulcan") }
    }

    @Test("engines created together read as one created alone")
    func parallelEnginesRead() throws {
        let engines = EngineSet()
        try engines.preload(["eng", "jpn"], optional: ["script/Japanese"], threads: 2)
        // A printed line of a committed sample scan (the furigana row of a_juminhyo).
        let page = try ScanFile(path: SampleCorpus.scans.appendingPathComponent("a_juminhyo-clean-01.png").path).page(0)
        let image = page.cropped(to: PixelRect(x: 200, y: 600, width: 1200, height: 160))
        let together = try engines.engine(for: "jpn").recognize(image, mode: .singleBlock)
        let alone = try TesseractEngine(languages: "jpn").recognize(image, mode: .singleBlock)
        #expect(together.text == alone.text && together.confidence == alone.confidence)
        #expect(!together.text.isEmpty)
    }
}
