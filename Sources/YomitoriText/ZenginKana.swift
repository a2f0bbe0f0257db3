/// 全銀 half-width kana for 口座名義 / 受取人名 / 依頼人名 (jp-formats §2).
///
/// ``convert(_:maxBytes:nakaguro:profile:abbreviate:)`` applies the rules of jp-formats §2.2 in order:
///  1. NFKC then NFC (`ｶﾞ` → `ガ`, `ＡＢＣ` → `ABC`, `㈱` → `(株)`); a spacing `゛`/`゜` after a
///     kana is kept as the voiced mark (`カ゛` → `ｶﾞ`);
///  2. hiragana → katakana;
///  3. small kana → large (`ュ` → `ユ`, `ッ` → `ツ`, `ヵ` → `カ`);
///  4. obsolete kana `ヰ ヱ ヲ` → `イ エ オ` (`ヸ ヹ ヺ` → `ｲﾞ ｴﾞ ｵﾞ`);
///  5. long vowel and dashes (`ー ｰ － − ‐ ― —` …) → `-`;
///  6. 中黒 `・ ･` → `.` or a space (``Nakaguro``);
///  7. white space (incl. U+3000) → one space, runs collapsed, trimmed;
///  8. Latin → upper case;
///  9. full-width katakana → JIS X 0201 (`ガ` → `ｶﾞ`: the mark is its own byte);
/// 10. 法人略語 by position (``CorporateAbbreviation``: `ｶ)ﾔﾏﾀﾞ`, `ﾔﾏﾀﾞ(ｶ`, `ﾔﾏﾀﾞ(ｶ)ｼｼﾔ`), no space
///     kept between the abbreviation and the name (matched before step 9, same result);
/// 11. anything outside the allowed set is rejected, listing every offending input character;
/// 12. byte length ≤ `maxBytes` (every allowed character is one byte) — never truncated.
public enum ZenginKana {
    /// What `・` (中黒) becomes: `.` (most banks) or a space (e.g. banks that forbid `.`).
    public enum Nakaguro: Sendable, Equatable {
        /// `・` → `.`
        case period
        /// `・` → space
        case space
    }

    /// The allowed character set (jp-formats §2.1).
    public enum Profile: Sendable, Equatable {
        /// `ｱ`–`ﾝ` (no `ｦ`, no small kana), `ﾞ ﾟ`, `A–Z`, `0–9`, space, `( ) - .` — the default.
        case strict
        /// ``strict`` plus `/` (全銀協 ベーシック手順 as commonly quoted).
        case standard
    }

    /// Byte limit of 受取人名 in a 総合振込 data record.
    public static let recipientNameBytes = 30
    /// Byte limit of 振込依頼人名 in the header record.
    public static let requesterNameBytes = 40

    /// Converts a name to 全銀 half-width kana, or explains why it cannot be.
    ///
    /// - Parameters:
    ///   - s: the name as read (katakana, hiragana, half-width kana, Latin…); kanji is rejected,
    ///     so pass the フリガナ field.
    ///   - maxBytes: byte limit (30 for 受取人名, 40 for 依頼人名).
    ///   - nakaguro: what `・` becomes.
    ///   - profile: the allowed character set.
    ///   - abbreviate: apply the 法人略語 of jp-formats §2.3 (default `true`).
    /// - Returns: the half-width name; every character is a single CP932 byte.
    /// - Throws: ``ZenginKanaError`` with `.empty`, `.disallowedCharacter` (each offending input
    ///   character with its scalars and offset) or `.tooLong` (the untruncated result and its length).
    public static func convert(
        _ s: String,
        maxBytes: Int = 30,
        nakaguro: Nakaguro = .period,
        profile: Profile = .strict,
        abbreviate: Bool = true
    ) throws(ZenginKanaError) -> String {
        let characters = Array(s)
        var units: [Unit] = []
        for (offset, character) in characters.enumerated() {
            // Spacing marks ゛゜ stand for the voiced marks here (OCR of `カ゛`); NFKC would
            // turn them into a space plus a combining mark.
            if character == "゛" || character == "゜" {
                let mark = character == "゛" ? KanaTable.combiningVoiced : KanaTable.combiningSemiVoiced
                units.append(Unit(scalar: mark, origin: offset))
                continue
            }
            for scalar in JapaneseText.nfkc(String(character)).unicodeScalars {
                for mapped in normalise(scalar, nakaguro: nakaguro) {
                    units.append(Unit(scalar: mapped, origin: offset))
                }
            }
        }
        units = collapsingSpaces(units)
        guard !units.isEmpty else { throw .empty() }
        if abbreviate { units = abbreviatingCorporateTerms(units) }

        var output = String.UnicodeScalarView()
        var offendingOrigins: [Int] = []
        for unit in units {
            for half in JapaneseText.katakanaToHalfwidth(String(unit.scalar)).unicodeScalars {
                if isAllowed(half, profile: profile) {
                    output.append(half)
                } else if !offendingOrigins.contains(unit.origin) {
                    offendingOrigins.append(unit.origin)
                }
            }
        }
        guard offendingOrigins.isEmpty else {
            let offenses = offendingOrigins.map { offset in
                ZenginKanaError.Offense(
                    character: characters[offset],
                    scalars: characters[offset].codePointNotation,
                    offset: offset
                )
            }
            throw .disallowed(offenses)
        }
        let result = String(output)
        guard output.count <= maxBytes else {
            throw .tooLong(result, bytes: output.count, limit: maxBytes)
        }
        return result
    }

    /// Whether an already converted string is valid 全銀 kana: non-empty, allowed set, ≤ `maxBytes`.
    public static func isValid(_ s: String, maxBytes: Int = 30, profile: Profile = .strict) -> Bool {
        !s.isEmpty && s.unicodeScalars.count <= maxBytes
            && s.unicodeScalars.allSatisfy { isAllowed($0, profile: profile) }
    }

    /// Whether one scalar belongs to the allowed single-byte set of `profile`.
    public static func isAllowed(_ scalar: Unicode.Scalar, profile: Profile = .strict) -> Bool {
        switch scalar.value {
        case 0xFF71...0xFF9F: return true  // ｱ–ﾝ ﾞ ﾟ
        case 0x30...0x39, 0x41...0x5A: return true  // 0–9 A–Z
        case 0x20, 0x28, 0x29, 0x2D, 0x2E: return true  // space ( ) - .
        case 0x2F: return profile == .standard  // /
        default: return false
        }
    }

    // MARK: - Steps

    /// One scalar of the normalised name and the input character it came from.
    struct Unit: Equatable {
        var scalar: Unicode.Scalar
        let origin: Int
    }

    /// Steps 2–8 for one scalar of the NFKC form.
    static func normalise(_ scalar: Unicode.Scalar, nakaguro: Nakaguro) -> [Unicode.Scalar] {
        var s = scalar
        if (0x3041...0x3096).contains(s.value) || (0x309D...0x309E).contains(s.value) {
            s = Unicode.Scalar(s.value + 0x60) ?? s
        }
        if let large = KanaTable.smallToLarge[s] { s = large }
        switch s {
        case "ヰ": return ["イ"]
        case "ヱ": return ["エ"]
        case "ヲ": return ["オ"]
        case "ヸ": return ["イ", KanaTable.combiningVoiced]
        case "ヹ": return ["エ", KanaTable.combiningVoiced]
        case "ヺ": return ["オ", KanaTable.combiningVoiced]
        case "・", "\u{00B7}": return [nakaguro == .period ? "." : " "]
        default: break
        }
        if JapaneseText.dashScalars.contains(s) { return ["-"] }
        if s.properties.isWhitespace { return [" "] }
        if ("a"..."z").contains(s) { return [Unicode.Scalar(s.value - 0x20) ?? s] }
        return [s]
    }

    /// Step 7: drops leading and trailing spaces and collapses runs.
    static func collapsingSpaces(_ units: [Unit]) -> [Unit] {
        var out: [Unit] = []
        for unit in units {
            if unit.scalar == " " && (out.isEmpty || out.last?.scalar == " ") { continue }
            out.append(unit)
        }
        if out.last?.scalar == " " { out.removeLast() }
        return out
    }

    /// A run of the name: a normalised unit, or a recognised 法人 term replaced by its abbreviation.
    private enum Segment {
        case unit(Unit)
        case abbreviation([Unicode.Scalar], origin: Int)

        var isSpace: Bool {
            if case .unit(let unit) = self { return unit.scalar == " " }
            return false
        }

        var isAbbreviation: Bool {
            if case .abbreviation = self { return true }
            return false
        }
    }

    /// Normalised spellings (longest first) and their abbreviations.
    private static let matchers: [(pattern: [Unicode.Scalar], abbreviation: [Unicode.Scalar])] = {
        var list: [(pattern: [Unicode.Scalar], abbreviation: [Unicode.Scalar])] = []
        for entry in CorporateAbbreviation.table {
            let abbreviation = normalisedScalars(entry.abbreviation)
            for spelling in entry.spellings {
                list.append((normalisedScalars(spelling), abbreviation))
            }
        }
        return list.sorted { $0.pattern.count > $1.pattern.count }
    }()

    private static func normalisedScalars(_ s: String) -> [Unicode.Scalar] {
        JapaneseText.nfkc(s).unicodeScalars.flatMap { normalise($0, nakaguro: .period) }
    }

    /// Step 10: replaces 法人 terms, leftmost-longest, with their abbreviation marked by position.
    static func abbreviatingCorporateTerms(_ units: [Unit]) -> [Unit] {
        var segments: [Segment] = []
        var index = 0
        scan: while index < units.count {
            for matcher in matchers where index + matcher.pattern.count <= units.count {
                let window = units[index..<(index + matcher.pattern.count)]
                if zip(window, matcher.pattern).allSatisfy({ $0.scalar == $1 }) {
                    segments.append(.abbreviation(matcher.abbreviation, origin: units[index].origin))
                    index += matcher.pattern.count
                    continue scan
                }
            }
            segments.append(.unit(units[index]))
            index += 1
        }
        guard segments.contains(where: \.isAbbreviation) else { return units }

        var out: [Unit] = []
        for (k, segment) in segments.enumerated() {
            switch segment {
            case .unit(let unit):
                let touchesAbbreviation =
                    (k > 0 && segments[k - 1].isAbbreviation)
                    || (k + 1 < segments.count && segments[k + 1].isAbbreviation)
                if unit.scalar == " " && touchesAbbreviation { continue }
                out.append(unit)
            case .abbreviation(let abbreviation, let origin):
                let before = segments[..<k].contains { !$0.isSpace }
                let after = segments[(k + 1)...].contains { !$0.isSpace }
                var scalars = abbreviation
                if before { scalars.insert("(", at: 0) }
                if after || !before { scalars.append(")") }
                out.append(contentsOf: scalars.map { Unit(scalar: $0, origin: origin) })
            }
        }
        return out
    }
}
