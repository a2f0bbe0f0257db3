import ArgumentParser
import Foundation
import YomitoriOCR
import YomitoriVision

/// `yomitori template cells`: the printed cells of a blank form in millimetres, to write zones from.
struct CellsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cells",
        abstract: "List the printed cells of a blank scan (table cells, comb boxes, tick boxes) in millimetres.",
        discussion: """
        Each line is one white area closed in by printed lines, top to bottom and left to right: the \
        inside edges of its lines as [x, y, width, height] in mm from the top-left corner of the scan, \
        and a zone 0.5 mm further in, ready for a template. Lines shorter than --rule mm (text, \
        handwriting) do not count. Exit status: 0 cells found; 1 none found or the scan cannot be read.
        """
    )

    @Option(help: "Resolution of the scan when the file does not say (dots per inch).")
    var dpi: Double = 300

    @Option(help: "Shortest printed line that bounds a cell (mm).")
    var rule: Double = 3

    @Option(help: "Smallest cell side listed (mm).")
    var smallest: Double = 2.5

    @Argument(help: "A blank scan of the form (300 dpi, greyscale, 100 % scale).")
    var scan: String

    func run() throws {
        let image: GrayImage
        do {
            image = try ScanFile(path: scan).page(0)
        } catch {
            Console.error("\(error)")
            throw ExitCode(1)
        }
        let dpi = image.dpi > 0 ? image.dpi : self.dpi
        let ppm = dpi / 25.4
        let cells = image.printedCells(
            minimumRule: max(2, Int((rule * ppm).rounded())), minimumSide: max(1, Int((smallest * ppm).rounded())),
            block: max(1, Int((ppm / 4).rounded()))
        )
        let name = (scan as NSString).lastPathComponent
        guard !cells.isEmpty else {
            Console.error("\(scan): no printed cells found (no closed frames of lines at least \(rule) mm long)")
            throw ExitCode(1)
        }
        func mm(_ px: Int) -> Double { Double(px) / ppm }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        print(String(format: "# %@: %d cells at %.0f dpi (%@ × %@ mm); [x, y, width, height] in mm", name, cells.count, dpi,
                     f(mm(image.width)), f(mm(image.height))))
        for (n, cell) in cells.enumerated() {
            let x = mm(cell.x), y = mm(cell.y), w = mm(cell.width), h = mm(cell.height)
            let inner = "[\(f(x)), \(f(y)), \(f(w)), \(f(h))]"
            let zone = w > 1.5 && h > 1.5 ? "[\(f(x + 0.5)), \(f(y + 0.5)), \(f(w - 1)), \(f(h - 1))]" : inner
            print("cell \(n + 1): \(inner)  zone: \(zone)")
        }
    }
}
