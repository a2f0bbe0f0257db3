import ArgumentParser
import YomitoriOCR
import YomitoriVision

/// `yomitori zone`: recognise whole image files as single zones (for template authors tuning psm/whitelist).
struct ZoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zone",
        abstract: "Recognise image files as single zones with the given language, psm and whitelist."
    )

    @Option(help: "Tesseract language(s).") var lang = "jpn"
    @Option(help: "Page segmentation mode.") var psm = 7
    @Option(help: "Characters allowed.") var whitelist: String?
    @Argument var files: [String]

    func run() throws {
        let engine = try TesseractEngine(languages: lang)
        let mode = PageSegmentationMode(rawValue: psm) ?? .singleLine
        for path in files {
            let image = try ScanFile(path: path).page(0)
            let rec = engine.recognize(image, mode: mode, whitelist: whitelist)
            let symbols = rec.symbols.map { "\($0.text)(\(Int($0.confidence)))@\($0.box.x)-\($0.box.maxX)h\($0.box.height)" }.joined(separator: " ")
            print("\(path)\t\(rec.text)\t\(String(rec.confidence))\t\(symbols)")
        }
    }
}
