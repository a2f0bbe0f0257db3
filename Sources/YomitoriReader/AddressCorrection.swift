import Foundation
import YomitoriTemplate

/// Uses the closed vocabulary of Japanese addresses to undo the engine's typical slips:
/// 丁 read as 」, ], J or T (or lost), and a prefecture name one character off.
///
/// Only corrections that cannot turn a right address into a wrong one are made: "N目" after a
/// number never occurs in an address, nor does "N丁日" (目 read as 日; 二日市 has no 丁), a kanji 一, a long-vowel ー or a hyphen (with spaces around it) between two Arabic digits is
/// the dash of a 番地 written 1-11-17, a space between a number and its unit (7 番), or before
/// or after a 丁目, 番地 or 番 number (栄 １丁目), is no part of the address, and a text that
/// starts one character away from exactly one prefecture name is that prefecture.
enum AddressCorrection {
    private static let chome = try? NSRegularExpression(
        pattern: "([0-9０-９一二三四五六七八九十]+)\\s*(?:(?:[」\\]JT亅丁]\\s*)?[目自]|丁\\s*日)"
    )
    /// A 番 number with no 号 after it (`15番3`, `15番3 コーポ桜`): written 15番3号, 15番地3 or
    /// 15-3, so the 号 was most likely lost (the engine drops a last character a fax has thinned).
    /// Not when more digits follow a space (`16番2 2号`: `spaced_number` already asks).
    private static let bareBan = try? NSRegularExpression(pattern: "番[0-9０-９]+(?![0-9０-９]|号|\\s+[0-9０-９])")
    /// A dash between two Arabic digits (a kanji 一, a long-vowel ー or any hyphen), with the
    /// white space the engine puts around it (`魚町1 - 7- 19` in a wide font): a 番地 `-`.
    private static let dash = try? NSRegularExpression(pattern: "(?<=[0-9０-９])\\s*[一ー\\-－‐‑−–—]\\s*(?=[0-9０-９])")
    /// White space between a number and the unit after it (`7 番`, `5 丁目`): never part of an
    /// address, always the engine's spacing of widely printed digits.
    private static let unitSpace = try? NSRegularExpression(pattern: "(?<=[0-9０-９])\\s+(?=[番号丁条])")
    /// White space before a 丁目, 番地 or 番 number (`栄 １丁目`, `若葉町 ７番地`) or right after one
    /// (`７番地 ７`, `1丁目 4番`): the engine's spacing of widely printed (full-width) digits, never
    /// part of an address. Not around 号, after which a building name or a room may stand apart.
    private static let blockSpace = try? NSRegularExpression(
        pattern: "(?<=[^\\s0-9０-９])\\s+(?=[0-9０-９]+(?:丁目|番地|番))|(?<=丁目|番地|番)\\s+(?=[0-9０-９])"
    )

    static func apply(_ text: String) -> String {
        var out = text
        if let chome {
            let range = NSRange(out.startIndex..., in: out)
            out = chome.stringByReplacingMatches(in: out, range: range, withTemplate: "$1丁目")
        }
        if let dash {
            let range = NSRange(out.startIndex..., in: out)
            out = dash.stringByReplacingMatches(in: out, range: range, withTemplate: "-")
        }
        for spacing in [unitSpace, blockSpace].compactMap({ $0 }) {
            let range = NSRange(out.startIndex..., in: out)
            out = spacing.stringByReplacingMatches(in: out, range: range, withTemplate: "")
        }
        return restoreVoicedKana(snapPrefecture(out))
    }

    /// A city from ``BuiltInVocabulary/voicedKanaCities`` read with a 濁点 lost (みとり市 for
    /// みどり市, つくは市 for つくば市) is that city: the unvoiced spelling names no city. Only
    /// right after a prefecture or at the start, and only before 市.
    static func restoreVoicedKana(_ text: String) -> String {
        for (unvoiced, city) in unvoicedCities {
            guard let found = text.range(of: unvoiced), startsPlaceName(found.lowerBound, in: text) else { continue }
            return text.replacingCharacters(in: found, with: city)
        }
        return text
    }

    /// (`みとり市`, `みどり市`) for each city of the list: the spelling without 濁点 and 半濁点
    /// (the combining marks canonical decomposition splits off), and the city.
    private static let unvoicedCities: [(String, String)] = BuiltInVocabulary.voicedKanaCities.map { city in
        let marks: Set<Unicode.Scalar> = ["\u{3099}", "\u{309A}"]
        let bare = String(String.UnicodeScalarView(city.decomposedStringWithCanonicalMapping.unicodeScalars.filter { !marks.contains($0) }))
        return (bare.precomposedStringWithCanonicalMapping + "市", city + "市")
    }

    /// Whether a place name starting at `index` begins the text or follows a prefecture (or white
    /// space): 大阪市 in 大阪府大阪市, not in 東大阪市.
    static func startsPlaceName(_ index: String.Index, in text: String) -> Bool {
        guard index > text.startIndex else { return true }
        let before = text[text.index(before: index)]
        return before.isWhitespace || "都道府県".contains(before)
    }

    /// Whether white space separates two digits: the engine splits widely printed numbers
    /// (２５番地 read as `2 5番地`), and `1-11-17 705` (番地, then a room) is rare but real, so
    /// the text alone cannot tell; a person decides.
    static func hasSpacedNumber(_ text: String) -> Bool {
        hasSpace(in: text) { $0.isDigitOfAnyWidth }
    }

    /// Whether a 番 number stands without its 号 (``bareBan``): rare as written, so a person
    /// checks whether one was lost.
    static func lacksGo(_ text: String) -> Bool {
        guard let bareBan else { return false }
        return bareBan.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// Whether white space stands inside a run of katakana (`グリーンハイ ツ`): the engine splits
    /// widely printed or narrow kana (ツ, ー) from the rest of a building name, and a name like
    /// `パーク ハイツ` is rare but real, so the text alone cannot tell; a person decides.
    static func hasSpacedKana(_ text: String) -> Bool {
        hasSpace(in: text, between: isKatakanaLetter)
    }

    /// Whether a run of white space has a character of `kind` on both sides.
    private static func hasSpace(in text: String, between kind: (Character) -> Bool) -> Bool {
        var previous: Character?, afterSpace = false
        for c in text {
            if c.isWhitespace {
                afterSpace = previous != nil
                continue
            }
            if afterSpace, let previous, kind(previous), kind(c) { return true }
            previous = c
            afterSpace = false
        }
        return false
    }

    /// A katakana letter or the long-vowel mark ー (not the middle dot ・, which separates words).
    private static func isKatakanaLetter(_ c: Character) -> Bool {
        guard let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return false }
        return (0x30A1...0x30FA).contains(scalar.value) || scalar.value == 0x30FC
    }

    /// `text` without white space, except one space where white space separates two digits
    /// (ASCII or full-width): the spacing that matters in an address.
    static func numberSpacing(_ text: String) -> String {
        let chars = Array(text)
        var out = ""
        var i = 0
        while i < chars.count {
            guard chars[i].isWhitespace else { out.append(chars[i]); i += 1; continue }
            var j = i
            while j < chars.count, chars[j].isWhitespace { j += 1 }
            if i > 0, j < chars.count, chars[i - 1].isDigitOfAnyWidth, chars[j].isDigitOfAnyWidth { out.append(" ") }
            i = j
        }
        return out
    }

    /// A bank name one character away from exactly one known name is that name
    /// (みずはほ銀行 → みずほ銀行); anything else is left as read.
    static func snapBank(_ text: String) -> String {
        let compact = text.filter { !$0.isWhitespace }
        if BuiltInVocabulary.banks.contains(compact) { return compact }
        let near = BuiltInVocabulary.banks.filter { VocabularySnap.distance($0, compact) == 1 }
        return near.count == 1 ? near[0] : text
    }

    /// 支店 read as 文店 / 丈店 / 攴店 at the end of a branch name.
    static func fixBranch(_ text: String) -> String {
        for wrong in ["文店", "丈店", "攴店", "支広", "支庄"] where text.hasSuffix(wrong) {
            return String(text.dropLast(2)) + "支店"
        }
        return text
    }

    /// The ward after a 政令指定都市 or 東京都 (``BuiltInVocabulary/wards``): one character away
    /// from exactly one of that city's wards, it is that ward (静岡市壮区 → 静岡市葵区, a misread
    /// both models made); a ward the city does not have is `unknown`, for a person to check. The
    /// city must start the text or follow a prefecture (東大阪市 is not 大阪市), and the ward is the
    /// first 区 within five characters after it.
    static func snapWard(_ text: String) -> (text: String, unknown: Bool) {
        for (city, wards) in BuiltInVocabulary.wards {
            var searchFrom = text.startIndex
            while let found = text.range(of: city, range: searchFrom..<text.endIndex) {
                searchFrom = found.upperBound
                guard startsPlaceName(found.lowerBound, in: text) else { continue }
                let rest = text[found.upperBound...].drop { $0.isWhitespace }
                guard let ku = rest.prefix(5).firstIndex(of: "区") else { continue }
                let ward = String(rest[rest.startIndex...ku])
                if wards.contains(ward) { return (text, false) }
                let near = wards.filter { oneCharacterApart($0, ward) }
                guard near.count == 1, let snapped = near.first else { return (text, true) }
                return (text.replacingCharacters(in: rest.startIndex...ku, with: snapped), false)
            }
        }
        return (text, false)
    }

    /// Same length and exactly one character different: the engine's typical slip on a name
    /// from a closed list (壮区 for 葵区, 静固県 for 静岡県).
    static func oneCharacterApart(_ a: some StringProtocol, _ b: some StringProtocol) -> Bool {
        a.count == b.count && zip(a, b).filter { $0 != $1 }.count == 1
    }

    static func snapPrefecture(_ text: String) -> String {
        let chars = Array(text)
        if BuiltInVocabulary.prefectures.contains(where: { text.hasPrefix($0) }) { return text }
        var candidates: [String] = []
        for pref in BuiltInVocabulary.prefectures where chars.count >= pref.count {
            let head = String(chars[0..<pref.count])
            // Same length, one character different, and the 都道府県 suffix kept.
            if head.last == pref.last, oneCharacterApart(head, pref) { candidates.append(pref) }
        }
        guard candidates.count == 1, let pref = candidates.first else { return text }
        return pref + String(chars[pref.count...])
    }
}

/// Snaps a value to a template's closed word list when it is one edit away from exactly one word.
enum VocabularySnap {
    static func apply(_ text: String, vocabulary: [String]) -> (value: String, snapped: Bool, known: Bool) {
        guard !vocabulary.isEmpty, !text.isEmpty else { return (text, false, true) }
        if vocabulary.contains(text) { return (text, false, true) }
        let near = vocabulary.filter { distance($0, text) <= 1 }
        if near.count == 1, let word = near.first { return (word, true, true) }
        return (text, false, false)
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
