public import YomitoriText

/// One text normalisation step applied to a column's value (`normalize:` on a column), in order.
///
/// Every step but ``zenginKana`` is total; ``zenginKana`` fails on characters 全銀 does not allow
/// and on names over 30 bytes, which sends the record to review (never a silent cut).
public enum ColumnNormalizer: String, Sendable, Equatable, CaseIterable {
    /// Unicode NFKC (`ＡＢＣ１２３` → `ABC123`, `ｶﾞ` → `ガ`, `㈱` → `(株)`).
    case nfkc
    /// Full-width ASCII and U+3000 → ASCII (全角英数 → 半角); kana and kanji unchanged.
    case halfwidth
    /// ASCII → full-width, half-width kana → full-width katakana (半角 → 全角).
    case fullwidth
    /// Hiragana → katakana (ひらがな → カタカナ).
    case katakana
    /// Hiragana and katakana → JIS X 0201 half-width katakana (`ガ` → `ｶﾞ`).
    case halfwidthKatakana = "halfwidth_katakana"
    /// 全銀 口座名義 kana (`キュウヨ　イチロウ` → `ｷﾕｳﾖ ｲﾁﾛｳ`, 法人略語), at most 30 bytes.
    case zenginKana = "zengin_kana"
    /// ASCII digits of the NFKC form only (`〒１２３－４５６７` → `1234567`).
    case digitsOnly = "digits_only"
    /// Every run of white space (incl. U+3000 and line breaks) → one space, trimmed.
    case collapseSpaces = "collapse_spaces"
    /// Every white-space character removed.
    case removeSpaces = "remove_spaces"
    /// Leading and trailing white space removed.
    case trim
    /// Upper case (`abc` → `ABC`, also full-width Latin).
    case upper
    /// Lower case.
    case lower

    /// Applies the step.
    /// - Throws: ``ZenginKanaError`` from ``zenginKana`` only.
    public func apply(_ s: String) throws(ZenginKanaError) -> String {
        switch self {
        case .nfkc: return JapaneseText.nfkc(s)
        case .halfwidth: return JapaneseText.toHalfwidthASCII(s)
        case .fullwidth: return JapaneseText.toFullwidth(s)
        case .katakana: return JapaneseText.hiraganaToKatakana(s)
        case .halfwidthKatakana: return JapaneseText.katakanaToHalfwidth(JapaneseText.hiraganaToKatakana(s))
        case .zenginKana: return s.isEmpty ? s : try ZenginKana.convert(s, maxBytes: ZenginKana.recipientNameBytes)
        case .digitsOnly: return JapaneseText.digitsOnly(s)
        case .collapseSpaces: return JapaneseText.collapseWhitespace(s)
        case .removeSpaces: return JapaneseText.removeWhitespace(s)
        case .trim:
            return String(s.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        case .upper: return s.uppercased()
        case .lower: return s.lowercased()
        }
    }
}
