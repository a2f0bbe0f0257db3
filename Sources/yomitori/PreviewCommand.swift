import ArgumentParser
import Foundation
import YomitoriOCR
import YomitoriPreview
import YomitoriReader
import YomitoriResults
import YomitoriTemplate
import YomitoriVision

/// `yomitori template preview`: draws registered zones and values onto a scan.
struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Draw the registered zones and the values read onto a scan (PNG).",
        discussion: "Blue: accepted; red: review or invalid (as decided by the template's checks and rules); green: ticked box; orange: registration marks. Sensitive values are masked."
    )

    @Option(name: .customLong("template"), help: "Template YAML file.")
    var template: String

    @Option(help: "Output PNG file.")
    var out: String

    @Option(help: "Page of the scan to preview (1-based).")
    var page: Int = 1

    @Argument(help: "A scan of the form.")
    var scan: String

    func run() throws {
        let prepared = try loadTemplates([template])
        let reader = FormReader(templates: prepared)
        let file: ScanFile
        let image: YomitoriVision.GrayImage
        do {
            file = try ScanFile(path: scan)
            image = try file.page(page - 1)
        } catch {
            Console.error("\(error)")
            throw ExitCode(1)
        }
        switch reader.read(image, id: PageID(file: scan, page: page - 1)) {
        case .read(let read):
            guard let tpage = prepared[0].template.pages.first else { throw ExitCode(2) }
            let scan = image.turned(clockwise: read.registration.turnedDegrees ?? 0)
            try PreviewRenderer.write(scan: scan, read: read.maskingSensitive(), page: tpage, to: out)
            let turn = read.registration.turnedDegrees.map { ", scanned turned: read turned \($0)° clockwise" } ?? ""
            print("\(out): \(read.fields.count) fields, residual \(String(format: "%.2f", read.registration.residualMM)) mm\(turn)")
        case .unknownForm(_, let scores, let markersNotFound):
            Console.error("\(scan): page \(page) does not show this form: it " + UnknownFormText.english(scores: scores, markersNotFound: markersNotFound))
            throw ExitCode(1)
        case .failed(_, let error):
            Console.error("\(scan): page \(page): \(error.message)")
            throw ExitCode(1)
        }
    }
}
