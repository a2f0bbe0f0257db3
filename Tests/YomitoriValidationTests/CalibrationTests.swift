import Foundation
import Testing
import YomitoriResults
import YomitoriValidation

@Suite("Calibration")
struct CalibrationTests {
    @Test("Suggests the lowest threshold that keeps accepted errors under the target")
    func threshold() {
        var obs: [Calibration.Observation] = []
        // 0.5–0.69: half wrong; 0.7 and above: all right.
        for i in 0..<20 { obs.append(.init(type: "text", confidence: 0.5 + Double(i) / 100, accepted: false, otherReasons: false, correct: i % 2 == 0)) }
        for i in 0..<80 { obs.append(.init(type: "text", confidence: 0.7 + Double(i) / 1000, accepted: true, otherReasons: false, correct: true)) }
        // A field with another reason never counts as passing.
        obs.append(.init(type: "text", confidence: 0.99, accepted: false, otherReasons: true, correct: false))
        let c = Calibration(observations: obs, target: 0.001)
        let row = c.rows[0]
        #expect(row.suggestedThreshold == 0.69 || row.suggestedThreshold == 0.7)
        #expect(row.accepted == 80)
        #expect(row.acceptedPrecision == 1)
        #expect(abs(row.reviewShare - 21.0 / 101.0) < 1e-9)
        #expect(c.table.contains("| text | 101 |"))
    }

    @Test("No threshold when even the most confident values are wrong")
    func none() {
        let obs = [Calibration.Observation(type: "comb", confidence: 0.99, accepted: true, otherReasons: false, correct: false)]
        #expect(Calibration(observations: obs).rows[0].suggestedThreshold == nil)
        #expect(Calibration(observations: obs).rows[0].acceptedPrecision == 0)
    }

    @Test("A truth typed in another width is the same value; other differences are not")
    func truthWidths() throws {
        func truth(_ json: String) throws -> Calibration.Truth {
            try JSONDecoder().decode(Calibration.Truth.self, from: Data(json.utf8))
        }
        // 全角 digits and letters, half-width kana, an ideographic space: yomitori's normal form.
        #expect(try truth(#""０９０-１２３４-５６７８""#).matches(.text("090-1234-5678")))
        #expect(try truth(#""ﾔﾏﾀﾞ ﾀﾛｳ""#).matches(.text("ヤマダ タロウ")))
        #expect(try truth(#""山田　太郎""#).matches(.text("山田 太郎")))
        #expect(try truth(#"["ｺﾋﾟｰ", "その他"]"#).matches(.list(["コピー", "その他"])))
        // Still different: characters, spacing, a list's order, a date's format.
        #expect(try !truth(#""山田 太郎""#).matches(.text("山田 太朗")))
        #expect(try !truth(#""山田 太郎""#).matches(.text("山田太郎")))
        #expect(try !truth(#"["a", "b"]"#).matches(.list(["b", "a"])))
        #expect(try !truth(#"["a", "b"]"#).matches(.list(["a"])))
        #expect(try !truth(#""令和6年7月29日""#).matches(.text("2024-07-29")))
        // Empty and missing values, ticks.
        #expect(try truth("null").matches(nil))
        #expect(try truth(#""""#).matches(nil))
        #expect(try !truth(#""1""#).matches(nil))
        #expect(try truth(#""true""#).matches(.bool(true)))
        #expect(try !truth(#""true""#).matches(.bool(false)))
        // One ticked option, written as a list for a choice or as text for a checkbox list.
        #expect(try truth(#"["女"]"#).matches(.text("女")))
        #expect(try truth(#""その他""#).matches(.list(["その他"])))
        #expect(try !truth(#"["女", "男"]"#).matches(.text("女")))
        #expect(try !truth(#""女""#).matches(.list(["女", "男"])))
    }
}
