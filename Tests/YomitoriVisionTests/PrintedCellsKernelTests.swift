import Testing
import YomitoriVision

@Suite("Printed cells: white areas closed in by rules")
struct PrintedCellsKernelTests {
    /// A 3 px-per-mm drawing: a table of two rows (one row split in two), a comb of three boxes,
    /// a tick box; text strokes inside the cells; a rule that closes nothing.
    @Test("Table cells, comb boxes and a tick box are found to the block; text and open lines are not cells")
    func cells() {
        var page = GrayImage(width: 300, height: 200, fill: 250)
        func rect(_ x: Int, _ y: Int, _ w: Int, _ h: Int) {  // a 2 px frame around (x, y, w, h) inside
            for t in 0..<2 {
                for xx in (x - 2)..<(x + w + 2) { page[xx, y - 1 - t] = 10; page[xx, y + h + t] = 10 }
                for yy in (y - 2)..<(y + h + 2) { page[x - 1 - t, yy] = 10; page[x + w + t, yy] = 10 }
            }
        }
        rect(20, 20, 200, 30)           // row 1
        rect(20, 52, 98, 30)            // row 2, left
        rect(120, 52, 100, 30)          // row 2, right
        for i in 0..<3 { rect(30 + i * 22, 110, 20, 24) }  // comb boxes, sharing their dividers
        rect(200, 120, 12, 12)          // tick box
        for x in 40..<48 { page[x, 35] = 20 }  // a short stroke of text in row 1: not a rule
        for y in 150..<190 { page[260, y] = 10 }  // a lone line: closes nothing
        let cells = page.printedCells(minimumRule: 10, minimumSide: 6, block: 2)
        let expected = [
            PixelRect(x: 20, y: 20, width: 200, height: 30),
            PixelRect(x: 20, y: 52, width: 98, height: 30), PixelRect(x: 120, y: 52, width: 100, height: 30),
            PixelRect(x: 30, y: 110, width: 20, height: 24), PixelRect(x: 52, y: 110, width: 20, height: 24),
            PixelRect(x: 74, y: 110, width: 20, height: 24), PixelRect(x: 200, y: 120, width: 12, height: 12),
        ]
        #expect(cells.count == expected.count, "\(cells)")
        for (got, want) in zip(cells, expected) {
            // Inside edges exact to a block (2 px): never outside the lines.
            #expect(got.x >= want.x && got.x - want.x < 2 && got.y >= want.y && got.y - want.y < 2, "\(got) vs \(want)")
            #expect(got.maxX <= want.maxX && want.maxX - got.maxX < 2 && got.maxY <= want.maxY && want.maxY - got.maxY < 2, "\(got) vs \(want)")
        }
    }
}
