import Testing
import YomitoriResults
import YomitoriTemplate
import YomitoriText
@testable import YomitoriValidation

/// Every `normalize:` step, with vectors, and how steps combine and fail.
@Suite struct NormalizationTests {
    static let vectors: [(Normalizer, String, String)] = [
        (.nfkc, "ＡＢＣ１２３ｶﾞ㈱", "ABC123ガ(株)"),
        (.halfwidth, "ＡＢＣ　１２３－ア", "ABC 123-ア"),
        (.fullwidth, "AB 12ｶﾞ", "ＡＢ　１２ガ"),
        (.katakana, "やまだ たろう", "ヤマダ タロウ"),
        (.hiragana, "ヤマダ タロウ", "やまだ たろう"),
        (.halfwidthKatakana, "ヤマダ ガク", "ﾔﾏﾀﾞ ｶﾞｸ"),
        (.zenginKana, "キュウヨ　イチロウ", "ｷﾕｳﾖ ｲﾁﾛｳ"),
        (.zenginKana, "きゅうよ　いちろう", "ｷﾕｳﾖ ｲﾁﾛｳ"),
        (.zenginKana, "カブシキガイシャ ヤマダ・エージェンシー", "ｶ)ﾔﾏﾀﾞ.ｴ-ｼﾞｴﾝｼ-"),
        (.digitsOnly, "〒１２３－４５６７", "1234567"),
        (.collapseSpaces, "  山田　　太郎 \t", "山田 太郎"),
        (.removeSpaces, " 03 - 1234　5678 ", "03-12345678"),
        (.trim, "\u{3000} 山田 太郎 \n", "山田 太郎"),
        (.upper, "abc-Def ｶﾅ", "ABC-DEF ｶﾅ"),
        (.lower, "ABC@Example.JP", "abc@example.jp"),
    ]

    @Test(arguments: vectors)
    func eachStep(step: Normalizer, input: String, expected: String) {
        #expect(Normalization.apply(step, to: input) == .success(expected))
        #expect(Normalization.apply([step], to: .text(input)) == .success(.text(expected)))
    }

    @Test func everyStepHasAVector() {
        #expect(Set(Self.vectors.map(\.0)) == Set(Normalizer.allCases))
    }

    @Test func stepsApplyInOrder() {
        // nfkc first turns half-width kana full-width, then katakana → half-width again.
        #expect(Normalization.apply([.nfkc, .halfwidthKatakana], to: .text("ｶﾞｸ　ＡＢ")) == .success(.text("ｶﾞｸ AB")))
        #expect(Normalization.apply([.nfkc, .katakana, .collapseSpaces], to: .text("やまだ　　ﾀﾛｳ"))
            == .success(.text("ヤマダ タロウ")))
        #expect(Normalization.apply([], to: .text(" as is ")) == .success(.text(" as is ")))
    }

    @Test func listsAreNormalisedItemByItemAndTicksAreLeftAlone() {
        #expect(Normalization.apply([.halfwidth], to: .list(["Ａ", "Ｂ"])) == .success(.list(["A", "B"])))
        #expect(Normalization.apply([.upper], to: .bool(true)) == .success(.bool(true)))
    }

    @Test func zenginKanaFailuresAreReasonsWithoutTheValue() throws {
        for name in ["山田 太郎", "サトウ，ハナコ", String(repeating: "ア", count: 31)] {
            let result = Normalization.apply([.zenginKana], to: .text(name))
            guard case .failure(let reason) = result else {
                Issue.record("\(name) should not convert")
                continue
            }
            #expect(reason.code == "zengin_kana")
            #expect(reason.field == nil)
            #expect(!reason.ja.contains(name) && !reason.en.contains(name))
        }
        let tooLong = Normalization.apply([.zenginKana], to: .text(String(repeating: "ア", count: 31)))
        #expect(tooLong.failure?.ja == "値が全銀カナで30バイトを超えます（切り詰めません）")
        let kanji = Normalization.apply([.zenginKana], to: .text("山田 太郎"))
        #expect(kanji.failure?.en == "the value: contains characters not allowed in 全銀 kana")
    }
}

extension Result {
    /// The failure, if it is one.
    var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
