extension GrayImage {
    /// The cells of a printed form: white areas closed in on every side by printed rules — table
    /// cells, comb boxes (マス目), tick boxes — as the rectangles inside their lines, top to bottom.
    ///
    /// This is what a template author measures zones from (`yomitori template cells`). Only ink
    /// runs of at least `minimumRule` pixels count as rules, so printed labels and handwriting
    /// inside a cell do not split it. The rules are gathered on a grid of `block`-pixel squares
    /// and the white areas found there, so edges are exact to a block (a quarter millimetre with
    /// the default 3 px at 300 dpi). Areas touching the page edge (the margin around the form) and
    /// areas that are not nearly rectangular (the gaps between a table and a box beside it) are
    /// left out, and so are areas smaller than `minimumSide` pixels either way.
    public func printedCells(minimumRule: Int, minimumSide: Int, block: Int = 3) -> [PixelRect] {
        guard width > 0, height > 0, block > 0 else { return [] }
        let gw = (width + block - 1) / block, gh = (height + block - 1) / block
        var rule = [Bool](repeating: false, count: gw * gh)
        forEachLongRun(minimumRun: minimumRule, threshold: inkThreshold()) { horizontal, line, span in
            if horizontal {
                for x in span { rule[(line / block) * gw + x / block] = true }
            } else {
                for y in span { rule[(y / block) * gw + line / block] = true }
            }
        }
        // White areas of the grid, 4-connected (a diagonal gap in a corner does not join two cells).
        var seen = rule
        var cells: [PixelRect] = []
        var stack: [Int] = []
        let minimumGrid = max(1, minimumSide / block)
        for start in 0..<(gw * gh) where !seen[start] {
            seen[start] = true
            stack.append(start)
            var count = 0, x0 = gw, y0 = gh, x1 = -1, y1 = -1
            var touchesEdge = false
            while let i = stack.popLast() {
                count += 1
                let x = i % gw, y = i / gw
                x0 = min(x0, x); x1 = max(x1, x); y0 = min(y0, y); y1 = max(y1, y)
                if x == 0 || y == 0 || x == gw - 1 || y == gh - 1 { touchesEdge = true }
                if x > 0, !seen[i - 1] { seen[i - 1] = true; stack.append(i - 1) }
                if x < gw - 1, !seen[i + 1] { seen[i + 1] = true; stack.append(i + 1) }
                if y > 0, !seen[i - gw] { seen[i - gw] = true; stack.append(i - gw) }
                if y < gh - 1, !seen[i + gw] { seen[i + gw] = true; stack.append(i + gw) }
            }
            let cw = x1 - x0 + 1, ch = y1 - y0 + 1
            guard !touchesEdge, cw >= minimumGrid, ch >= minimumGrid, Double(count) >= 0.85 * Double(cw * ch) else { continue }
            cells.append(PixelRect(
                x: x0 * block, y: y0 * block, width: min(width, (x1 + 1) * block) - x0 * block,
                height: min(height, (y1 + 1) * block) - y0 * block
            ))
        }
        // Top to bottom in rows (tops within 4 blocks of the row's first), left to right in a row.
        var ordered: [PixelRect] = [], row: [PixelRect] = []
        for cell in cells.sorted(by: { ($0.y, $0.x) < ($1.y, $1.x) }) {
            if let first = row.first, cell.y - first.y > 4 * block {
                ordered += row.sorted { $0.x < $1.x }
                row = []
            }
            row.append(cell)
        }
        return ordered + row.sorted { $0.x < $1.x }
    }
}
