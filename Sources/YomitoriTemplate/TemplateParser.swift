import YomitoriYAML
import Foundation
import Yams

/// Turns a composed YAML tree into a ``Template``, reporting every problem through its ``NodeReader``.
///
/// Parsing is best-effort: a bad value is reported and left out, and parsing goes on so one
/// run lists every mistake. The result is only used when no error was reported.
struct TemplateParser {
    var reader: NodeReader
    /// Directory of the template file; `reference_image` is relative to it.
    let directory: URL
    /// Every field parsed so far, with where it was written (for cross-field checks).
    var parsedFields: [ParsedField] = []
    /// Every field named by a rule so far, checked when all fields are known.
    var fieldReferences: [FieldReference] = []

    init(file: String) {
        reader = NodeReader(templateFile: file)
        directory = URL(fileURLWithPath: file).deletingLastPathComponent()
    }

    // MARK: - Template

    mutating func parseTemplate(_ root: Node) -> Template? {
        guard let keyed = reader.mapping(root, TemplateKeys.template, subject: "the template") else { return nil }
        let id = keyed["template"].flatMap { parseIdentifier($0) }
        let title = keyed["title"].flatMap { reader.text($0, "title") } ?? ""
        let pages = parsePages(keyed)
        if pages != nil, parsedFields.isEmpty, !reader.hasErrors {
            reader.error(.missingKey, at: root, "the template has no fields; list them under page: fields:")
        }
        checkFieldsAcrossPages()
        checkFieldReferences()
        guard let id, let pages else { return nil }
        return Template(id: id, title: title, pages: pages, sourcePath: reader.file)
    }

    private mutating func parseIdentifier(_ node: Node) -> String? {
        guard let id = reader.text(node, "template") else { return nil }
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789_-")
        guard !id.isEmpty, id.allSatisfy(allowed.contains) else {
            reader.error(.invalidValue, at: node,
                         "template id '\(id)' must use only a-z, 0-9, _ and - (e.g. a_juminhyo)")
            return nil
        }
        return id
    }

    /// `page:` (one mapping) or `pages:` (a list of them), exactly one of the two.
    private mutating func parsePages(_ keyed: Keyed) -> [TemplatePage]? {
        switch (keyed["page"], keyed["pages"]) {
        case (nil, nil):
            reader.error(.missingKey, at: keyed.node,
                         "the template is missing required key 'page' (or 'pages' for a multi-page form)")
            return nil
        case (.some, .some):
            reader.error(.invalidValue, at: keyed.keyNodes["pages"],
                         "give either 'page' (a one-page form) or 'pages' (a list of pages), not both")
            return nil
        case (let page?, nil):
            return parsePage(page, subject: "page", index: 0).map { [$0] }
        case (nil, let pages?):
            guard let items = reader.list(pages, "pages", expected: "a list of page mappings") else { return nil }
            guard !items.isEmpty else {
                reader.error(.invalidValue, at: pages, "pages must list at least one page")
                return nil
            }
            let parsed = items.enumerated().map { parsePage($1, subject: "page \($0 + 1)", index: $0) }
            return parsed.contains { $0 == nil } ? nil : parsed.compactMap { $0 }
        }
    }

    // MARK: - Page

    private mutating func parsePage(_ node: Node, subject: String, index: Int) -> TemplatePage? {
        guard let keyed = reader.mapping(node, TemplateKeys.page, subject: subject) else { return nil }
        let size = keyed["size"].flatMap { parseSize($0, subject: subject) }
        let registration = parseRegistration(keyed["registration"], page: size, subject: subject, pageNode: node)
        let marker = keyed["form_marker"].flatMap { parseFormMarker($0, page: size) }
        var fields: [FieldSpec]?
        if let fieldsNode = keyed["fields"],
           let items = reader.list(fieldsNode, "\(subject): fields", expected: "a list of fields (- name: …)") {
            let parsed = items.enumerated().map { parseField($1, number: $0 + 1, page: size, pageIndex: index) }
            fields = parsed.contains { $0 == nil } ? nil : parsed.compactMap { $0 }
        }
        let rules = keyed["rules"].map { parsePageRules($0, pageIndex: index) } ?? []
        guard let size, let registration, let fields else { return nil }
        if keyed["form_marker"] != nil, marker == nil { return nil }
        return TemplatePage(size: size.size, registration: registration, formMarker: marker, fields: fields,
                            rules: rules)
    }

    /// `A4` (A3, A4, A5, B4, B5) or `{width: 210, height: 297}`.
    private mutating func parseSize(_ node: Node, subject: String) -> PageSizeInfo? {
        if node.mapping == nil {
            guard let name = reader.text(node, "\(subject): size") else { return nil }
            guard let size = PaperSize.size(named: name) else {
                let names = PaperSize.named.map(\.name).joined(separator: ", ")
                reader.error(.invalidValue, at: node,
                             "\(subject): unknown paper size '\(name)'; expected one of \(names) (B = JIS B) "
                                 + "or {width: …, height: …} in mm")
                return nil
            }
            return PageSizeInfo(size: size, name: "\(name.uppercased()), \(format(size.width)) × \(format(size.height)) mm")
        }
        guard let keyed = reader.mapping(node, TemplateKeys.size, subject: "\(subject): size") else { return nil }
        var sides: [Double] = []
        for side in ["width", "height"] {
            guard let sideNode = keyed[side],
                  let value = reader.number(sideNode, "\(subject): size \(side)", expected: "a number of mm")
            else { continue }
            guard value > 0 else {
                reader.error(.nonPositiveSize, at: sideNode,
                             "\(subject): size \(side) must be positive, got \(format(value)) mm")
                continue
            }
            sides.append(value)
        }
        guard sides.count == 2 else { return nil }
        let size = SizeMM(width: sides[0], height: sides[1])
        return PageSizeInfo(size: size, name: "\(format(size.width)) × \(format(size.height)) mm")
    }

    // MARK: - Registration and form marker

    private mutating func parseRegistration(
        _ node: Node?, page: PageSizeInfo?, subject: String, pageNode: Node
    ) -> RegistrationSpec? {
        guard let node else {
            reader.warning(.noRegistration, at: pageNode,
                           "\(subject) has no registration; no scan can be registered to it, so every page "
                               + "fails (add registration: reference_image: a blank scan of the form)")
            return RegistrationSpec()
        }
        guard let keyed = reader.mapping(node, TemplateKeys.registration, subject: "registration") else { return nil }
        var spec = RegistrationSpec()
        var isValid = true
        if let marksNode = keyed["marks"] {
            if let items = reader.list(marksNode, "registration: marks", expected: "a list of [x, y, width, height]") {
                for (offset, item) in items.enumerated() {
                    let what = "registration mark \(offset + 1)"
                    guard let rect = reader.rect(item, what) else {
                        isValid = false
                        continue
                    }
                    if let page { reader.checkOnPage(rect, item, what, page: page) }
                    spec.marks.append(rect)
                }
            } else {
                isValid = false
            }
        }
        if let imageNode = keyed["reference_image"] {
            if let path = reader.text(imageNode, "registration: reference_image") {
                checkReferenceImage(path, imageNode)
                spec.referenceImage = path
            } else {
                isValid = false
            }
        }
        if spec.marks.isEmpty, spec.referenceImage == nil, isValid {
            reader.warning(.noRegistration, at: node,
                           "registration has neither marks nor reference_image; no scan can be registered "
                               + "to it, so every page fails (add reference_image: a blank scan of the form)")
        }
        return isValid ? spec : nil
    }

    private mutating func checkReferenceImage(_ path: String, _ node: Node) {
        let resolved = URL(fileURLWithPath: path, relativeTo: directory).standardizedFileURL.path
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory) {
            reader.error(.missingReferenceImage, at: node,
                         "reference_image '\(path)' does not exist (looked for \(resolved); "
                             + "the path is relative to the template file)")
        } else if isDirectory.boolValue {
            reader.error(.missingReferenceImage, at: node,
                         "reference_image '\(path)' is a directory, expected an image file (\(resolved))")
        }
    }

    private mutating func parseFormMarker(_ node: Node, page: PageSizeInfo?) -> FormMarker? {
        guard let keyed = reader.mapping(node, TemplateKeys.formMarker, subject: "form_marker") else { return nil }
        var text = keyed["text"].flatMap { reader.text($0, "form_marker: text") }
        if let value = text, value.isEmpty, let textNode = keyed["text"] {
            reader.error(.invalidValue, at: textNode, "form_marker: text must not be empty")
            text = nil
        }
        let zoneNode = keyed["zone"]
        let zone = zoneNode.flatMap { reader.rect($0, "form_marker: zone") }
        if let zone, let zoneNode, let page { reader.checkOnPage(zone, zoneNode, "form_marker zone", page: page) }
        guard let text, let zone else { return nil }
        return FormMarker(text: text, zone: zone)
    }
}
