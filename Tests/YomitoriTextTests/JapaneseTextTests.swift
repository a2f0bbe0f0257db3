import Testing
import YomitoriText

/// Unicode scalars as `U+XXXX` values, for comparisons that must not use canonical equivalence.
func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

@Suite("JapaneseText")
struct JapaneseTextTests {
    @Test("NFKC composes half-width voiced kana (Foundation leaves them decomposed)")
    func nfkcComposesVoicedKana() {
        #expect(scalars(JapaneseText.nfkc("ｶﾞｷﾞﾊﾟ")) == scalars("\u{30AC}\u{30AE}\u{30D1}"))
        #expect(scalars(JapaneseText.nfkc("ｳﾞ")) == [0x30F4])
        #expect(JapaneseText.nfkc("ＡＢＣ１２３") == "ABC123")
        #expect(JapaneseText.nfkc("㈱") == "(株)")
        #expect(JapaneseText.nfkc("㋿") == "令和")
        #expect(JapaneseText.nfkc("㍻") == "平成")
        #expect(JapaneseText.nfkc("\u{3000}") == " ")
    }

    @Test(arguments: [
        ("ＡＢＣ　ａｂｃ１２３", "ABC abc123"),
        ("（株）ヤマダ！", "(株)ヤマダ!"),
        ("～＠＃", "~@#"),
        ("ｶﾞ山田ガ", "ｶﾞ山田ガ"),
        ("", ""),
    ])
    func toHalfwidthASCII(input: String, expected: String) {
        #expect(scalars(JapaneseText.toHalfwidthASCII(input)) == scalars(expected))
    }

    @Test(arguments: [
        ("ABC abc!", "ＡＢＣ\u{3000}ａｂｃ！"),
        ("ｶﾞｷﾞﾊﾟﾋﾟｳﾞ", "ガギパピヴ"),
        ("ﾔﾏﾀﾞ ﾀﾛｳ", "ヤマダ\u{3000}タロウ"),
        ("ｷｬｯｼｭｰ", "キャッシュー"),
        ("｢ｱ｣･｡､ｦ", "「ア」・。、ヲ"),
        ("ｱﾞ", "ア゛"),
        ("ﾞ", "゛"),
        ("漢字", "漢字"),
    ])
    func toFullwidth(input: String, expected: String) {
        #expect(scalars(JapaneseText.toFullwidth(input)) == scalars(expected))
    }

    @Test func hiraganaKatakanaRoundTrip() {
        let hiragana = "ぁあぃいぅうぇえぉおかがきぎくぐけげこごさざしじすずせぜそぞただちぢっつづてでとどなにぬねのはばぱひびぴふぶぷへべぺほぼぽまみむめもゃやゅゆょよらりるれろゎわゐゑをんゔゕゖゝゞ"
        let katakana = "ァアィイゥウェエォオカガキギクグケゲコゴサザシジスズセゼソゾタダチヂッツヅテデトドナニヌネノハバパヒビピフブプヘベペホボポマミムメモャヤュユョヨラリルレロヮワヰヱヲンヴヵヶヽヾ"
        #expect(JapaneseText.hiraganaToKatakana(hiragana) == katakana)
        #expect(JapaneseText.katakanaToHiragana(katakana) == hiragana)
        #expect(JapaneseText.hiraganaToKatakana("やまだ ー 山田") == "ヤマダ ー 山田")
        #expect(JapaneseText.katakanaToHiragana("ヷー") == "ヷー")
    }

    @Test(arguments: [
        ("ガ", "ｶﾞ"), ("パ", "ﾊﾟ"), ("ヴ", "ｳﾞ"), ("ー", "ｰ"),
        ("ヤマダ・タロウ", "ﾔﾏﾀﾞ･ﾀﾛｳ"),
        ("キャッシュ", "ｷｬｯｼｭ"),
        ("ヲ", "ｦ"), ("ヷ", "ﾜﾞ"), ("ヺ", "ｦﾞ"),
        ("「。、」", "｢｡､｣"),
        ("カ\u{3099}", "ｶﾞ"),
        ("ヮヵヶヰヱ", "ヮヵヶヰヱ"),
        ("ABC 山田", "ABC 山田"),
    ])
    func katakanaToHalfwidth(input: String, expected: String) {
        #expect(scalars(JapaneseText.katakanaToHalfwidth(input)) == scalars(expected))
    }

    @Test func halfwidthFullwidthRoundTripOfEveryKana() {
        let full = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
            + "ガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポヴァィゥェォッャュョー"
        let half = JapaneseText.katakanaToHalfwidth(full)
        #expect(half.unicodeScalars.allSatisfy { (0xFF61...0xFF9F).contains($0.value) })
        #expect(scalars(JapaneseText.toFullwidth(half)) == scalars(full))
    }

    @Test func whitespace() {
        #expect(JapaneseText.collapseWhitespace("  ヤマダ\u{3000}\u{3000}タロウ\t\n ") == "ヤマダ タロウ")
        #expect(JapaneseText.collapseWhitespace("\u{3000}") == "")
        #expect(JapaneseText.removeWhitespace(" 1 2\u{3000}3\t4\n") == "1234")
    }

    @Test func digitsOnly() {
        #expect(JapaneseText.digitsOnly("〒１２３－４５６７") == "1234567")
        #expect(JapaneseText.digitsOnly("tel: 03 (1234) 5678") == "0312345678")
        #expect(JapaneseText.digitsOnly("なし") == "")
    }

    @Test(arguments: [
        ("ヤマダ タロウ", true, true),
        ("ヤマダ\u{3000}タロウ", true, true),
        ("ヤマダ タロウ", false, false),
        ("ヤマダタロウ", false, true),
        ("ジョーンズ・スミス", true, true),
        ("ヴァイオリン", true, true),
        ("やまだ", true, false),
        ("ﾔﾏﾀﾞ", true, false),
        ("山田", true, false),
        ("ヤマダ1", true, false),
        ("", true, false),
        (" ", true, false),
    ])
    func isKatakana(input: String, allowSpace: Bool, expected: Bool) {
        #expect(JapaneseText.isKatakana(input, allowSpace: allowSpace) == expected)
    }

    @Test func stripVariationSelectors() {
        #expect(scalars(JapaneseText.stripVariationSelectors("葛\u{E0100}飾\u{FE00}区")) == scalars("葛飾区"))
        #expect(scalars(JapaneseText.stripVariationSelectors("\u{E01EF}\u{FE0F}a")) == scalars("a"))
        #expect(scalars(JapaneseText.stripVariationSelectors("\u{E01F0}")) == [0xE01F0])
    }
}
