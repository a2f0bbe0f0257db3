import Yams
import YomitoriYAML

/// The template format reads its YAML with the shared ``YAMLReader``; these are the readers only
/// templates need (rectangles in millimetres on a page).
typealias NodeReader = YAMLReader
typealias Keyed = YAMLKeyed

extension YAMLReader {
    /// A reader for a template file, knowing every mapping of the template format.
    init(templateFile file: String) {
        self.init(file: file, keyTables: TemplateKeys.all.map(\.yaml))
    }

    /// The keys of a mapping node, after checking them against a template key table.
    mutating func mapping(_ node: Node, _ table: KeyTable, subject: String) -> Keyed? {
        mapping(node, table.yaml, subject: subject)
    }

    // MARK: - Geometry

    /// `[x, y, width, height]` in millimetres, with a positive width and height.
    mutating func rect(_ node: Node, _ what: String) -> RectMM? {
        let values = node.sequence.map { $0.compactMap(\.plainNumber) } ?? []
        guard values.count == 4, node.sequence?.count == 4 else {
            error(.wrongType, at: node, "\(what) must be [x, y, width, height] in mm, got \(describe(node))")
            return nil
        }
        let rect = RectMM(x: values[0], y: values[1], width: values[2], height: values[3])
        guard rect.width > 0, rect.height > 0 else {
            let side = rect.width > 0 ? "height" : "width"
            let value = rect.width > 0 ? rect.height : rect.width
            error(.nonPositiveSize, at: node, "\(what) \(side) must be positive, got \(format(value)) mm")
            return nil
        }
        return rect
    }

    /// Reports a rectangle that is not entirely on the page.
    ///
    /// `what` names the rectangle (`zone of field 'name'`); the message gives the page size
    /// and the edge that is off, so the author knows which number to fix.
    mutating func checkOnPage(_ rect: RectMM, _ node: Node, _ what: String, page: PageSizeInfo) {
        let tolerance = 1e-6
        var problems: [String] = []
        if rect.x < -tolerance { problems.append("its left edge is at x = \(format(rect.x)) mm") }
        if rect.y < -tolerance { problems.append("its top edge is at y = \(format(rect.y)) mm") }
        if rect.x + rect.width > page.size.width + tolerance {
            problems.append("its right edge is at x = \(format(rect.x + rect.width)) mm")
        }
        if rect.y + rect.height > page.size.height + tolerance {
            problems.append("its bottom edge is at y = \(format(rect.y + rect.height)) mm")
        }
        guard !problems.isEmpty else { return }
        // Far beyond the page: most likely measured in pixels of the blank scan.
        let pixels = rect.x + rect.width > 2 * page.size.width || rect.y + rect.height > 2 * page.size.height
        error(.offPage, at: node,
              "\(what) \(format(rect)) is off the page (\(page.name)): "
                  + problems.joined(separator: " and ")
                  + (pixels ? "; positions are millimetres from the top-left corner, not pixels (1 mm = 11.8 px at 300 dpi)" : ""))
    }
}

/// The page a rectangle must fit on, with how to name it in messages (`A4, 210 × 297 mm`).
struct PageSizeInfo {
    let size: SizeMM
    let name: String
}

// MARK: - Formatting

/// A number as a template author would write it: `54.6`, `210`, not `210.0`.
func format(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
}

/// A rectangle as it is written in a template: `[54.6, 42.6, 136.8, 11.8]`.
func format(_ rect: RectMM) -> String {
    "[" + [rect.x, rect.y, rect.width, rect.height].map(format).joined(separator: ", ") + "]"
}

extension RectMM {
    /// As written in a template, `[54.6, 42.6, 136.8, 11.8]`, for messages outside the parser.
    public var templateText: String { format(self) }
}

