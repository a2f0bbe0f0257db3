import Foundation

/// `bench/results/<date>.svg`, drawn here (no plotting tools): pages/s against worker count next to
/// the Tesseract-only ceiling, linear scaling and the naive baseline; and a stacked bar of where
/// the time per page goes.
enum SVGChart {
    static let width = 960.0, height = 440.0

    static func render(_ r: BenchResults) -> String {
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif" font-size="12">
        <rect width="100%" height="100%" fill="white"/>
        <text x="20" y="24" font-size="16" font-weight="bold">yomitori benchmark \(r.date) — \(escape(r.machine.cpuModel)), \(r.machine.nproc) cores</text>

        """
        svg += throughputPanel(r, x: 20, y: 50, w: 440, h: 360)
        svg += stagesPanel(r, x: 500, y: 50, w: 440, h: 360)
        return svg + "</svg>\n"
    }

    // MARK: - Throughput against workers

    static func throughputPanel(_ r: BenchResults, x: Double, y: Double, w: Double, h: Double) -> String {
        var s = "<text x=\"\(x)\" y=\"\(y)\" font-weight=\"bold\">Pages per second against workers</text>\n"
        guard let rows = r.throughput, !rows.isEmpty else { return s + "<text x=\"\(x)\" y=\"\(y + 30)\">not measured</text>\n" }
        let left = x + 50, top = y + 20, plotW = w - 70, plotH = h - 110
        let maxWorkers = Double(rows.map(\.workers).max() ?? 1)
        let one = rows.first { $0.workers == 1 }
        // Ceiling: the same pages if every worker did nothing but TessBaseAPIRecognize.
        let ceiling = rows.map { (Double($0.workers), $0.recognitionSeconds > 0 ? Double($0.pages) * Double($0.workers) / $0.recognitionSeconds : 0) }
        let measured = rows.map { (Double($0.workers), $0.pagesPerSecond) }
        let linear = one.map { o in rows.map { (Double($0.workers), o.pagesPerSecond * Double($0.workers)) } } ?? []
        let naive = r.naive?.pagesPerSecond
        let top0 = ([ceiling, measured, linear].flatMap { $0.map(\.1) } + [naive ?? 0]).max() ?? 1
        let yMax = niceCeiling(top0 * 1.1)
        func px(_ v: Double) -> Double { round1(left + (maxWorkers > 1 ? (v - 1) / (maxWorkers - 1) : 0.5) * plotW) }
        func py(_ v: Double) -> Double { round1(top + plotH - v / yMax * plotH) }

        s += "<line x1=\"\(left)\" y1=\"\(top + plotH)\" x2=\"\(left + plotW)\" y2=\"\(top + plotH)\" stroke=\"black\"/>\n"
        s += "<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(top + plotH)\" stroke=\"black\"/>\n"
        for i in 0...4 {
            let v = yMax * Double(i) / 4
            s += "<line x1=\"\(left - 4)\" y1=\"\(py(v))\" x2=\"\(left + plotW)\" y2=\"\(py(v))\" stroke=\"#e5e5e5\"/>\n"
            s += "<text x=\"\(left - 8)\" y=\"\(py(v) + 4)\" text-anchor=\"end\">\(fmt(v))</text>\n"
        }
        for row in rows {
            s += "<text x=\"\(px(Double(row.workers)))\" y=\"\(top + plotH + 18)\" text-anchor=\"middle\">\(row.workers)</text>\n"
        }
        s += "<text x=\"\(left + plotW / 2)\" y=\"\(top + plotH + 36)\" text-anchor=\"middle\">workers (threads, one FormReader each)</text>\n"
        s += "<text x=\"\(x + 10)\" y=\"\(top + plotH / 2)\" text-anchor=\"middle\" transform=\"rotate(-90 \(x + 10) \(top + plotH / 2))\">pages/s</text>\n"

        func line(_ points: [(Double, Double)], color: String, dash: String? = nil, label: String) -> String {
            guard !points.isEmpty else { return "" }
            let path = points.map { "\(px($0.0)),\(py($0.1))" }.joined(separator: " ")
            var out = "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"\(dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")><title>\(label)</title></polyline>\n"
            for p in points {
                out += "<circle cx=\"\(px(p.0))\" cy=\"\(py(p.1))\" r=\"3.5\" fill=\"\(color)\"><title>\(label): \(fmt(p.1)) pages/s</title></circle>\n"
                out += "<text x=\"\(px(p.0) + 6)\" y=\"\(py(p.1) - 6)\" fill=\"\(color)\" font-size=\"11\">\(fmt(p.1))</text>\n"
            }
            return out
        }
        s += line(ceiling, color: "#888888", dash: "2,3", label: "ceiling: Tesseract recognition only")
        s += line(linear, color: "#9ecae1", dash: "6,4", label: "linear scaling of 1 worker")
        s += line(measured, color: "#08519c", label: "yomitori FormReader")
        if let naive {
            s += "<line x1=\"\(left)\" y1=\"\(py(naive))\" x2=\"\(left + plotW)\" y2=\"\(py(naive))\" stroke=\"#d62728\" stroke-width=\"2\" stroke-dasharray=\"4,2\"/>\n"
            s += "<text x=\"\(left + plotW - 4)\" y=\"\(py(naive) - 5)\" fill=\"#d62728\" text-anchor=\"end\" font-size=\"11\">naive: tesseract CLI per field \(fmt(naive))</text>\n"
        }
        let legend: [(String, String, String?)] = [
            ("#08519c", "yomitori (measured)", nil), ("#888888", "ceiling: Tesseract recognition alone", "2,3"),
            ("#9ecae1", "1 worker × workers", "6,4"), ("#d62728", "naive script, 1 process", "4,2"),
        ]
        for (i, item) in legend.enumerated() {
            let ly = top + plotH + 56 + Double(i / 2) * 18, lx = left + Double(i % 2) * 200
            s += "<line x1=\"\(lx)\" y1=\"\(ly - 4)\" x2=\"\(lx + 24)\" y2=\"\(ly - 4)\" stroke=\"\(item.0)\" stroke-width=\"2\"\(item.2.map { " stroke-dasharray=\"\($0)\"" } ?? "")/>\n"
            s += "<text x=\"\(lx + 30)\" y=\"\(ly)\">\(item.1)</text>\n"
        }
        return s
    }

    // MARK: - Where the time per page goes

    static let colors = ["#6baed6", "#fd8d3c", "#74c476", "#9e9ac8", "#bdbdbd", "#e377c2", "#17becf"]

    static func stagesPanel(_ r: BenchResults, x: Double, y: Double, w: Double, h: Double) -> String {
        var s = "<text x=\"\(x)\" y=\"\(y)\" font-weight=\"bold\">Where the time per page goes (1 worker)</text>\n"
        guard let p = r.profile else { return s + "<text x=\"\(x)\" y=\"\(y + 30)\">not measured</text>\n" }
        let stages = p.stages.filter { $0.secondsPerPage > 0 }
        let total = stages.reduce(0) { $0 + $1.secondsPerPage }
        guard total > 0 else { return s }
        let barX = x + 10, barY = y + 30, barW = w - 20, barH = 44.0
        var cursor = barX
        for (i, stage) in stages.enumerated() {
            let segment = round1(stage.secondsPerPage / total * barW)
            s += "<rect x=\"\(cursor)\" y=\"\(barY)\" width=\"\(max(0.5, segment))\" height=\"\(barH)\" fill=\"\(colors[i % colors.count])\" stroke=\"white\">"
            s += "<title>\(escape(stage.name)): \(fmt(stage.secondsPerPage * 1000)) ms/page</title></rect>\n"
            if segment > 40 {
                s += "<text x=\"\(cursor + segment / 2)\" y=\"\(barY + barH / 2 + 4)\" text-anchor=\"middle\" font-size=\"11\">\(Int((stage.share * 100).rounded())) %</text>\n"
            }
            cursor += segment
        }
        s += "<text x=\"\(barX)\" y=\"\(barY + barH + 18)\">0</text>\n"
        s += "<text x=\"\(barX + barW)\" y=\"\(barY + barH + 18)\" text-anchor=\"end\">\(fmt(total * 1000)) ms/page</text>\n"
        for (i, stage) in stages.enumerated() {
            let ly = barY + barH + 48 + Double(i) * 22
            s += "<rect x=\"\(barX)\" y=\"\(ly - 11)\" width=\"14\" height=\"14\" fill=\"\(colors[i % colors.count])\"/>\n"
            s += "<text x=\"\(barX + 22)\" y=\"\(ly)\">\(escape(stage.name))</text>\n"
            s += "<text x=\"\(barX + barW)\" y=\"\(ly)\" text-anchor=\"end\">\(fmt(stage.secondsPerPage * 1000)) ms (\(fmt(stage.share * 100)) %)</text>\n"
        }
        let noteY = barY + barH + 48 + Double(stages.count) * 22 + 10
        s += "<text x=\"\(barX)\" y=\"\(noteY)\" font-size=\"11\" fill=\"#555\">\(fmt(p.recognitionsPerPage)) recognitions/page, \(fmt(p.msPerRecognition)) ms each; \(p.pages) pages</text>\n"
        return s
    }

    static func round1(_ v: Double) -> Double { (v * 10).rounded() / 10 }

    static func niceCeiling(_ v: Double) -> Double {
        guard v > 0 else { return 1 }
        let magnitude = pow(10, floor(log10(v)))
        for step in [1.0, 2, 2.5, 5, 10] where step * magnitude >= v { return step * magnitude }
        return 10 * magnitude
    }

    static func fmt(_ v: Double) -> String {
        v >= 100 ? String(format: "%.0f", v) : v >= 10 ? String(format: "%.1f", v) : String(format: "%.2f", v)
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
