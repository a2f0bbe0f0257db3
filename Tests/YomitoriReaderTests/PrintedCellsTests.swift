import Foundation
import Testing
import YomitoriOCR
import YomitoriTemplate
import YomitoriVision

/// `yomitori template cells` on the committed blank forms: the cells it lists are where the
/// sample templates' zones were measured (independently, from the forms' field lists).
@Suite("Printed cells of the blank sample forms")
struct PrintedCellsTests {
    static let ppm = 300 / 25.4

    /// Every single-line zone, comb box and tick box of each sample template lies inside one
    /// printed cell, less than 1 mm from each of its edges: a newcomer who copies the cell's
    /// `zone:` gets the zone the samples use, to within a millimetre.
    @Test("Each zone, comb box and tick box of the sample templates sits in a listed cell, within 1 mm of its edges",
          arguments: ["a_juminhyo", "b_jido_koza", "c_tennyu"])
    func zonesSitInCells(form: String) throws {
        let template = try TemplateLoader.load(path: SampleCorpus.root.appendingPathComponent("samples/templates/\(form).yaml").path)
        let blank = try ScanFile(path: SampleCorpus.root.appendingPathComponent("samples/forms/\(form).blank.png").path).page(0)
        let cells = blank.printedCells(minimumRule: Int(3 * Self.ppm), minimumSide: Int(2.5 * Self.ppm)).map { cell in
            RectMM(x: Double(cell.x) / Self.ppm, y: Double(cell.y) / Self.ppm,
                   width: Double(cell.width) / Self.ppm, height: Double(cell.height) / Self.ppm)
        }
        #expect(cells.count >= 10, "\(form): \(cells.count) cells")
        // (name, rectangle, how far it may reach outside the cell): the samples give a tick box as
        // the printed square with its lines, 0.2–0.4 mm outside the inside edges a cell has.
        var rects: [(String, RectMM, Double)] = []
        for field in template.pages[0].fields {
            switch field.type {
            case .checkbox, .choice: rects += field.options.map { ("\(field.name) \($0.value)", $0.box, 0.5) }
            case .comb where !field.boxes.isEmpty: rects += field.boxes.enumerated().map { ("\(field.name) box \($0.offset)", $0.element, 0.3) }
            default: rects.append((field.name, field.zone, 0.3))
            }
        }
        for (name, rect, outside) in rects {
            let fits = cells.contains { cell in
                let left = rect.x - cell.x, top = rect.y - cell.y
                let right = cell.x + cell.width - (rect.x + rect.width), bottom = cell.y + cell.height - (rect.y + rect.height)
                return [left, top, right, bottom].allSatisfy { $0 > -outside && $0 < 1.0 }
            }
            #expect(fits, "\(form) \(name) \(rect): no cell within 1 mm around it")
        }
    }
}
