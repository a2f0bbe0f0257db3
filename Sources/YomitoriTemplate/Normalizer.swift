/// One step of a field's `normalize:` list, applied in order to the value read
/// (the result is what goes into import files).
///
/// The steps themselves live in YomitoriValidation (`Normalization`); this is only their name.
public enum Normalizer: String, Sendable, Equatable, CaseIterable {
    /// Unicode NFKC (互換分解 + 正準合成): full-width ASCII → ASCII, half-width kana → full-width, `㈱` → `(株)`.
    case nfkc
    /// Full-width ASCII and U+3000 → ASCII (全角英数 → 半角); kana untouched.
    case halfwidth
    /// ASCII and half-width kana → full-width (半角 → 全角).
    case fullwidth
    /// Hiragana → katakana (ひらがな → カタカナ).
    case katakana
    /// Katakana → hiragana (カタカナ → ひらがな).
    case hiragana
    /// Full-width katakana → JIS X 0201 half-width katakana (`ガ` → `ｶﾞ`).
    case halfwidthKatakana = "halfwidth_katakana"
    /// 全銀 half-width kana for 口座名義 (small kana → large, `ー` → `-`, ≤ 30 bytes); a name that
    /// cannot be converted fails validation with code `zengin_kana`.
    case zenginKana = "zengin_kana"
    /// The ASCII digits of the NFKC form only (`〒１２３－４５６７` → `1234567`).
    case digitsOnly = "digits_only"
    /// Every run of white space (incl. U+3000) → one ASCII space, trimmed.
    case collapseSpaces = "collapse_spaces"
    /// Every white-space character removed.
    case removeSpaces = "remove_spaces"
    /// Leading and trailing white space removed.
    case trim
    /// Latin letters → upper case.
    case upper
    /// Latin letters → lower case.
    case lower
}
