import Testing
import YomitoriText

@Suite("ZenginKana")
struct ZenginKanaTests {
    /// Every full-width katakana (rows of the 50音 table, voiced, semi-voiced, small, obsolete, ヴ).
    static let katakanaTable: [(String, String)] = [
        ("アイウエオ", "ｱｲｳｴｵ"),
        ("カキクケコ", "ｶｷｸｹｺ"),
        ("サシスセソ", "ｻｼｽｾｿ"),
        ("タチツテト", "ﾀﾁﾂﾃﾄ"),
        ("ナニヌネノ", "ﾅﾆﾇﾈﾉ"),
        ("ハヒフヘホ", "ﾊﾋﾌﾍﾎ"),
        ("マミムメモ", "ﾏﾐﾑﾒﾓ"),
        ("ヤユヨ", "ﾔﾕﾖ"),
        ("ラリルレロ", "ﾗﾘﾙﾚﾛ"),
        ("ワン", "ﾜﾝ"),
        ("ガギグゲゴ", "ｶﾞｷﾞｸﾞｹﾞｺﾞ"),
        ("ザジズゼゾ", "ｻﾞｼﾞｽﾞｾﾞｿﾞ"),
        ("ダヂヅデド", "ﾀﾞﾁﾞﾂﾞﾃﾞﾄﾞ"),
        ("バビブベボ", "ﾊﾞﾋﾞﾌﾞﾍﾞﾎﾞ"),
        ("パピプペポ", "ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ"),
        ("ヴ", "ｳﾞ"),
        ("ァィゥェォ", "ｱｲｳｴｵ"),
        ("ッャュョヮ", "ﾂﾔﾕﾖﾜ"),
        ("ヵヶ", "ｶｹ"),
        ("ヰヱヲ", "ｲｴｵ"),
        ("ヷヸヹヺ", "ﾜﾞｲﾞｴﾞｵﾞ"),
    ]

    @Test(arguments: katakanaTable)
    func everyKatakana(katakana: String, expected: String) throws {
        #expect(try ZenginKana.convert(katakana) == expected)
    }

    @Test(arguments: katakanaTable)
    func everyHiraganaAndHalfwidthForm(katakana: String, expected: String) throws {
        let hiragana = JapaneseText.katakanaToHiragana(katakana)
        if hiragana != katakana {  // ヷヸヹヺ have no hiragana
            #expect(try ZenginKana.convert(hiragana) == expected)
        }
        let halfwidth = JapaneseText.katakanaToHalfwidth(katakana)
        if halfwidth.unicodeScalars.allSatisfy({ $0.value >= 0xFF61 }) {
            #expect(try ZenginKana.convert(halfwidth) == expected)
        }
    }

    /// jp-formats §2.4 test vectors.
    @Test(arguments: [
        ("キュウヨ イチロウ", "ｷﾕｳﾖ ｲﾁﾛｳ"),
        ("キュウヨ\u{3000}イチロウ", "ｷﾕｳﾖ ｲﾁﾛｳ"),
        ("きゅうよ\u{3000}いちろう", "ｷﾕｳﾖ ｲﾁﾛｳ"),
        ("ｷｭｳﾖ ｲﾁﾛｳ", "ｷﾕｳﾖ ｲﾁﾛｳ"),
        ("ジンジ ショウゴ", "ｼﾞﾝｼﾞ ｼﾖｳｺﾞ"),
        ("ジョーンズ", "ｼﾞﾖ-ﾝｽﾞ"),
        ("カブシキガイシャ ヤマダ", "ｶ)ﾔﾏﾀﾞ"),
        ("カブシキガイシャ ヤマダ・エージェンシー", "ｶ)ﾔﾏﾀﾞ.ｴ-ｼﾞｴﾝｼ-"),
        ("ヤマダショウジ カブシキガイシャ", "ﾔﾏﾀﾞｼﾖｳｼﾞ(ｶ"),
        ("ヤマダショウジ カブシキガイシャ カスミガセキシシャ", "ﾔﾏﾀﾞｼﾖｳｼﾞ(ｶ)ｶｽﾐｶﾞｾｷｼｼﾔ"),
        ("ヴァイオリン\u{3000}タロウ", "ｳﾞｱｲｵﾘﾝ ﾀﾛｳ"),
        ("ＡＢＣ\u{3000}ｼｮｳｼﾞ", "ABC ｼﾖｳｼﾞ"),
        ("abc ﾃｽﾄ", "ABC ﾃｽﾄ"),
        ("ヲノ ヱミ", "ｵﾉ ｴﾐ"),
        ("ﾊﾟｰｸ ｼﾞｭﾝ", "ﾊﾟ-ｸ ｼﾞﾕﾝ"),
    ])
    func referenceVectors(input: String, expected: String) throws {
        #expect(try ZenginKana.convert(input) == expected)
    }

    @Test(arguments: [
        ("  ヤマダ   タロウ  ", "ﾔﾏﾀﾞ ﾀﾛｳ"),
        ("ヤマダ\tタロウ", "ﾔﾏﾀﾞ ﾀﾛｳ"),
        ("コ－ヒ－ ミ−ル ア‐イ サ―ビス", "ｺ-ﾋ- ﾐ-ﾙ ｱ-ｲ ｻ-ﾋﾞｽ"),
        ("キャッシュ", "ｷﾔﾂｼﾕ"),
        ("ｶﾞｯｺｳ", "ｶﾞﾂｺｳ"),
        ("カ\u{3099}ツコウ", "ｶﾞﾂｺｳ"),
        ("ヤマダ 123", "ﾔﾏﾀﾞ 123"),
        ("ＹＡＭＡＤＡ ｔａｒｏ", "YAMADA TARO"),
        ("(カ)ヤマダ", "(ｶ)ﾔﾏﾀﾞ"),
        ("カ゛ツコウ ハ゜ン", "ｶﾞﾂｺｳ ﾊﾟﾝ"),
    ])
    func normalisationSteps(input: String, expected: String) throws {
        #expect(try ZenginKana.convert(input) == expected)
    }

    @Test func nakaguroIsConfigurable() throws {
        #expect(try ZenginKana.convert("ヤマダ・エージェンシー", nakaguro: .period) == "ﾔﾏﾀﾞ.ｴ-ｼﾞｴﾝｼ-")
        #expect(try ZenginKana.convert("ヤマダ・エージェンシー", nakaguro: .space) == "ﾔﾏﾀﾞ ｴ-ｼﾞｴﾝｼ-")
        #expect(try ZenginKana.convert("ﾔﾏﾀﾞ ･ ｴｰｼﾞｪﾝｼｰ", nakaguro: .space) == "ﾔﾏﾀﾞ ｴ-ｼﾞｴﾝｼ-")
    }

    @Test(arguments: [
        ("ユウゲンガイシャ サトウ", "ﾕ)ｻﾄｳ"),
        ("サトウ ユウゲンカイシャ", "ｻﾄｳ(ﾕ"),
        ("ゴウドウガイシャ アオバ", "ﾄﾞ)ｱｵﾊﾞ"),
        ("イリョウホウジンシャダン アオバカイ", "ｲ)ｱｵﾊﾞｶｲ"),
        ("シャカイフクシホウジン アオバカイ", "ﾌｸ)ｱｵﾊﾞｶｲ"),
        ("イッパンシャダンホウジン ニホンキヨウカイ", "ｼﾔ)ﾆﾎﾝｷﾖｳｶｲ"),
        ("トクテイヒエイリカツドウホウジン アオバ", "ﾄｸﾋ)ｱｵﾊﾞ"),
        ("チホウドクリツギョウセイホウジン アオバビョウイン", "ﾁﾄﾞｸ)ｱｵﾊﾞﾋﾞﾖｳｲﾝ"),
        ("ドクリツギョウセイホウジン アオバ", "ﾄﾞｸ)ｱｵﾊﾞ"),
        ("アオバノウギョウ キョウドウクミアイ", "ｱｵﾊﾞﾉｳｷﾞﾖｳ(ｷﾖｳｸﾐ"),
        ("アオバ コクミンケンコウホケンクミアイ", "ｱｵﾊﾞ(ｺｸﾎ"),
        ("カブシキガイシャ アオバ トウキョウエイギョウショ", "ｶ)ｱｵﾊﾞ ﾄｳｷﾖｳ(ｴｲ"),
        ("株式会社 ヤマダ", "ｶ)ﾔﾏﾀﾞ"),
        ("㈱ヤマダ", "ｶ)ﾔﾏﾀﾞ"),
        ("ヤマダ(株)", "ﾔﾏﾀﾞ(ｶ"),
        ("ギョウセイショシホウジン アオバ", "ｷﾞﾖ)ｱｵﾊﾞ"),
    ])
    func corporateAbbreviations(input: String, expected: String) throws {
        #expect(try ZenginKana.convert(input) == expected)
    }

    @Test func abbreviationCanBeDisabled() throws {
        #expect(try ZenginKana.convert("カブシキガイシャ ヤマダ", abbreviate: false) == "ｶﾌﾞｼｷｶﾞｲｼﾔ ﾔﾏﾀﾞ")
    }

    @Test func kanjiIsRejectedWithEveryOffendingCharacter() {
        #expect {
            try ZenginKana.convert("山田 太郎")
        } throws: { error in
            guard let error = error as? ZenginKanaError else { return false }
            return error.code == .disallowedCharacter
                && error.offenses.map(\.offset) == [0, 1, 3, 4]
                && error.offenses.map(\.scalars) == ["U+5C71", "U+7530", "U+592A", "U+90CE"]
                && error.offenses.first?.character == "山"
                && error.description.contains("U+5C71")
        }
    }

    @Test(arguments: [
        ("サトウ，ハナコ", [3]),
        ("サトウ、ハナコ", [3]),
        ("ヤマダ 〜 タロウ", [4]),
        ("ササキ々", [3]),
        ("ヤマダ😀", [3]),
        ("ヤマダ/タロウ", [3]),
        ("アオキ&ムラ", [3]),
        ("Ｍüller", [1]),
    ])
    func disallowedCharactersArePositioned(input: String, offsets: [Int]) {
        do {
            let value = try ZenginKana.convert(input)
            Issue.record("expected an error, got \(value)")
        } catch {
            #expect(error.code == .disallowedCharacter)
            #expect(error.offenses.map(\.offset) == offsets)
        }
    }

    @Test func slashOnlyInStandardProfile() throws {
        #expect(try ZenginKana.convert("ヤマダ/タロウ", profile: .standard) == "ﾔﾏﾀﾞ/ﾀﾛｳ")
    }

    @Test func byteLimitIsNeverTruncated() throws {
        let thirty = String(repeating: "ア", count: 30)
        #expect(try ZenginKana.convert(thirty) == String(repeating: "ｱ", count: 30))
        // 15 voiced kana = 30 bytes (each mark is one byte); one more character makes 31.
        let voiced = String(repeating: "ガ", count: 15)
        #expect(try ZenginKana.convert(voiced).unicodeScalars.count == 30)
        do {
            let value = try ZenginKana.convert(voiced + "ア")
            Issue.record("expected tooLong, got \(value)")
        } catch {
            #expect(error.code == .tooLong)
            #expect(error.byteCount == 31)
            #expect(error.maxBytes == 30)
            #expect(error.converted == String(repeating: "ｶﾞ", count: 15) + "ｱ")
        }
        #expect(try ZenginKana.convert(voiced + "ア", maxBytes: ZenginKana.requesterNameBytes).count == 16)
    }

    @Test(arguments: ["", "   ", "\u{3000}\u{3000}", "\n"])
    func blankIsEmpty(input: String) {
        do {
            let value = try ZenginKana.convert(input)
            Issue.record("expected empty, got \(value)")
        } catch {
            #expect(error.code == .empty)
            #expect(error.offenses.isEmpty)
        }
    }

    @Test func isValidChecksConvertedText() {
        #expect(ZenginKana.isValid("ｷﾕｳﾖ ｲﾁﾛｳ"))
        #expect(ZenginKana.isValid("ｶ)ﾔﾏﾀﾞ.ｴ-ｼﾞｴﾝｼ-"))
        #expect(!ZenginKana.isValid("ｷｭｳﾖ"))  // small kana
        #expect(!ZenginKana.isValid("ﾊﾟｰｸ"))  // ｰ is not allowed
        #expect(!ZenginKana.isValid("ｦﾉ"))
        #expect(!ZenginKana.isValid("yamada"))
        #expect(!ZenginKana.isValid(""))
        #expect(!ZenginKana.isValid(String(repeating: "ｱ", count: 31)))
        #expect(ZenginKana.isValid("ｱ/ｲ", profile: .standard))
        #expect(!ZenginKana.isValid("ｱ/ｲ"))
    }

    @Test func everyOutputIsSingleByteCP932() throws {
        for (katakana, _) in Self.katakanaTable {
            let converted = try ZenginKana.convert(katakana)
            #expect(CP932.isSingleByte(converted))
        }
    }
}
