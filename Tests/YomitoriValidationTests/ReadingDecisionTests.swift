import Testing
import YomitoriResults
import YomitoriTemplate
@testable import YomitoriValidation

/// Decisions from the reading itself: notes, blank and required, confidence, a second read.
@Suite struct ReadingDecisionTests {
    // MARK: - Reading notes

    @Test(arguments: ["non_digit_dropped", "nothing_usable", "comb_box_unclear", "comb_gap", "tick_unclear"])
    func doubtfulNotesGoToReviewWithTheirCode(note: String) throws {
        let decided = try decideOne(field("f", "digits", "label: 通数"), read("f", "digits", text("2"), notes: [note]))
        #expect(decided.status == .review)
        #expect(codes(decided) == [note])
        #expect(!decided.reasons[0].ja.isEmpty && decided.reasons[0].ja.hasPrefix("通数"))
    }

    @Test func anUnknownNoteIsNeverSilentlyAccepted() throws {
        let decided = try decideOne(field("f", "text"), read("f", "text", text("山田"), notes: ["smudge_detected"]))
        #expect(decided.status == .review)
        #expect(codes(decided) == ["smudge_detected"])
        #expect(decided.reasons[0].ja == "fの読み取りで注記「smudge_detected」がありました（要確認）")
    }

    @Test func blankIsInformationalAndNotesAreCountedOnce() throws {
        let blank = try decideOne(field("f", "text"), read("f", "text", text(""), notes: ["blank"]))
        #expect(blank.status == .accepted)
        #expect(blank.reasons.isEmpty)
        let confident = try decideOne(field("f", "text"), read("f", "text", text("x"), confidence: 0.9, notes: ["low_confidence"]))
        #expect(confident.status == .accepted, "the threshold decides, not the reader's note")
        let twice = try decideOne(field("f", "text"), read("f", "text", text("x"), notes: ["comb_gap", "comb_gap"]))
        #expect(codes(twice) == ["comb_gap"])
    }

    static let sex = "    - {name: sex, type: choice, options: [{value: 男, box: [20, 20, 4, 4]}, {value: 女, box: [40, 20, 4, 4]}]"

    @Test func choiceNotes() throws {
        let optional = try decideOne(Self.sex + "}", read("sex", "choice", text(""), notes: ["none_ticked"]))
        #expect(optional.status == .review)
        #expect(codes(optional) == ["none_ticked"])
        let required = try decideOne(Self.sex + ", required: true}", read("sex", "choice", text(""), notes: ["none_ticked"]))
        #expect(required.status == .invalid)
        #expect(codes(required) == ["required_missing"])
        let several = try decideOne(Self.sex + "}", read("sex", "choice", .list(["男", "女"]), notes: ["several_ticked"]))
        #expect(several.status == .invalid)
        #expect(codes(several) == ["several_ticked"])
    }

    static let purpose = "    - {name: purpose, type: checkbox, min_checked: 1, max_checked: 2, options: "
        + "[{value: a, box: [20, 20, 4, 4]}, {value: b, box: [40, 20, 4, 4]}, {value: c, box: [60, 20, 4, 4]}]}"

    @Test func tickCountNotesAreInvalid() throws {
        let few = try decideOne(Self.purpose, read("purpose", "checkbox", .list([]), notes: ["too_few_ticked"]))
        #expect(few.status == .invalid)
        #expect(codes(few) == ["too_few_ticked"])
        #expect(few.reasons[0].ja == "purposeのチェックが1個より少ないです")
        let many = try decideOne(Self.purpose, read("purpose", "checkbox", .list(["a", "b", "c"]), notes: ["too_many_ticked"]))
        #expect(many.status == .invalid)
        #expect(many.reasons[0].en == "purpose: more boxes are ticked than 2")
    }

    @Test func anUnparsedDateNoteOnAnotherTypeIsReviewed() throws {
        let decided = try decideOne(field("f", "text"), read("f", "text", text("x"), notes: ["unparsed_date"]))
        #expect(codes(decided) == ["unparsed_date"])
        #expect(decided.status == .review)
    }

    // MARK: - Blank and required

    @Test func blankAndRequiredIsInvalidBlankAndOptionalIsAccepted() throws {
        let required = try decideOne(field("name", "text", "label: 氏名, required: true"), read("name", "text", text("")))
        #expect(required.status == .invalid)
        #expect(codes(required) == ["required_missing"])
        #expect(required.reasons[0].ja == "氏名が記入されていません（必須項目）")
        #expect(required.reasons[0].field == "name")
        let missingValue = try decideOne(field("name", "text", "required: true"), read("name", "text", nil))
        #expect(codes(missingValue) == ["required_missing"])
        let whiteSpace = try decideOne(field("name", "text", "required: true"), read("name", "text", text(" \u{3000}")))
        #expect(codes(whiteSpace) == ["required_missing"])
        // Blank and optional: nothing to check, even the confidence (blankness is measured).
        let optional = try decideOne(field("tel", "phone"), read("tel", "phone", text(""), confidence: 0.1))
        #expect(optional.status == .accepted)
    }

    @Test func blankButDoubtfulIsReviewed() throws {
        let decided = try decideOne(field("n", "digits"), read("n", "digits", text(""), raw: "ー", notes: ["nothing_usable"]))
        #expect(decided.status == .review)
        #expect(codes(decided) == ["nothing_usable"])
    }

    @Test func aRequiredSingleBoxMustBeTicked() throws {
        let line = "    - {name: agree, type: checkbox, box: [20, 20, 4, 4], required: true}"
        #expect(codes(try decideOne(line, read("agree", "checkbox", .bool(false)))) == ["required_missing"])
        #expect(try decideOne(line, read("agree", "checkbox", .bool(true))).status == .accepted)
        let optional = "    - {name: agree, type: checkbox, box: [20, 20, 4, 4]}"
        #expect(try decideOne(optional, read("agree", "checkbox", .bool(false))).status == .accepted)
    }

    // MARK: - Confidence

    @Test func belowTheTypesDefaultThresholdIsLowConfidence() throws {
        let low = try decideOne(field("name", "text", "label: 氏名"), read("name", "text", text("山田"), confidence: 0.79))
        #expect(low.status == .review)
        #expect(codes(low) == ["low_confidence"])
        #expect(low.reasons[0].ja == "氏名の読み取りの確信度が低いため確認が必要です（0.79、基準 0.80）")
        #expect(try decideOne(field("name", "text"), read("name", "text", text("山田"), confidence: 0.80)).status == .accepted)
        // Dates and combs default to 0.75, ticks to 0.6.
        #expect(try decideOne(field("d", "date"), read("d", "date", text("2026-06-01"), confidence: 0.76)).status == .accepted)
        #expect(try decideOne(field("d", "date"), read("d", "date", text("2026-06-01"), confidence: 0.74)).status == .review)
        let box = "    - {name: agree, type: checkbox, box: [20, 20, 4, 4]}"
        #expect(try decideOne(box, read("agree", "checkbox", .bool(true), confidence: 0.61)).status == .accepted)
        #expect(try decideOne(box, read("agree", "checkbox", .bool(true), confidence: 0.59)).status == .review)
    }

    @Test func theDefaultThresholds() {
        let policy = DecisionPolicy()
        let expected: [String: Double] = ["text": 0.8, "katakana": 0.8, "date": 0.75, "digits": 0.8, "number": 0.8,
                                          "phone": 0.8, "email": 0.8, "comb": 0.75, "checkbox": 0.6, "choice": 0.6]
        for (type, threshold) in expected { #expect(policy.threshold(for: type) == threshold, "\(type)") }
        #expect(Set(policy.thresholds.keys) == Set(FieldType.allCases.map(\.rawValue)))
        #expect(policy.threshold(for: "future_type") == 0.8)
    }

    @Test func aFieldsThresholdOverridesThePolicyWhichOverridesTheDefault() throws {
        let strict = try decideOne(field("name", "text", "threshold: 0.95"), read("name", "text", text("山田"), confidence: 0.9))
        #expect(codes(strict) == ["low_confidence"])
        var policy = DecisionPolicy()
        policy.thresholds["text"] = 0.5
        #expect(try decideOne(field("name", "text"), read("name", "text", text("山田"), confidence: 0.6), policy: policy)
            .status == .accepted)
        #expect(try decideOne(field("name", "text", "threshold: 0.7"), read("name", "text", text("山田"), confidence: 0.6),
                              policy: policy).status == .review)
    }

    // MARK: - Second read

    @Test func aSecondReadThatDisagreesIsReviewed() throws {
        let disagree = try decideOne(field("zip", "digits"), read("zip", "digits", text("1234567"), secondRead: text("1284567")))
        #expect(disagree.status == .review)
        #expect(codes(disagree) == ["reads_disagree"])
        let agree = try decideOne(field("zip", "digits"), read("zip", "digits", text("1234567"), secondRead: text("1234567")))
        #expect(agree.status == .accepted)
    }

    @Test func readsAreComparedAfterNormalisation() throws {
        let line = field("kana", "katakana", "normalize: [nfkc, katakana, collapse_spaces]")
        let decided = try decideOne(line, read("kana", "katakana", text("ヤマダ　タロウ"), secondRead: text("やまだ  たろう")))
        #expect(decided.status == .accepted, "\(decided.reasons)")
        #expect(decided.normalized == text("ヤマダ タロウ"))
    }

    // MARK: - Normalisation in decisions

    @Test func normalizedIsFilledAndChecked() throws {
        let line = field("holder", "katakana", "normalize: [nfkc, zengin_kana]")
        let ok = try decideOne(line, read("holder", "katakana", text("キュウヨ　イチロウ")))
        #expect(ok.normalized == text("ｷﾕｳﾖ ｲﾁﾛｳ"))
        // Converting to 全銀 kana drops the implied full-width katakana check.
        #expect(ok.status == .accepted, "\(ok.reasons)")
        let asRead = try decideOne(field("holder", "katakana", "normalize: [nfkc]"), read("holder", "katakana", text("ｷﾕｳﾖ")))
        #expect(asRead.normalized == text("キユウヨ"))
        #expect(asRead.status == .accepted)
        let plain = try decideOne(field("holder", "text", "normalize: [nfkc, zengin_kana]"),
                                  read("holder", "text", text("山田 太郎")))
        #expect(plain.status == .invalid)
        #expect(codes(plain) == ["zengin_kana"])
        #expect(plain.normalized == nil)
        let noSteps = try decideOne(field("name", "text"), read("name", "text", text("山田")))
        #expect(noSteps.normalized == text("山田"))
    }

    @Test func fieldsTheTemplateDoesNotKnowAreReviewed() throws {
        let validator = Validator(template: try template(fields: field("a", "text")))
        let decided = validator.decide(try page([read("a", "text", text("x")), read("b", "text", text("y"))]), today: today)
        #expect(decided.fields.map(\.status) == [.accepted, .review])
        #expect(codes(decided.fields[1]) == ["not_in_template"])
        #expect(decided.status == .review)
    }
}
