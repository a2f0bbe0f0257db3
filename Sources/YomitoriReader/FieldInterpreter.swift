import YomitoriResults
import Foundation
import YomitoriOCR
import YomitoriTemplate
import YomitoriText
import YomitoriVision

/// Turns what the engine or the pixels said into a field value: pure functions, no engine,
/// so every rule here is unit-tested with plain strings.
enum FieldInterpreter {
    /// A zone with no ink: an empty value, and a confident one (blankness is measured, not guessed).
    static func blank(_ field: FieldSpec, zone: PixelRect) -> FieldRead {
        FieldRead(
            name: field.name, type: field.type.rawValue, value: .text(""), raw: "", confidence: 0.99,
            zone: zone, notes: ["blank"], sensitive: field.sensitive
        )
    }

    static func interpret(_ field: FieldSpec, recognition rec: Recognition, zone: PixelRect) -> FieldRead {
        let raw = spacedText(rec)
        var notes: [String] = []
        var value: FieldValue?
        var confidence = rec.confidence
        switch field.type {
        case .text:
            var text = cleanText(raw)
            switch field.kind {
            case .address?:
                text = AddressCorrection.apply(text)
                let ward = AddressCorrection.snapWard(text)
                text = ward.text
                if ward.unknown { notes.append("unknown_ward") }
                if AddressCorrection.hasSpacedNumber(text) { notes.append("spaced_number") }
                if AddressCorrection.lacksGo(text) { notes.append("address_go_missing") }
                if AddressCorrection.hasSpacedKana(text) { notes.append("spaced_kana") }
            case .bank?: text = AddressCorrection.snapBank(text)
            case .branch?: text = AddressCorrection.fixBranch(text)
            case .name?: notes += nameNotes(text)
            case nil: break
            }
            value = .text(text)
        case .katakana:
            let text = cleanKatakana(raw)
            if field.kind == .name { notes += nameNotes(text) }
            value = .text(text)
        case .digits, .number:
            let digits = raw.filter(\.isASCIIDigit)
            if digits.count != raw.filter({ !$0.isWhitespace && $0 != "," }).count { notes.append("non_digit_dropped") }
            value = .text(digits)
        case .phone:
            value = .text(cleanPhone(raw))
        case .email:
            value = .text(lowercasedDomain(raw.filter { !$0.isWhitespace }))
        case .date:
            let text = eraLettersAfterDayDropped(unitSeparatorsDropped(raw.filter { !$0.isWhitespace }))
            switch JapaneseDate.parse(text, mode: .strict) {
            case .success(let date):
                value = .text(date.iso)
            case .failure:
                notes.append("unparsed_date")
                confidence = min(confidence, 0.3)
                value = nil
            }
        case .comb, .checkbox, .choice:
            value = .text(raw)
        }
        switch field.type {
        case .text, .katakana, .email:
            if hasStrayMark(raw) { notes.append("stray_mark") }
            if field.type != .email, case .text(let text)? = value, splitKana.contains(where: { text.contains($0) }) {
                notes.append("kana_split")
            }
        case .phone:
            guard case .text(let number)? = value else { break }
            if hasStrayMark(raw) || number.hasPrefix("-") || number.hasSuffix("-") || number.contains("--") {
                notes.append("stray_mark")
            } else if PhoneNumber.grouping(of: number) == .inconsistent {
                notes.append("phone_grouping")
            }
        default:
            break
        }
        if value?.isEmpty == true && !raw.isEmpty { notes.append("nothing_usable") }
        if case .text(let text)? = value, !field.vocabulary.isEmpty {
            let snap = VocabularySnap.apply(text, vocabulary: field.vocabulary)
            value = .text(snap.value)
            if snap.snapped { notes.append("snapped_to_vocabulary") }
            if !snap.known { notes.append("not_in_vocabulary") }
        }
        return FieldRead(
            name: field.name, type: field.type.rawValue, value: value, raw: raw,
            confidence: confidence, zone: zone, notes: notes, sensitive: field.sensitive
        )
    }

    static func interpretComb(
        _ field: FieldSpec, characters: [String], confidences: [Double], ink: [Int?] = [], notes: [String], zone: PixelRect
    ) -> FieldRead {
        let raw = characters.map { $0.isEmpty ? "_" : $0 }.joined()
        let value = characters.joined()
        var notes = notes
        // Boxes are filled left to right (or right-aligned); a gap inside the digits is suspicious.
        if let first = characters.firstIndex(where: { !$0.isEmpty }),
           let last = characters.lastIndex(where: { !$0.isEmpty }),
           characters[first...last].contains(where: \.isEmpty) {
            notes.append("comb_gap")
        }
        // A box read, but with too little ink for a whole digit (``faintBoxes(ink:)``).
        for i in faintBoxes(ink: ink) where !characters[i].isEmpty { notes.append("comb_box_unclear") }
        let confidence = confidences.min() ?? 0
        return FieldRead(
            name: field.name, type: field.type.rawValue, value: .text(value), raw: raw,
            confidence: confidence, zone: zone, notes: notes, sensitive: field.sensitive
        )
    }

    /// The share of the median inked comb box's ink under which a box is faint. The digits of one
    /// printed face differ far less: the lightest (1 or 7) holds 43–68 % of the heaviest one's
    /// ink in the IPA, IPAex and Noto faces.
    static let faintBoxShare = 0.3

    /// The comb boxes (indices into `ink`, one count per box, nil for a blank box) holding under
    /// ``faintBoxShare`` of the median inked box's ink: a digit mostly erased or dropped out,
    /// which the box's read and the boxes' line read can mistake alike (a 1 left as its flag and
    /// foot under heavy dirt, read 7 by both). Needs three inked boxes.
    static func faintBoxes(ink: [Int?]) -> [Int] {
        let inked = ink.compactMap { $0 }.sorted()
        guard inked.count >= 3 else { return [] }
        let median = Double(inked[inked.count / 2])
        return ink.indices.filter { ink[$0].map { Double($0) < faintBoxShare * median } ?? false }
    }

    /// Ink ratio above which a box counts as ticked, and the band around it that is doubtful.
    static let tickThreshold = 0.06
    static let tickDoubt = (low: 0.025, high: 0.12)

    static func interpretTicks(_ field: FieldSpec, marks: [TickMark], zone: PixelRect) -> FieldRead {
        let ticked = marks.filter { $0.inkRatio >= tickThreshold }.map(\.value)
        let doubtful = marks.contains { $0.inkRatio > tickDoubt.low && $0.inkRatio < tickDoubt.high }
        var notes: [String] = []
        if doubtful { notes.append("tick_unclear") }
        let raw = marks.map { String(format: "%@=%.3f", $0.value, $0.inkRatio) }.joined(separator: " ")
        var value: FieldValue
        if field.type == .choice {
            switch ticked.count {
            case 0:
                notes.append("none_ticked")
                value = .text("")
            case 1:
                value = .text(ticked[0])
            default:
                notes.append("several_ticked")
                value = .list(ticked)
            }
        } else if field.options.count == 1 {
            value = .bool(!ticked.isEmpty)
        } else {
            value = .list(ticked)
            if let minC = field.minChecked, ticked.count < minC { notes.append("too_few_ticked") }
            if let maxC = field.maxChecked, ticked.count > maxC { notes.append("too_many_ticked") }
        }
        // Confidence: how far the least clear box is from the threshold.
        let margins = marks.map { abs($0.inkRatio - tickThreshold) / tickThreshold }
        let confidence = min(1, (margins.min() ?? 1) * 0.9 + 0.1)
        return FieldRead(
            name: field.name, type: field.type.rawValue, value: value, raw: raw,
            confidence: doubtful ? min(confidence, 0.5) : max(confidence, 0.9), zone: zone, notes: notes,
            sensitive: field.sensitive
        )
    }

    // MARK: - Text clean-up

    /// Tesseract's text with runs of whitespace (incl. U+3000) collapsed to one ASCII space.
    /// With `preserve_interword_spaces` the engine puts a space only where the gap is wide,
    /// so 姓 and 名 stay apart and kanji within a word stay together.
    static func spacedText(_ rec: Recognition) -> String {
        collapse(rec.text)
    }

    static func collapse(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func cleanText(_ s: String) -> String {
        bracketSpacesDropped(smallKanaFixed(collapse(s.replacingOccurrences(of: "\u{3000}", with: " "))))
    }

    static let openingBrackets: Set<Character> = Set("(（[［「『【〔")
    static let closingBrackets: Set<Character> = Set(")）]］」』】〕")

    /// `text` without a space between Japanese writing and a bracket outside it: a full-width
    /// bracket carries its white on its outer side, which the engine reads as a space, every read
    /// alike (`自営（飲食店）` read `自営 (飲食店)`, accepted with the space on three pages of a
    /// newcomer's unseen form). Latin words and digits keep theirs (`Yamada (Taro)`, `101 (A棟)`).
    static func bracketSpacesDropped(_ text: String) -> String {
        guard text.contains(where: { openingBrackets.contains($0) || closingBrackets.contains($0) }) else { return text }
        let chars = Array(text)
        var out: [Character] = []
        for (i, c) in chars.enumerated() {
            if c == " ", i > 0, i + 1 < chars.count {
                let before = chars[i - 1], after = chars[i + 1]
                if (openingBrackets.contains(after) && isJapanese(before)) || (closingBrackets.contains(before) && isJapanese(after)) {
                    continue
                }
            }
            out.append(c)
        }
        return String(out)
    }

    /// Kana, kanji (and 々, ー): writing that sets no space before a bracket.
    static func isJapanese(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        return (0x3040...0x30FF).contains(v) || (0x3400...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v) || v == 0x3005
    }

    /// The small kana ``smallKanaFixed(_:)`` puts right: not ッ/っ (`ッツ` is spelt so) nor ヵ/ヶ
    /// (霞ヶ関, where a space read before it would make it start a word).
    static let fixableSmallKana: Set<Character> = Set("ァィゥェォャュョヮぁぃぅぇぉゃゅょゎ")

    /// `text` without the small kana no Japanese word can have where they stand:
    /// - a small kana next to its own big one (`ヤャ`, `ャヤ`, `ゆゅ`) is one glyph the engine read
    ///   twice, once at each size: the small one is dropped (`ヤャマダ` → `ヤマダ`);
    /// - a small kana starting a word (`ャマグチ`) is the big one read too small: small kana
    ///   only follow another kana (`ャマグチ` → `ヤマグチ`).
    ///
    /// Both are what one model does where another reads the word right, so without this the two
    /// reads disagree and a right value goes to review. Only ``fixableSmallKana``; a small kana
    /// in its place (`キャ`, `ティ`) is left alone.
    static func smallKanaFixed(_ text: String) -> String {
        guard text.contains(where: fixableSmallKana.contains) else { return text }
        let chars = Array(text)
        var out: [Character] = []
        for (i, c) in chars.enumerated() {
            guard fixableSmallKana.contains(c), let big = JapaneseText.largeKana(c) else {
                out.append(c)
                continue
            }
            let before = i > 0 ? chars[i - 1] : nil
            let after = i + 1 < chars.count ? chars[i + 1] : nil
            if before == big || after == big { continue }
            out.append(before == nil || before!.isWhitespace ? big : c)
        }
        return String(out)
    }

    /// What is wrong with `text` as a person's name, 姓 and 名 apart:
    /// - `name_unsplit`: one word (the space between 姓 and 名 lost: `山口さくら`);
    /// - `name_characters`: something that is not a letter (kanji, kana, Latin), 々, ー, or a ・
    ///   inside a word: digits and symbols are misread strokes (`=浦` for 三浦, a lone `・` from
    ///   a speck).
    /// - `name_look_alike`: in 名, a kanji the models give, every one alike, for a name kanji it
    ///   resembles (``nameLookAlikes``: 紬 read as 細, 颯 as 問), or anywhere in the name one they
    ///   give for a surname kanji (``surnameLookAlikes``: 碓井 read as 確井); a person compares it
    ///   with the scan.
    /// An empty value has nothing to say.
    static func nameNotes(_ text: String) -> [String] {
        let words = text.split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty else { return [] }
        var notes: [String] = []
        if words.count == 1 { notes.append("name_unsplit") }
        let odd = words.contains { word in
            word.enumerated().contains { index, c in
                if c.isLetter || c == "々" || c == "ー" { return false }
                return !(c == "・" && index > 0 && index < word.count - 1)
            }
        }
        if odd { notes.append("name_characters") }
        // In 名 only: 細 begins common surnames (細川, 細田). A name written as one word
        // (近藤紬): every character but the first.
        let given = words.count == 1 ? [words[0].dropFirst()] : Array(words.dropFirst())
        if given.contains(where: { $0.contains { nameLookAlikes[$0] != nil } })
            || words.contains(where: { $0.contains { surnameLookAlikes[$0] != nil } }) {
            notes.append("name_look_alike")
        }
        return notes
    }

    /// What the engine reads one kana as, every model and segmentation alike: ユ as コユ (its
    /// short left stroke taken for a コ). On unseen holdout pages (make_holdout.py, seeds 41–66)
    /// 4 of the 10 wrong values still accepted were this (ソレイユ → ソレイコユ, マユミ → マコユミ).
    /// Words with a real コユ (コユキ) are rare; a field holding one goes to review.
    static let splitKana = ["コユ"]

    /// Kanji that both Japanese models read in place of a given-name kanji they resemble, and
    /// agree on, so no vote catches it. Mostly the name kanji are not in the models at all: 378 of
    /// the 645 kanji of the 人名用漢字表 (一) are missing from `jpn` and `script/Japanese` alike
    /// (颯, 紘, 怜, 晟, 峻, 煌 …), and the models give the nearest kanji they know, sure of it
    /// (統 for 紘 at 97–99). Some are in the models and still misread (葵 → 壮, 翔 → 閉).
    ///
    /// Found on unseen pages: 紬 → 細 three times and 葵 → 壮 twice on 960 holdout pages
    /// (make_holdout.py, seeds 41–60), 翔 → 閉, 郎 → 朗 on make_samples.py seed 43, 颯 → 問 on seed
    /// 54. The others were measured by writing each missing 人名用漢字 into the 氏名 zone of a
    /// blank 住民票 form in six fonts and reading it (`samples/make_name_kanji.py`, seeds 1 and 2):
    /// of 4,536 pages, 224 were accepted wrong, through about 100 different stand-ins. Only
    /// stand-ins rarer in given names than the kanji they stand for are listed: 平 (乎), 高 (禽),
    /// 裕 (袴), 橋 (楢), 凛 (凜) and the like are common in names, and sending every name holding
    /// one to a person would cost more than the rare name it protects. The value is not changed
    /// (壮太, 一朗 and 統一 are names too); a 名 holding one goes to review.
    static let nameLookAlikes: [Character: Character] = [
        "細": "紬", "壮": "葵", "閉": "翔", "朗": "郎", "問": "颯", "嘱": "颯", "統": "紘", "愉": "怜",
        "性": "怜", "展": "晟", "洒": "汀", "頒": "頌", "給": "綸", "料": "燦", "権": "櫂", "澤": "澪",
        "発": "尭", "激": "淑", "唆": "峻", "時": "蒔", "糧": "煌", "爆": "煌", "厳": "巌", "格": "柊",
        "線": "綜", "亭": "亨",
    ]

    /// Kanji the models give for a surname kanji they do not have (碓井 → 確井, 渥美 → 混美 or
    /// 泥美, 籾山 → 粉山, 槙野 → 模野, 黛 → 焦), rare in any part of a name: a name holding one, in
    /// 姓 or 名, goes to review.
    static let surnameLookAlikes: [Character: Character] = ["確": "碓", "混": "渥", "泥": "渥", "粉": "籾", "模": "槙", "焦": "黛"]

    /// Whether the read begins or ends with a word of marks only (`サンライズ緑202 .`,
    /// `キムラ タロウ ー`, `080-1234-5678 -`): a speck or a piece of the printed frame, read as a
    /// character. Both reads see the same pixels, so they agree on it; a person must look.
    static func hasStrayMark(_ raw: String) -> Bool {
        let words = raw.split(whereSeparator: \.isWhitespace)
        guard words.count >= 2, let first = words.first, let last = words.last else { return false }
        func marksOnly(_ word: Substring) -> Bool {
            word.allSatisfy { $0.isPunctuation || $0.isSymbol || $0 == "ー" || $0 == "ｰ" }
        }
        return marksOnly(first) || marksOnly(last)
    }

    /// A written date between printed 年 月 日 set wide apart: the engine puts a `/`, `.` or `-`
    /// (from the date whitelist) into the gap before a unit (`令和7/年6月13日`). Such a mark
    /// directly before 年, 月 or 日 belongs to no date style, so it is dropped; every other
    /// character stays, and the other reads must still agree on the date.
    static func unitSeparatorsDropped(_ text: String) -> String {
        var out = ""
        for c in text {
            if "年月日".contains(c), let last = out.last, "/.-".contains(last) { out.removeLast() }
            out.append(c)
        }
        return out
    }

    /// An era's initial (R, H, S, T, M: `R7.5.16`) stands only at the start of a date; one read
    /// after the closing 日 (`令和5年3月3日 T`) is a speck or a pencil stroke in the zone's margin,
    /// which the date whitelist can only read as one of its characters, so it is dropped. Not a
    /// letter anywhere else: inside the date it may stand for a digit (`1S日` for `15日`), and the
    /// date must then go to a person.
    static func eraLettersAfterDayDropped(_ text: String) -> String {
        guard let day = text.lastIndex(of: "日") else { return text }
        let after = text[text.index(after: day)...]
        guard !after.isEmpty, after.allSatisfy({ "RHSTM".contains($0) }) else { return text }
        return String(text[...day])
    }

    /// The part after the last `@` in lower case: a domain name has no case (RFC 1035), so
    /// `exampLe.jp` (an `l` the engine read as `L`) is `example.jp`, and reads that differ only
    /// there agree. The part before it is left as read: it may be case-sensitive.
    static func lowercasedDomain(_ address: String) -> String {
        guard let at = address.lastIndex(of: "@") else { return address }
        return String(address[..<at]) + address[at...].lowercased()
    }

    static func cleanKatakana(_ s: String) -> String {
        let kata = JapaneseText.hiraganaToKatakana(s)
        let fixes: [Character: Character] = ["一": "ー", "-": "ー", "口": "ロ", "力": "カ", "工": "エ", "夕": "タ", "二": "ニ", "八": "ハ", "卜": "ト"]
        return smallKanaFixed(collapse(String(kata.map { fixes[$0] ?? $0 })))
    }

    static func cleanPhone(_ s: String) -> String {
        let dashes: Set<Character> = ["－", "−", "‐", "ー", "—", "–", "―"]
        return String(s.compactMap { c -> Character? in
            if c.isWhitespace { return nil }
            if dashes.contains(c) { return "-" }
            return c
        })
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }

    /// 0–9 in ASCII or full width.
    var isDigitOfAnyWidth: Bool {
        guard let scalar = unicodeScalars.first, unicodeScalars.count == 1 else { return false }
        return (0x30...0x39).contains(scalar.value) || (0xFF10...0xFF19).contains(scalar.value)
    }
}
