import YomitoriYAML
/// Checks that need every field at once: unique names and zones that do not sit on each other.
extension TemplateParser {
    /// The share of the smaller zone two fields may share before it is worth a warning.
    static let overlapWarningRatio = 0.5

    mutating func checkFieldsAcrossPages() {
        var firstByName: [String: ParsedField] = [:]
        for field in parsedFields {
            let name = field.spec.name
            if let first = firstByName[name] {
                let line = first.spec.sourceLine.map { " (first defined at line \($0))" } ?? ""
                reader.error(.duplicateFieldName, at: field.nameNode,
                             "duplicate field name '\(name)'\(line); field names must be unique in a template")
            } else {
                firstByName[name] = field
            }
        }
        for (index, later) in parsedFields.enumerated() {
            guard let zoneNode = later.zoneNode else { continue }
            for earlier in parsedFields[..<index] where earlier.pageIndex == later.pageIndex && earlier.zoneNode != nil {
                let ratio = overlapRatio(earlier.spec.zone, later.spec.zone)
                guard ratio > Self.overlapWarningRatio else { continue }
                let line = earlier.spec.sourceLine.map { " (line \($0))" } ?? ""
                reader.warning(.overlappingZones, at: zoneNode,
                               "zones of fields '\(earlier.spec.name)'\(line) and '\(later.spec.name)' overlap by "
                                   + "\(Int((ratio * 100).rounded()))% of the smaller one; "
                                   + "each field should have its own writing area")
            }
        }
    }
}

/// Intersection area over the smaller rectangle's area (0 when they do not touch).
func overlapRatio(_ a: RectMM, _ b: RectMM) -> Double {
    let width = min(a.x + a.width, b.x + b.width) - max(a.x, b.x)
    let height = min(a.y + a.height, b.y + b.height) - max(a.y, b.y)
    guard width > 0, height > 0 else { return 0 }
    return width * height / min(a.width * a.height, b.width * b.height)
}
