import Foundation
import YomitoriResults
import YomitoriTemplate
import YomitoriText

/// What a reviewer typed, turned into the value a reader would have produced for the field, so
/// that the validator judges it by exactly the rules it applies to OCR output.
enum Correction {
    /// Words read as a ticked single checkbox.
    static let ticked: Set<String> = ["1", "true", "yes", "on", "x", "✓", "✔", "レ", "○", "◯", "はい", "有", "あり"]

    /// The field as if read with certainty: the typed value, no notes, no second read.
    static func field(_ original: FieldRead, typed: String, spec: FieldSpec?) -> FieldRead {
        var field = original
        field.value = value(typed, spec: spec, type: original.type)
        field.raw = typed
        field.confidence = 1
        field.notes = []
        field.secondRead = nil
        field.normalized = nil
        field.status = nil
        field.reasons = []
        return field
    }

    /// The field confirmed as read (the reviewer left the value as it was).
    static func confirmed(_ original: FieldRead) -> FieldRead {
        var field = original
        field.confidence = 1
        field.notes = []
        field.secondRead = nil
        return field
    }

    static func value(_ typed: String, spec: FieldSpec?, type: String) -> FieldValue? {
        let text = typed.trimmingCharacters(in: .whitespaces)
        if let spec, spec.type == .checkbox || spec.type == .choice {
            if spec.isSingleCheckbox { return .bool(ticked.contains(text.lowercased())) }
            let separators: Set<Character> = [",", "、", ";", "，", "；", " ", "　"]
            let items = text.split(whereSeparator: { separators.contains($0) }).map(String.init)
            // A choice is one ticked value as text (as the reader gives it); several are a list.
            if spec.type == .choice, items.count <= 1 { return .text(items.first ?? "") }
            return .list(items)
        }
        guard !text.isEmpty else { return nil }
        if type == FieldType.date.rawValue, case .success(let date) = JapaneseDate.parse(text, mode: .strict) {
            return .text(date.iso)
        }
        return .text(text)
    }

    /// How a value is shown and compared: the normalised value when there is one.
    static func display(_ field: FieldRead) -> String {
        (field.normalized ?? field.value)?.string ?? ""
    }
}
