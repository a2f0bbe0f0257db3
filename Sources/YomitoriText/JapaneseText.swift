import Foundation

/// Pure functions for normalising Japanese text read from forms (正規化, 全角/半角, ひらがな/カタカナ).
///
/// Every function is total: characters a function does not know are passed through unchanged.
public enum JapaneseText {
    /// Unicode NFKC (互換分解 + 正準合成).
    ///
    /// Uses Foundation's `precomposedStringWithCompatibilityMapping` followed by
    /// `precomposedStringWithCanonicalMapping`: on Linux (Swift 6.3.1) the former leaves
    /// half-width voiced kana decomposed (`ｶﾞ` → `カ` + U+3099), the second pass composes
    /// them (`ガ`), which is what NFKC requires.
    public static func nfkc(_ s: String) -> String {
        s.precomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping
    }

    /// Full-width ASCII (U+FF01–U+FF5E) and the ideographic space U+3000 → ASCII (全角英数記号 → 半角).
    ///
    /// Kana, kanji and everything else are left alone (unlike NFKC, which also rewrites kana and ligatures).
    public static func toHalfwidthASCII(_ s: String) -> String {
        mapScalars(s) { scalar in
            switch scalar.value {
            case 0xFF01...0xFF5E: return Unicode.Scalar(scalar.value - 0xFEE0).map { [$0] } ?? [scalar]
            case 0x3000: return [" "]
            default: return [scalar]
            }
        }
    }

    /// ASCII → full-width, half-width katakana → full-width katakana (半角 → 全角).
    ///
    /// Voiced marks are composed (`ｶﾞ` → `ガ`, `ﾊﾟ` → `パ`, `ｳﾞ` → `ヴ`); a mark that cannot be
    /// composed becomes the spacing mark `゛`/`゜`. ASCII space becomes U+3000.
    public static func toFullwidth(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0x21...0x7E:
                out.append(Unicode.Scalar(scalar.value + 0xFEE0) ?? scalar)
            case 0x20:
                out.append("\u{3000}")
            case 0xFF9E, 0xFF9F:
                let table = scalar == KanaTable.halfVoiced ? KanaTable.voiced : KanaTable.semiVoiced
                if let last = out.last, let composed = table[last] {
                    out.removeLast()
                    out.append(composed)
                } else {
                    out.append(KanaTable.halfToFull[scalar] ?? scalar)
                }
            default:
                out.append(KanaTable.halfToFull[scalar] ?? scalar)
            }
        }
        return String(out)
    }

    /// Hiragana → katakana (ひらがな → カタカナ), including ゔ → ヴ and ゝゞ → ヽヾ.
    public static func hiraganaToKatakana(_ s: String) -> String {
        mapScalars(s) { scalar in
            switch scalar.value {
            case 0x3041...0x3096, 0x309D...0x309E:
                return Unicode.Scalar(scalar.value + 0x60).map { [$0] } ?? [scalar]
            default: return [scalar]
            }
        }
    }

    /// The large kana of a small one, katakana or hiragana (ャ → ヤ, ぃ → い, ッ → ツ), or nil
    /// for any other character.
    public static func largeKana(_ c: Character) -> Character? {
        guard c.unicodeScalars.count == 1, let scalar = c.unicodeScalars.first else { return nil }
        let isHiragana = (0x3041...0x3096).contains(scalar.value)
        guard let katakana = isHiragana ? Unicode.Scalar(scalar.value + 0x60) : scalar,
              let large = KanaTable.smallToLarge[katakana] else { return nil }
        return Character(isHiragana ? Unicode.Scalar(large.value - 0x60)! : large)
    }

    /// Katakana → hiragana (カタカナ → ひらがな); ヷヸヹヺ and ー have no hiragana form and stay.
    public static func katakanaToHiragana(_ s: String) -> String {
        mapScalars(s) { scalar in
            switch scalar.value {
            case 0x30A1...0x30F6, 0x30FD...0x30FE:
                return Unicode.Scalar(scalar.value - 0x60).map { [$0] } ?? [scalar]
            default: return [scalar]
            }
        }
    }

    /// Full-width katakana → JIS X 0201 half-width katakana (全角カナ → 半角ｶﾅ).
    ///
    /// Voiced kana become base + `ﾞ`/`ﾟ` (`ガ` → `ｶﾞ`, `パ` → `ﾊﾟ`, `ヴ` → `ｳﾞ`), `ー` → `ｰ`,
    /// `・` → `･`, `。「」、` → `｡｢｣､`, combining and spacing voiced marks → `ﾞ`/`ﾟ`.
    /// Characters without a JIS X 0201 form (ヮ ヵ ヶ ヰ ヱ ヸ ヹ) are left unchanged.
    public static func katakanaToHalfwidth(_ s: String) -> String {
        mapScalars(s) { scalar in
            if let half = KanaTable.fullToHalf[scalar] { return [half] }
            if let parts = KanaTable.decomposed[scalar], let base = KanaTable.fullToHalf[parts.base] {
                return [base, parts.mark]
            }
            switch scalar {
            case KanaTable.combiningVoiced: return [KanaTable.halfVoiced]
            case KanaTable.combiningSemiVoiced: return [KanaTable.halfSemiVoiced]
            default: return [scalar]
            }
        }
    }

    /// Every run of Unicode white space (incl. U+3000, tabs, newlines) → one ASCII space, trimmed.
    public static func collapseWhitespace(_ s: String) -> String {
        s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Removes every Unicode white-space character (incl. U+3000).
    public static func removeWhitespace(_ s: String) -> String {
        String(s.filter { !$0.isWhitespace })
    }

    /// The ASCII digits 0–9 of the NFKC form (`〒１２３－４５６７` → `1234567`, `①` → `1`).
    public static func digitsOnly(_ s: String) -> String {
        String(String.UnicodeScalarView(nfkc(s).unicodeScalars.filter { ("0"..."9").contains($0) }))
    }

    /// Whether `s` is non-empty full-width katakana only (フリガナ check), incl. `ー`, `・`, `ヽヾ`.
    ///
    /// - Parameter allowSpace: also accept ASCII space and U+3000 (姓 名 separator).
    public static func isKatakana(_ s: String, allowSpace: Bool = true) -> Bool {
        guard !s.isEmpty else { return false }
        var sawKana = false
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0x30A1...0x30FE: sawKana = true
            case 0x20, 0x3000:
                guard allowSpace else { return false }
            default: return false
            }
        }
        return sawKana
    }

    /// Removes variation selectors (異体字セレクタ): U+FE00–U+FE0F and the IVS range U+E0100–U+E01EF.
    public static func stripVariationSelectors(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.filter { !isVariationSelector($0) }))
    }

    // MARK: - Internal helpers

    /// Whether the scalar is a variation selector (U+FE00–U+FE0F, U+E0100–U+E01EF).
    static func isVariationSelector(_ scalar: Unicode.Scalar) -> Bool {
        (0xFE00...0xFE0F).contains(scalar.value) || (0xE0100...0xE01EF).contains(scalar.value)
    }

    /// Dash-like scalars read from forms: hyphens, dashes, minus signs, 長音 `ー` and their width variants.
    static let dashScalars: Set<Unicode.Scalar> = [
        "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2043}",
        "\u{2212}", "\u{30FC}", "\u{FE63}", "\u{FF0D}", "\u{FF70}",
    ]

    /// Maps each scalar to zero or more scalars.
    static func mapScalars(_ s: String, _ transform: (Unicode.Scalar) -> [Unicode.Scalar]) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars { out.append(contentsOf: transform(scalar)) }
        return String(out)
    }
}
