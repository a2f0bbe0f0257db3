import Foundation
import YomitoriResults
import YomitoriOCR
import YomitoriTemplate
import YomitoriVision
import YomitoriText

/// Reads one field from a registered page: cuts its zone, cleans it, and asks the engine or the pixels.
struct FieldReader {
    let engines: EngineSet

    func read(_ field: FieldSpec, cutter: ZoneCutter) throws -> FieldRead {
        var read: FieldRead
        switch field.type {
        case .checkbox, .choice:
            read = readTicks(field, cutter: cutter)
        case .comb:
            read = try readComb(field, cutter: cutter)
        default:
            read = try readLine(field, cutter: cutter)
        }
        // A zone not wholly on the scan (the sheet fed short, a smaller paper size scanned): what
        // is missing reads as blank paper, so a person checks the sheet.
        if !cutter.isOnScan(field.zone) { read.notes.append("off_page") }
        return read
    }

    // MARK: - Line fields (text, katakana, digits, number, date, phone, email)

    private func readLine(_ field: FieldSpec, cutter: ZoneCutter) throws -> FieldRead {
        let (zone, bounds) = cutter.cut(field.zone, padding: field.padding)
        let prepared = ZonePreparation.prepare(zone)
        guard let image = prepared.image else {
            return FieldInterpreter.blank(field, zone: bounds)
        }
        var read = try readLine(field, image: image, bounds: bounds)
        // Struck out: whatever is read under the line, a person decides what was meant.
        if prepared.struckThrough { read.notes.append("struck_through") }
        if Self.writtenAsOneWord(prepared) { read.notes.removeAll { $0 == "name_unsplit" } }
        return read
    }

    /// Whether the ink leaves no gap wide enough for a space (under ``spaceGap`` of its height):
    /// a name read as one word was then written as one (`山田太郎`), not split by a space the
    /// reads lost, and it is kept as written.
    ///
    /// On ten unseen holdout sets, names printed with a space, in six fonts and degraded:
    /// widest gap 0.30 of the height or more (a half-width space in a proportional font); names
    /// printed without one: 0.08–0.41 (a kanji's parts, letter-spaced names), half of them under
    /// 0.2. Names spaced in their letters too (`村 上 さ く ら`) have wide gaps everywhere and stay
    /// with a person.
    static func writtenAsOneWord(_ zone: PreparedZone) -> Bool {
        zone.widestGap < spaceGap
    }

    /// The widest gap, over the writing's height, that is not a space (see ``writtenAsOneWord(_:)``).
    static let spaceGap = 0.2

    private func readLine(_ field: FieldSpec, image: GrayImage, bounds: PixelRect) throws -> FieldRead {
        let profile = RecognitionProfile(for: field)
        DebugZones.save(image, field.name)
        // Independent reads (other model, other scale): two that agree are trusted far more
        // than Tesseract's own confidence; a third is made only when the first two disagree, and
        // for katakana a fourth when the other model alone disagrees, by added characters, with
        // the first model's two.
        var reads: [(read: FieldRead, model: String)] = []
        var letterOrDigit = false
        let numbered = field.kind == .address
        for (index, option) in ([profile.primary] + profile.secondReads).enumerated() {
            if reads.count == 2, Self.agree(reads[0].read.value, reads[1].read.value, numbered: numbered) { break }
            if reads.count == 3, !Self.otherModelOnlyAdded(reads, numbered: numbered) { break }
            if reads.count == 4 { break }
            let engine: TesseractEngine
            do {
                engine = try engines.engine(for: option.language)
            } catch {
                if index == 0 { throw error }
                continue  // an optional model is not installed: read another way
            }
            let input = option.scale == 1 ? image : image.resized(by: option.scale)
            let detail: RecognitionDetail = index == 0 && profile.mixesLettersAndDigits ? .alternatives : .text
            let rec = recognize(input, with: engine, mode: option.mode, whitelist: profile.whitelist, detail: detail)
            var read = FieldInterpreter.interpret(field, recognition: rec, zone: bounds)
            if rec.text.isEmpty { read.notes.append("nothing_read") }
            if detail == .alternatives, Self.letterOrDigit(rec) { letterOrDigit = true }
            reads.append((read, option.language))
        }
        var voted = Self.vote(reads, numbered: numbered)
        if letterOrDigit { voted.notes.append(Self.letterOrDigitNote) }
        guard !profile.confirmingReads.isEmpty, Self.agree(voted.secondRead, voted.value, numbered: numbered),
              voted.value?.isEmpty == false else {
            return voted
        }
        return try confirmBySegmentation(voted, image: image, field: field, profile: profile, bounds: bounds)
    }

    /// Two reads that agree went through the same line finder, and both models can make the same
    /// mistake there: one glyph read as two characters (ウ → ウワ, 1 → 1l), a kanji read as the
    /// same wrong one, a digit dropped (11日 → 1日). For free-text types and dates, where no format
    /// check would notice, a read that
    /// segments the zone another way (a raw line, psm 13, instead of the line finder's words)
    /// must see the same characters too — by the first model or, when that raw-line read differs,
    /// by another model's (not for a date the first model's read gives with as many digits or
    /// more: ``disputesDigits(_:read:value:agreedRaw:)``). When none does, the first dissenting
    /// value becomes the field's second read, so the decision step sends it to review
    /// (`reads_disagree`).
    ///
    /// Only values already confirmed pay for this read (one recognition, two when the first
    /// model's raw-line read differs); fields in doubt are going to a person anyway.
    private func confirmBySegmentation(
        _ voted: FieldRead, image: GrayImage, field: FieldSpec, profile: RecognitionProfile, bounds: PixelRect
    ) throws -> FieldRead {
        var dissent: FieldValue?
        for option in profile.confirmingReads {
            guard let engine = try? engines.engine(for: option.language) else { continue }
            let input = option.scale == 1 ? image : image.resized(by: option.scale)
            let rec = engine.recognize(input, mode: option.mode, whitelist: option.unrestricted ? nil : profile.whitelist, detail: .text)
            let value = FieldInterpreter.interpret(field, recognition: rec, zone: bounds).value
            // A speck or a piece of the frame at the zone's edge that only this read sees (a raw
            // line keeps what the line finder drops) does not make it disagree; the value kept
            // is the vote's, without the mark.
            if Self.agree(Self.droppingEdgeMarks(value), voted.value, numbered: field.kind == .address) { return voted }
            if dissent == nil { dissent = value ?? .text("") }
            // A date that the first model's raw line reads with as many digits as the agreed
            // read, or more, disputes a digit, and the other model's raw line cannot settle it: it
            // repeats its own line read's habit (令和7年10月8日 read 1月 by both line reads and by
            // the other model's raw line; the first model's raw line read 10月). One with fewer
            // digits is that raw line dropping one (17日 → 1日), as it often does, and one that
            // is no date says nothing: the other model's raw line may confirm then.
            if Self.disputesDigits(field, read: rec.text, value: value, agreedRaw: voted.raw) { break }
        }
        guard let dissent else { return voted }  // no confirming model installed: the vote stands
        var read = voted
        read.secondRead = dissent
        return read
    }

    /// The value at least two reads agree on (with their best confidence). Where two models
    /// read the zone, agreement counts as confirmation only between different models: two reads
    /// by the same model share its habits, so then the dissenting value is kept in `secondRead`
    /// and the field goes to review.
    /// With no agreement at all the first read stands, with the second read's value kept.
    static func vote(_ reads: [(read: FieldRead, model: String)], numbered: Bool = false) -> FieldRead {
        guard var first = reads.first?.read else { preconditionFailure("at least one read") }
        guard reads.count > 1 else { return first }
        for (i, candidate) in reads.enumerated() {
            let agreeing = reads.enumerated().filter { $0.offset != i && agree($0.element.read.value, candidate.read.value, numbered: numbered) }
            guard !agreeing.isEmpty else { continue }
            // Of reads that agree but for spacing, keep the one that saw the most word gaps
            // (a gap between 姓 and 名 is lost far more often than one is invented).
            let group = [candidate] + agreeing.map(\.element)
            var winner = group.max { spaces($0.read.value) < spaces($1.read.value) }?.read ?? candidate.read
            winner.confidence = max(winner.confidence, agreeing.map(\.element.read.confidence).max() ?? 0)
            // With only one model available (e.g. `eng`), other scales and segmentations are the
            // independent reads.
            let oneModel = Set(reads.map(\.model)).count == 1
            // The first read must be part of the agreement: when it stands alone against two
            // others, the majority gives the value but a person confirms it.
            let includesFirst = i == 0 || agreeing.contains { $0.offset == 0 }
                || (reads[0].read.value == nil && lostEraInitial(reads[0].read.raw, agreed: candidate.read.raw))
            let independent = includesFirst && (oneModel || agreeing.contains { $0.element.model != candidate.model })
            if independent {
                // Confirmed by an independent read: that agreement, not the engine's own score,
                // is the evidence.
                winner.secondRead = winner.value
                winner.confidence = max(winner.confidence, confirmedConfidence)
            } else {
                let dissent = reads.first { !agree($0.read.value, candidate.read.value, numbered: numbered) }
                winner.secondRead = dissent?.read.value ?? .text("")
            }
            return winner
        }
        first.secondRead = reads[1].read.value ?? .text("")
        return first
    }

    /// Whether a first read that gave no date (`和7年1月14日`) is the agreed read (`令和7年1月14日`)
    /// without the first kanji of its era name, and nothing else. The `jpn` model loses the 令 of a
    /// printed 令和 in faces it finds odd (VL Gothic, Migu 1P, Ume Gothic and Mincho: read as 仙, 届
    /// or 倒 without a whitelist, dropped with the date's): every digit is still its own read, so it
    /// is part of the agreement. Which era it was (令和 or 昭和) the agreeing reads decide.
    static func lostEraInitial(_ raw: String, agreed: String) -> Bool {
        let full = spacingKey(agreed, numbered: false)
        return Era.allCases.contains { full.hasPrefix($0.kanji) } && spacingKey(raw, numbered: false) == String(full.dropFirst())
    }

    /// Whether the first model's two reads agree and the other model's read differs only by
    /// characters it added (カトウ read カカトウ, ニシムラ read ニンシンムラ: the LSTM doubling a
    /// stroke). The first model's agreement is no confirmation (its reads share its habits), so
    /// the other model reads again at another scale (``RecognitionProfile/secondReads``).
    /// Not when the other model read a character differently (大翔 read 大其): a second look at a
    /// smaller scale then tends toward the first model's misread (大期 on a 150-dpi fax).
    ///
    /// On ten unseen holdout sets, the right values sent to review with `reads_disagree` alone
    /// whose dissent only added characters: 58 katakana and 30 text, against 1 wrong text value.
    /// Katakana only (see ``RecognitionProfile/secondReads``): for kanji the models lack, every
    /// read gives the same stand-in, and a fourth read lets more of them through.
    static func otherModelOnlyAdded(_ reads: [(read: FieldRead, model: String)], numbered: Bool) -> Bool {
        guard reads.count == 3, case .text(let first)? = reads[0].read.value else { return false }
        let same = reads.dropFirst().filter { $0.model == reads[0].model }
        let other = reads.dropFirst().filter { $0.model != reads[0].model }
        guard !other.isEmpty, !same.isEmpty,
              same.allSatisfy({ agree($0.read.value, reads[0].read.value, numbered: numbered) }) else { return false }
        let kept = first.filter { !$0.isWhitespace }
        return other.allSatisfy { read in
            guard case .text(let text)? = read.read.value else { return false }
            let added = text.filter { !$0.isWhitespace }
            return added.count > kept.count && isSubsequence(kept, of: added)
        }
    }

    /// Whether `part`'s characters all appear in `whole`, in order.
    static func isSubsequence(_ part: String, of whole: String) -> Bool {
        var rest = whole[...]
        for c in part {
            guard let i = rest.firstIndex(of: c) else { return false }
            rest = rest[rest.index(after: i)...]
        }
        return true
    }

    static func spaces(_ value: FieldValue?) -> Int {
        if case .text(let t)? = value { return t.filter(\.isWhitespace).count }
        return 0
    }

    /// Whether a confirming read of a date that disagrees disputes a digit: it is a date, and it
    /// holds as many digits as the agreed read, or more (see ``confirmBySegmentation``).
    static func disputesDigits(_ field: FieldSpec, read text: String, value: FieldValue?, agreedRaw: String) -> Bool {
        field.type == .date && value != nil && decimalDigits(in: text) >= decimalDigits(in: agreedRaw)
    }

    /// How many digits (ASCII or full-width) `text` holds; kanji numerals do not count.
    static func decimalDigits(in text: String) -> Int {
        JapaneseText.digitsOnly(text).count
    }

    /// Confidence given to a value two independent reads agree on.
    static let confirmedConfidence = 0.9

    /// Two reads agree when they are equal apart from white space (the engine's spacing
    /// between words varies with scale and model; the characters are what matter).
    ///
    /// In `numbered` values (addresses) a space between two digits is not spacing but part of
    /// the value: `1-11-17 705` (番地, then a room) and `1-11-17705` are different addresses, and
    /// the engine often splits a widely printed number (`16番2 2号`). There the reads must agree
    /// on those spaces too, so an invented or lost one sends the field to review.
    static func agree(_ a: FieldValue?, _ b: FieldValue?, numbered: Bool = false) -> Bool {
        switch (a, b) {
        case (.text(let x)?, .text(let y)?):
            spacingKey(x, numbered: numbered) == spacingKey(y, numbered: numbered)
        default:
            a == b
        }
    }

    /// Marks a speck or a frame line is read as, when they stand at the start or end of a read.
    /// Not ー or -, which end real words (タロー).
    static let edgeMarks: Set<Character> = [".", "。", ",", "、", "・", "'", "`", "|", "｜", "‘", "’"]

    /// `value` without the edge marks (and white space) at its start and end.
    static func droppingEdgeMarks(_ value: FieldValue?) -> FieldValue? {
        guard case .text(let text)? = value else { return value }
        let isEdge: (Character) -> Bool = { $0.isWhitespace || edgeMarks.contains($0) }
        return .text(String(text.drop(while: isEdge).reversed().drop(while: isEdge).reversed()))
    }

    /// `text` without white space, except (when `numbered`) where it separates two digits.
    static func spacingKey(_ text: String, numbered: Bool) -> String {
        numbered ? AddressCorrection.numberSpacing(text) : text.filter { !$0.isWhitespace }
    }

    /// The line finder sometimes returns nothing for a zone that clearly holds ink: read it as a
    /// raw line, then as a block, before giving up.
    private func recognize(
        _ image: GrayImage, with engine: TesseractEngine, mode: PageSegmentationMode, whitelist: String?,
        detail: RecognitionDetail = .text
    ) -> Recognition {
        var rec = engine.recognize(image, mode: mode, whitelist: whitelist, detail: detail)
        for fallback in [PageSegmentationMode.rawLine, .singleBlock] where rec.text.isEmpty && fallback != mode {
            rec = engine.recognize(image, mode: fallback, whitelist: whitelist, detail: detail)
        }
        return rec
    }

    /// The note for a field whose first read saw a letter that could as well be a digit, or the
    /// reverse (see ``letterOrDigit(_:)``); the field goes to review.
    static let letterOrDigitNote = "letter_or_digit"

    /// Whether a letter read may be a digit, or the reverse. Other reads of the same model agree
    /// with the first (they share its habits), so only the first read's own doubts tell:
    /// - a symbol whose runner-up is of the other kind (`l`/`1`, `O`/`0`, `S`/`5`, `g`/`9`) at
    ///   ``letterOrDigitConfidence`` or more;
    /// - an `l` or `I` touching a digit (`tanakal2`): a serif `1` read as `l` may have no
    ///   runner-up at all.
    ///
    /// Measured on the e-mail fields of 146 unseen holdout pages (seeds 41–53 and the bench's
    /// corpus): all five wrong addresses that had been accepted were a `1` read as `l` next to a
    /// digit (runners-up 0–58); 3 of the 84 right ones accepted had a runner-up of the other kind
    /// at 30 or more.
    static func letterOrDigit(_ recognition: Recognition) -> Bool {
        let characters = Array(recognition.text)
        for (i, c) in characters.enumerated() where c == "l" || c == "I" {
            if (i > 0 && characters[i - 1].isNumber) || (i + 1 < characters.count && characters[i + 1].isNumber) { return true }
        }
        return recognition.symbols.contains { symbol in
            guard let read = symbol.text.first, symbol.text.count == 1, read.isLetter || read.isNumber else { return false }
            return symbol.alternatives.dropFirst().contains { alternative in
                guard alternative.confidence >= letterOrDigitConfidence, let other = alternative.text.first,
                      alternative.text.count == 1 else { return false }
                return read.isLetter ? other.isNumber : other.isLetter
            }
        }
    }

    /// Lowest confidence (0–100) of a runner-up of the other kind that sends a field to review.
    static let letterOrDigitConfidence = 30.0

    // MARK: - Comb fields: one box, one character

    /// Each printed box is cut, cleaned and read on its own as one character (trying the
    /// single-character, single-word and raw-line modes, since the LSTM engine is fragile on
    /// lone glyphs). A second, independent read puts the cleaned boxes side by side on one line
    /// and reads them in one pass; a box the first read could not decide takes the line's
    /// character, and any disagreement is kept in `secondRead` for the decision step.
    private func readComb(_ field: FieldSpec, cutter: ZoneCutter) throws -> FieldRead {
        let profile = RecognitionProfile(for: field)
        let engine = try engines.engine(for: profile.language)
        let boxes = field.boxes.isEmpty ? [field.zone] : field.boxes
        let prepared = boxes.map { box in
            let inset = min(0.6, min(box.width, box.height) * 0.1)
            return ZonePreparation.prepareCell(cutter.cut(box, padding: -inset).image)
        }
        let cells = prepared.map(\.image)
        var chars: [String] = []
        var confidences: [Double] = []
        var notes: [String] = []
        for (index, cell) in cells.enumerated() {
            guard let image = cell else {
                chars.append("")
                confidences.append(1)
                continue
            }
            DebugZones.save(image, "\(field.name)-\(index)")
            // Tesseract's LSTM often reads nothing at all in a lone glyph with little white
            // around it (a 9 in IPA Gothic at 4–5 mm, in every mode): such a box is read once
            // more with twice the border before it counts as unclear.
            let found = Self.readCell(image, engine: engine, whitelist: profile.whitelist)
                ?? Self.readCell(image.padded(by: ZonePreparation.mm), engine: engine, whitelist: profile.whitelist)
            chars.append(found?.0 ?? "")
            confidences.append(found?.1 ?? 0)
        }
        let line = readCombLine(cells, engine: engine, whitelist: profile.whitelist)
        if let settled = line.flatMap({ settleComb(chars, line: $0, cells: cells, profile: profile) }) {
            // A box's own score was for the character it misread: the agreement is the evidence.
            for i in chars.indices where chars[i] != settled[i] { confidences[i] = Self.confirmedConfidence }
            chars = settled
        } else {
            for i in chars.indices where cells[i] != nil && chars[i].isEmpty {
                notes.append("comb_box_unclear")
                if let c = line?[i], !c.isEmpty { chars[i] = c }
            }
        }
        let bounds = cutter.bounds(of: field.zone)
        let ink = prepared.map { $0.image == nil ? nil : $0.inkPixels }
        var read = FieldInterpreter.interpretComb(field, characters: chars, confidences: confidences, ink: ink, notes: notes, zone: bounds)
        if let line {
            read.secondRead = .text(line.joined())
            if line == chars { read.confidence = max(read.confidence, Self.confirmedConfidence) }
        }
        return read
    }

    /// When the box-by-box read and the boxes' line read differ (a digit, or a box only the line
    /// read could read), another model reads the boxes' line; where it settles the line read
    /// (``lineSettles(_:other:inked:)``), that read is the value. The box read and the line read
    /// share the first model's habits, the other model's errors are its own. A lone box has no
    /// context, and in a face the model finds odd it loses one digit class in every box (Ume
    /// Gothic's and VL Gothic's 3 read 4 or 5, Migu 1P's 1 read 4) while the line reads are
    /// right. Returns nil when nothing is settled: the disagreement goes to a person.
    private func settleComb(_ chars: [String], line: [String], cells: [GrayImage?], profile: RecognitionProfile) -> [String]? {
        let inked = cells.map { $0 != nil }
        guard line != chars, Self.fillsInkedBoxes(line, inked: inked),
              let arbiter = profile.combArbiters.lazy.compactMap({ try? self.engines.engine(for: $0) }).first,
              let other = readCombLine(cells, engine: arbiter, whitelist: profile.whitelist),
              Self.lineSettles(line, other: other, inked: inked) else {
            return nil
        }
        return line
    }

    /// Whether another model's read of the comb boxes' line (`other`) settles the first model's
    /// (`line`): the same characters, box for box, and exactly one in every inked box. Two line
    /// reads that both lost a box's digit, or read one box as two, settle nothing.
    static func lineSettles(_ line: [String], other: [String], inked: [Bool]) -> Bool {
        line == other && fillsInkedBoxes(line, inked: inked)
    }

    /// Whether a line read of comb boxes holds exactly one character in every inked box and none
    /// in a blank one.
    static func fillsInkedBoxes(_ line: [String], inked: [Bool]) -> Bool {
        line.count == inked.count && zip(line, inked).allSatisfy { $0.count == ($1 ? 1 : 0) }
    }

    /// One comb box: as one character, then as a word, then as a raw line, until a mode reads
    /// exactly one character.
    private static func readCell(_ image: GrayImage, engine: TesseractEngine, whitelist: String?) -> (String, Double)? {
        for mode in [PageSegmentationMode.singleCharacter, .singleWord, .rawLine] {
            let rec = engine.recognize(image, mode: mode, whitelist: whitelist, detail: .text)
            let text = rec.text.filter { !$0.isWhitespace }
            if text.count == 1 { return (text, rec.confidence) }
        }
        return nil
    }

    /// The non-blank cells side by side on one line, read in one pass; returns one string per
    /// cell (empty for blank cells), or nil when the line's symbols cannot be assigned to cells.
    private func readCombLine(_ cells: [GrayImage?], engine: TesseractEngine, whitelist: String?) -> [String]? {
        let present = cells.compactMap { $0 }
        guard !present.isEmpty else { return cells.map { _ in "" } }
        let gap = ZonePreparation.mm
        let height = present.map(\.height).max() ?? 0
        let width = present.reduce(0) { $0 + $1.width } + gap * (present.count + 1)
        var strip = GrayImage(width: width, height: height + 2 * gap, fill: 255, dpi: 300)
        var spans: [(index: Int, from: Int, to: Int)] = []
        var x = gap
        for (index, cell) in cells.enumerated() {
            guard let cell else { continue }
            let y0 = gap + (height - cell.height) / 2
            for y in 0..<cell.height {
                for cx in 0..<cell.width { strip[x + cx, y0 + y] = cell[cx, y] }
            }
            spans.append((index, x, x + cell.width))
            x += cell.width + gap
        }
        // As a raw line: through Tesseract's line finder (psm 7) the boxes read a clear 5 as 9 or
        // a 3 as 8, often the first box's, or one box's digit as two. On ten holdout sets that
        // sent 101 right values of 1,032 comb fields to a person; as a raw line, 18.
        let rec = engine.recognize(strip, mode: .rawLine, whitelist: whitelist)
        var out = cells.map { _ in "" }
        for symbol in rec.symbols where !symbol.text.trimmingCharacters(in: .whitespaces).isEmpty {
            let center = symbol.box.x + symbol.box.width / 2
            guard let span = spans.first(where: { center >= $0.from - gap / 2 && center < $0.to + gap / 2 }) else { return nil }
            out[span.index] += symbol.text
        }
        return out
    }

    // MARK: - Checkboxes: decided from pixels, no OCR

    private func readTicks(_ field: FieldSpec, cutter: ZoneCutter) -> FieldRead {
        var marks: [TickMark] = []
        for option in field.options {
            let inset = min(option.box.width, option.box.height) * 0.16
            let (inside, _) = cutter.cut(option.box, padding: -inset)
            let margin = max(2, min(inside.width, inside.height) / 8)
            // Only rules along the edges (the printed box outline after a small misregistration);
            // a filled box must keep its ink.
            let cleaned = inside.removingRules(margin: margin, longRun: 2, threshold: 140)
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
