/// Width and kana tables shared by ``JapaneseText`` and ``ZenginKana``.
///
/// JIS X 0201 half-width katakana (U+FF61–U+FF9F) paired with their full-width
/// forms, plus the voiced (濁点) and semi-voiced (半濁点) compositions.
enum KanaTable {
    /// Half-width scalars in U+FF61…U+FF9F order.
    private static let halfwidth = Array("｡｢｣､･ｦｧｨｩｪｫｬｭｮｯｰｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝﾞﾟ".unicodeScalars)
    /// Full-width scalars in the same order (ﾞ and ﾟ pair with the spacing marks ゛ and ゜).
    private static let fullwidth = Array("。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン゛゜".unicodeScalars)

    /// Half-width voiced sound mark ﾞ (U+FF9E).
    static let halfVoiced: Unicode.Scalar = "\u{FF9E}"
    /// Half-width semi-voiced sound mark ﾟ (U+FF9F).
    static let halfSemiVoiced: Unicode.Scalar = "\u{FF9F}"
    /// Combining voiced sound mark (U+3099).
    static let combiningVoiced: Unicode.Scalar = "\u{3099}"
    /// Combining semi-voiced sound mark (U+309A).
    static let combiningSemiVoiced: Unicode.Scalar = "\u{309A}"

    /// Half-width scalar → full-width scalar.
    static let halfToFull: [Unicode.Scalar: Unicode.Scalar] = Dictionary(
        uniqueKeysWithValues: zip(halfwidth, fullwidth)
    )

    /// Full-width scalar → half-width scalar (only characters JIS X 0201 has).
    static let fullToHalf: [Unicode.Scalar: Unicode.Scalar] = Dictionary(
        uniqueKeysWithValues: zip(fullwidth, halfwidth)
    )

    /// Unvoiced base → voiced katakana (カ → ガ, ウ → ヴ, ワ → ヷ, ヲ → ヺ …).
    static let voiced: [Unicode.Scalar: Unicode.Scalar] = {
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for base in "カキクケコサシスセソタチツテトハヒフヘホ".unicodeScalars {
            if let next = Unicode.Scalar(base.value + 1) { table[base] = next }
        }
        table["ウ"] = "ヴ"
        table["ワ"] = "ヷ"
        table["ヰ"] = "ヸ"
        table["ヱ"] = "ヹ"
        table["ヲ"] = "ヺ"
        return table
    }()

    /// Unvoiced base → semi-voiced katakana (ハ → パ …).
    static let semiVoiced: [Unicode.Scalar: Unicode.Scalar] = {
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for base in "ハヒフヘホ".unicodeScalars {
            if let next = Unicode.Scalar(base.value + 2) { table[base] = next }
        }
        return table
    }()

    /// Voiced or semi-voiced katakana → (unvoiced base, combining mark as half-width scalar).
    static let decomposed: [Unicode.Scalar: (base: Unicode.Scalar, mark: Unicode.Scalar)] = {
        var table: [Unicode.Scalar: (base: Unicode.Scalar, mark: Unicode.Scalar)] = [:]
        for (base, composed) in voiced { table[composed] = (base, halfVoiced) }
        for (base, composed) in semiVoiced { table[composed] = (base, halfSemiVoiced) }
        return table
    }()

    /// Small kana → large kana (ァ → ア, ッ → ツ, ヵ → カ, ㇰ → ク …), katakana only.
    static let smallToLarge: [Unicode.Scalar: Unicode.Scalar] = {
        let small = "ァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ".unicodeScalars
        let large = "アイウエオツヤユヨワカケクシストヌハヒフヘホムラリルレロ".unicodeScalars
        return Dictionary(uniqueKeysWithValues: zip(small, large))
    }()
}
