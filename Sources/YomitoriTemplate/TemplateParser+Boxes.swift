import YomitoriYAML
import Yams

/// The printed boxes of `comb` (マス目) and `checkbox` / `choice` fields.
extension TemplateParser {
    /// The value of the one option a single-box checkbox (`box:`) gets; the field reads true/false.
    static let singleBoxValue = "true"

    // MARK: - Comb

    /// `boxes:` (one rectangle per printed box) or `count:` (the zone split into equal boxes).
    mutating func parseComb(
        _ keyed: Keyed, into spec: inout FieldSpec, subject: String, page: PageSizeInfo?, hasZone: Bool
    ) {
        switch (keyed["boxes"], keyed["count"]) {
        case (nil, nil):
            reader.error(.combWithoutBoxes, at: keyed.node,
                         "comb \(subject) needs boxes: (one [x, y, width, height] per printed box, left to "
                             + "right) or count: (the zone is split into that many equal boxes)")
        case (.some, .some):
            reader.error(.invalidValue, at: keyed.keyNodes["count"],
                         "\(subject): give either boxes or count, not both")
        case (let boxesNode?, nil):
            guard let items = reader.list(boxesNode, "\(subject): boxes", expected: "a list of [x, y, width, height]")
            else { return }
            if items.isEmpty {
                reader.error(.combWithoutBoxes, at: boxesNode, "comb \(subject) has an empty boxes list")
            }
            for (offset, item) in items.enumerated() {
                let what = "box \(offset + 1) of \(subject)"
                guard let box = reader.rect(item, what) else { continue }
                if let page { reader.checkOnPage(box, item, what, page: page) }
                if hasZone { warnIfOutside(box, item, what, zone: spec.zone) }
                spec.boxes.append(box)
            }
        case (nil, let countNode?):
            guard let count = reader.integer(countNode, "\(subject): count") else { return }
            guard count >= 1 else {
                reader.error(.invalidValue, at: countNode, "\(subject): count must be at least 1, got \(count)")
                return
            }
            if hasZone { spec.boxes = Self.split(spec.zone, into: count) }
        }
    }

    /// `count` equal boxes side by side filling `zone`.
    static func split(_ zone: RectMM, into count: Int) -> [RectMM] {
        let width = zone.width / Double(count)
        return (0..<count).map { index in
            RectMM(x: zone.x + Double(index) * width, y: zone.y, width: width, height: zone.height)
        }
    }

    // MARK: - Checkbox and choice

    /// `options:` (value + box each) or, for a checkbox, `box:` (one box read as true/false);
    /// then `min_checked` / `max_checked`, and the zone defaulting to the boxes' bounding box.
    mutating func parseTickBoxes(
        _ keyed: Keyed, into spec: inout FieldSpec, subject: String, page: PageSizeInfo?, zone: RectMM?
    ) {
        let kind = spec.type.rawValue
        switch (keyed["options"], keyed["box"]) {
        case (nil, nil):
            let hint = spec.type == .choice
                ? "options: (at least 2 entries {value: …, box: [x, y, width, height]})"
                : "options: (a list of {value: …, box: [x, y, width, height]}) or box: (one box, read as true/false)"
            reader.error(.missingOptions, at: keyed.node, "\(kind) \(subject) needs \(hint)")
        case (.some, .some):
            reader.error(.invalidValue, at: keyed.keyNodes["box"],
                         "\(subject): give either options (several boxes) or box (one box), not both")
        case (nil, let boxNode?):
            let what = "\(subject): box"
            guard let box = reader.rect(boxNode, what) else { return }
            if let page { reader.checkOnPage(box, boxNode, "box of \(subject)", page: page) }
            if let zone { warnIfOutside(box, boxNode, "box of \(subject)", zone: zone) }
            spec.options = [CheckboxOption(value: Self.singleBoxValue, box: box)]
        case (let optionsNode?, nil):
            spec.options = parseOptions(optionsNode, subject: subject, page: page, zone: zone)
            checkOptionCount(optionsNode, spec, subject: subject)
        }
        parseCheckedCounts(keyed, into: &spec, subject: subject)
        if zone == nil, let first = spec.options.first?.box {
            spec.zone = spec.options.dropFirst().reduce(first) { union($0, $1.box) }
        }
    }

    private mutating func parseOptions(
        _ node: Node, subject: String, page: PageSizeInfo?, zone: RectMM?
    ) -> [CheckboxOption] {
        guard let items = reader.list(node, "\(subject): options", expected: "a list of {value: …, box: […]}")
        else { return [] }
        var options: [CheckboxOption] = []
        var firstLine: [String: Int] = [:]
        for (offset, item) in items.enumerated() {
            let optionSubject = "\(subject) option \(offset + 1)"
            guard let keyed = reader.mapping(item, TemplateKeys.option, subject: optionSubject) else { continue }
            let value = keyed["value"].flatMap { reader.text($0, "\(optionSubject): value") }
            let box = keyed["box"].flatMap { reader.rect($0, "\(optionSubject): box") }
            if let value, let valueNode = keyed["value"] {
                if value.isEmpty {
                    reader.error(.invalidValue, at: valueNode, "\(optionSubject): value must not be empty")
                } else if let line = firstLine[value] {
                    reader.error(.invalidValue, at: valueNode,
                                 "\(subject): option value '\(value)' is listed twice (first at line \(line))")
                } else {
                    firstLine[value] = valueNode.mark?.line ?? 0
                }
            }
            if let box, let boxNode = keyed["box"] {
                let what = "box of \(optionSubject)"
                if let page { reader.checkOnPage(box, boxNode, what, page: page) }
                if let zone { warnIfOutside(box, boxNode, what, zone: zone) }
            }
            if let value, let box { options.append(CheckboxOption(value: value, box: box)) }
        }
        return options
    }

    /// A choice needs two options; a checkbox with one should say `box:` so it reads as true/false.
    private mutating func checkOptionCount(_ node: Node, _ spec: FieldSpec, subject: String) {
        guard let count = node.sequence?.count, count < 2 else { return }
        if spec.type == .choice {
            reader.error(.missingOptions, at: node,
                         "choice \(subject) needs at least 2 options, got \(count); "
                             + "for a single box use type: checkbox with box: [x, y, width, height]")
        } else if count == 1 {
            reader.error(.missingOptions, at: node,
                         "checkbox \(subject) has 1 option; write a single box as box: [x, y, width, height] "
                             + "(read as true/false) or list at least 2 options")
        } else {
            reader.error(.missingOptions, at: node, "checkbox \(subject) has an empty options list")
        }
    }

    /// `min_checked` ≤ `max_checked` ≤ number of options.
    private mutating func parseCheckedCounts(_ keyed: Keyed, into spec: inout FieldSpec, subject: String) {
        let minNode = keyed["min_checked"], maxNode = keyed["max_checked"]
        guard minNode != nil || maxNode != nil else { return }
        if keyed["box"] != nil {
            reader.error(.notApplicable, at: keyed.keyNodes["min_checked"] ?? keyed.keyNodes["max_checked"],
                         "\(subject): min_checked and max_checked need options; a single box is just true/false")
            return
        }
        let minimum = minNode.flatMap { reader.integer($0, "\(subject): min_checked") }
        let maximum = maxNode.flatMap { reader.integer($0, "\(subject): max_checked") }
        let optionCount = spec.options.count
        if let minimum, let minNode {
            if minimum < 0 {
                reader.error(.checkedCountRange, at: minNode, "\(subject): min_checked must be 0 or more, got \(minimum)")
            } else if optionCount >= 2, minimum > optionCount {
                reader.error(.checkedCountRange, at: minNode,
                             "\(subject): min_checked is \(minimum) but there are only \(optionCount) options")
            }
        }
        if let maximum, let maxNode {
            if maximum < 1 {
                reader.error(.checkedCountRange, at: maxNode, "\(subject): max_checked must be 1 or more, got \(maximum)")
            } else if optionCount >= 2, maximum > optionCount {
                reader.error(.checkedCountRange, at: maxNode,
                             "\(subject): max_checked is \(maximum) but there are only \(optionCount) options")
            }
        }
        if let minimum, let maximum, minimum > maximum {
            reader.error(.checkedCountRange, at: minNode,
                         "\(subject): min_checked (\(minimum)) is greater than max_checked (\(maximum))")
        }
        spec.minChecked = minimum
        spec.maxChecked = maximum
    }

    // MARK: - Geometry helpers

    /// Warns when a box is not entirely inside its field's zone (usually a typo in one number).
    mutating func warnIfOutside(_ box: RectMM, _ node: Node, _ what: String, zone: RectMM) {
        let tolerance = 1e-6
        let inside = box.x >= zone.x - tolerance && box.y >= zone.y - tolerance
            && box.x + box.width <= zone.x + zone.width + tolerance
            && box.y + box.height <= zone.y + zone.height + tolerance
        guard !inside else { return }
        reader.warning(.boxOutsideZone, at: node,
                       "\(what) \(format(box)) is not inside the field's zone \(format(zone))")
    }
}

/// The smallest rectangle containing both.
func union(_ a: RectMM, _ b: RectMM) -> RectMM {
    let minX = min(a.x, b.x), minY = min(a.y, b.y)
    let maxX = max(a.x + a.width, b.x + b.width), maxY = max(a.y + a.height, b.y + b.height)
    return RectMM(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
}
