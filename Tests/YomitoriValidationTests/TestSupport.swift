import Foundation
import Testing
import YomitoriResults
import YomitoriTemplate
import YomitoriText
import YomitoriVision
@testable import YomitoriValidation

/// The day of validation in these tests: 令和8年6月10日.
let today = JapaneseDate(year: 2026, month: 6, day: 10)!

/// A one-page A4 template around the given field lines (indented 4 spaces, `- name: …`) and
/// optional page rules (indented 4 spaces, `- date_order: …`).
func template(fields: String, rules: String? = nil, id: String = "t") throws -> Template {
    var yaml = """
        template: \(id)
        page:
          size: A4
          registration:
            marks: [[8, 8, 6, 6], [196, 8, 6, 6]]
          fields:
        \(fields)
        """
    if let rules { yaml += "\n  rules:\n\(rules)" }
    return try TemplateLoader.load(yaml: yaml, path: "/virtual/t.yaml")
}

/// One field line with a zone, e.g. `field("a", "text", "required: true")`.
func field(_ name: String, _ type: String, _ extra: String = "", y: Int = 20) -> String {
    let zone = type == "checkbox" || type == "choice" ? "" : "zone: [20, \(y), 80, 8], "
    return "    - {name: \(name), type: \(type), \(zone)\(extra)}"
}

/// A field as the reader would return it.
func read(
    _ name: String, _ type: String, _ value: FieldValue?, raw: String? = nil, confidence: Double = 0.95,
    notes: [String] = [], sensitive: Bool = false, secondRead: FieldValue? = nil
) -> FieldRead {
    FieldRead(name: name, type: type, value: value, raw: raw ?? value?.string ?? "", confidence: confidence,
              zone: PixelRect(x: 0, y: 0, width: 10, height: 10), notes: notes, sensitive: sensitive,
              secondRead: secondRead)
}

/// A text value.
func text(_ s: String) -> FieldValue { .text(s) }

/// A registration summary (it has no public initialiser: it is decoded like a stored result).
func registration(matchScore: Double = 0.9) throws -> RegistrationSummary {
    let json = """
        {"method": "marks", "residual_mm": 0.1, "rotation_deg": 0, "px_per_mm": 11.81, "match_score": \(matchScore),
         "transform": {"a": 1, "b": 0, "c": 0, "d": 1, "tx": 0, "ty": 0}}
        """
    return try JSONDecoder().decode(RegistrationSummary.self, from: Data(json.utf8))
}

/// A page of template `t` with these fields.
func page(_ fields: [FieldRead], template: String = "t", matchScore: Double = 0.9) throws -> PageRead {
    PageRead(file: "scan.pdf", page: 0, template: template, registration: try registration(matchScore: matchScore), fields: fields)
}

/// Decides a page of one field and returns that field.
func decideOne(_ fieldLine: String, _ read: FieldRead, policy: DecisionPolicy = .init()) throws -> FieldRead {
    let validator = Validator(template: try template(fields: fieldLine), policy: policy)
    return validator.decide(try page([read]), today: today).fields[0]
}

/// The codes of a decided field's reasons.
func codes(_ field: FieldRead) -> [String] { field.reasons.map(\.code) }
