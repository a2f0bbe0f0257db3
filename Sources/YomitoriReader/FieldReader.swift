public import YomitoriResults
import YomitoriOCR
import YomitoriTemplate
import YomitoriVision

/// Reads one field from a registered page: cuts its zone, cleans it, and asks the engine or the pixels.
struct FieldReader {
    let engines: EngineSet

    func read(_ field: FieldSpec, cutter: ZoneCutter) throws -> FieldRead {
        switch field.type {
        case .checkbox, .choice:
            return readTicks(field, cutter: cutter)
        case .comb:
            return try readComb(field, cutter: cutter)
        default:
            return try readLine(field, cutter: cutter)
        }
    }

    // MARK: - Line fields (text, katakana, digits, number, date, phone, email)

    private func readLine(_ field: FieldSpec, cutter: ZoneCutter) throws -> FieldRead {
        let (zone, bounds) = cutter.cut(field.zone, padding: field.padding)
        let prepared = ZonePreparation.prepare(zone)
        guard let image = prepared.image else {
            return FieldInterpreter.blank(field, zone: bounds)
        }
        let profile = RecognitionProfile(for: field)
        let engine = try engines.engine(for: profile.language)
        let rec = engine.recognize(image, mode: profile.mode, whitelist: profile.whitelist)
        return FieldInterpreter.interpret(field, recognition: rec, zone: bounds)
    }

    // MARK: - Comb fields: one box, one character

    private func readComb(_ field: FieldSpec, cutter: ZoneCutter) throws -> FieldRead {
        let profile = RecognitionProfile(for: field)
        let engine = try engines.engine(for: profile.language)
        let boxes = field.boxes.isEmpty ? [field.zone] : field.boxes
        var chars: [String] = []
        var confidences: [Double] = []
        var notes: [String] = []
        for box in boxes {
            let inset = min(0.6, min(box.width, box.height) * 0.1)
            let (cell, _) = cutter.cut(box, padding: -inset)
            let prepared = ZonePreparation.prepareCell(cell)
            guard let image = prepared.image else {
                chars.append("")
                confidences.append(1)
                continue
            }
            var rec = engine.recognize(image, mode: .singleCharacter, whitelist: profile.whitelist)
            var text = rec.text.filter { !$0.isWhitespace }
            if text.count != 1 {
                let line = engine.recognize(image, mode: .singleLine, whitelist: profile.whitelist)
                let lineText = line.text.filter { !$0.isWhitespace }
                if lineText.count == 1 || text.isEmpty {
                    rec = line
                    text = lineText
                }
            }
            if text.count != 1 { notes.append("comb_box_unclear") }
            chars.append(String(text.prefix(1)))
            confidences.append(text.count == 1 ? rec.confidence : 0)
        }
        let bounds = cutter.bounds(of: field.zone)
        return FieldInterpreter.interpretComb(field, characters: chars, confidences: confidences, notes: notes, zone: bounds)
    }

    // MARK: - Checkboxes: decided from pixels, no OCR

    private func readTicks(_ field: FieldSpec, cutter: ZoneCutter) -> FieldRead {
        var marks: [TickMark] = []
        for option in field.options {
            let inset = min(option.box.width, option.box.height) * 0.16
            let (inside, _) = cutter.cut(option.box, padding: -inset)
            let margin = max(2, min(inside.width, inside.height) / 8)
            let cleaned = inside.removingRules(margin: margin, longRun: 0.9, threshold: 140)
                .removingSpecks(minPixels: 6, threshold: 140).image
            let ratio = cleaned.darkRatio(in: PixelRect(x: 0, y: 0, width: cleaned.width, height: cleaned.height), threshold: 140)
            marks.append(TickMark(value: option.value, inkRatio: ratio))
        }
        let area = field.options.isEmpty ? field.zone : field.options.map(\.box).reduce(field.options[0].box) { union($0, $1) }
        return FieldInterpreter.interpretTicks(field, marks: marks, zone: cutter.bounds(of: area))
    }

    private func union(_ a: RectMM, _ b: RectMM) -> RectMM {
        let x = min(a.x, b.x), y = min(a.y, b.y)
        return RectMM(x: x, y: y, width: max(a.x + a.width, b.x + b.width) - x, height: max(a.y + a.height, b.y + b.height) - y)
    }
}

/// How much ink one checkbox holds.
struct TickMark: Sendable, Equatable {
    var value: String
    var inkRatio: Double
}
