import Testing
import YomitoriResults
import YomitoriTemplate
import YomitoriText
@testable import YomitoriValidation

/// Page rules (cross-field) and how statuses add up to the page's.
@Suite struct PageDecisionTests {
    static let dates = [
        field("birth_date", "date", "label: 生年月日", y: 20),
        field("request_date", "date", "label: 請求日", y: 40),
    ].joined(separator: "\n")

    @Test func dateOrderMarksTheFieldsAndThePage() throws {
        let validator = Validator(template: try template(fields: Self.dates, rules: "    - date_order: [birth_date, request_date]"))
        let wrong = validator.decide(try page([read("birth_date", "date", text("2026-06-02")),
                                               read("request_date", "date", text("2026-06-01"))]), today: today)
        #expect(wrong.status == .invalid)
        #expect(wrong.reasons.map(\.code) == ["date_order"])
        #expect(wrong.reasons[0].field == "birth_date,request_date")
        #expect(wrong.reasons[0].ja == "生年月日が請求日より後の日付になっています")
        #expect(wrong.reasons[0].en == "生年月日 (birth_date) is later than 請求日 (request_date)")
        #expect(wrong.fields.map(\.status) == [.invalid, .invalid])
        #expect(wrong.fields.map { $0.reasons.map(\.field) } == [["birth_date"], ["request_date"]])

        let sameDay = validator.decide(try page([read("birth_date", "date", text("2026-06-01")),
                                                 read("request_date", "date", text("2026-06-01"))]), today: today)
        #expect(sameDay.status == .accepted)
        #expect(sameDay.reasons.isEmpty)
    }

    @Test func dateOrderSkipsDatesThatAreMissingAndChecksTheRest() throws {
        let fields = Self.dates + "\n" + field("move_date", "date", y: 60)
        let validator = Validator(template: try template(fields: fields,
                                                         rules: "    - date_order: [birth_date, move_date, request_date]"))
        let decided = validator.decide(try page([read("birth_date", "date", text("2026-06-02")),
                                                 read("request_date", "date", text("2026-06-01")),
                                                 read("move_date", "date", text(""))]), today: today)
        #expect(decided.reasons.map(\.field) == ["birth_date,request_date"])
        #expect(decided.fields.map(\.status) == [.invalid, .invalid, .accepted])
    }

    @Test func aSoftPageRuleSendsToReview() throws {
        let validator = Validator(template: try template(fields: Self.dates,
                                                         rules: "    - date_order: [birth_date, request_date]\n      soft: true"))
        let decided = validator.decide(try page([read("birth_date", "date", text("2026-06-02")),
                                                 read("request_date", "date", text("2026-06-01"))]), today: today)
        #expect(decided.status == .review)
        #expect(decided.fields.map(\.status) == [.review, .review])
    }

    static let purpose = """
            - name: purpose
              label: 使用目的
              type: checkbox
              options:
                - {value: 年金手続, box: [20, 20, 4, 4]}
                - {value: その他, box: [40, 20, 4, 4]}
        \(field("other_reason", "text", "label: その他の理由", y: 40))
        """

    @Test func requiredIfATickedCheckbox() throws {
        let validator = Validator(template: try template(
            fields: Self.purpose, rules: "    - required_if: {field: other_reason, when: purpose, has: その他}"))
        let missing = validator.decide(try page([read("purpose", "checkbox", .list(["年金手続", "その他"])),
                                                 read("other_reason", "text", text(""))]), today: today)
        #expect(missing.status == .invalid)
        #expect(missing.reasons.map(\.code) == ["required_missing"])
        #expect(missing.reasons[0].ja == "使用目的が「その他」のため、その他の理由の記入が必要です")
        #expect(missing.fields[1].status == .invalid)
        #expect(missing.fields[1].reasons.map(\.field) == ["other_reason"])

        let given = validator.decide(try page([read("purpose", "checkbox", .list(["その他"])),
                                               read("other_reason", "text", text("転職のため"))]), today: today)
        #expect(given.status == .accepted)
        let notTicked = validator.decide(try page([read("purpose", "checkbox", .list(["年金手続"])),
                                                   read("other_reason", "text", text(""))]), today: today)
        #expect(notTicked.status == .accepted)
    }

    @Test func requiredIfAChoiceAndWhenAlone() throws {
        let fields = """
                - {name: relationship, type: choice, options: [{value: 本人, box: [20, 20, 4, 4]}, {value: その他, box: [40, 20, 4, 4]}]}
            \(field("relationship_other", "text", y: 40))
            \(field("agent", "text", y: 60))
            \(field("agent_address", "text", y: 80))
            """
        let rules = """
                - required_if: {field: relationship_other, when: relationship, has: その他}
                - required_if: {field: agent_address, when: agent}
            """
        let validator = Validator(template: try template(fields: fields, rules: rules))
        let decided = validator.decide(try page([
            read("relationship", "choice", text("その他")), read("relationship_other", "text", text("")),
            read("agent", "text", text("山田花子")), read("agent_address", "text", text("")),
        ]), today: today)
        #expect(decided.reasons.map(\.field) == ["relationship_other,relationship", "agent_address,agent"])
        #expect(decided.reasons[1].ja == "agentが記入されているため、agent_addressの記入が必要です")
        let fine = validator.decide(try page([
            read("relationship", "choice", text("本人")), read("relationship_other", "text", text("")),
            read("agent", "text", text("")), read("agent_address", "text", text("")),
        ]), today: today)
        #expect(fine.status == .accepted)
    }

    @Test func atLeastOne() throws {
        let fields = [field("phone", "phone", "label: 電話番号", y: 20), field("email", "email", "label: メール", y: 40)]
            .joined(separator: "\n")
        let validator = Validator(template: try template(fields: fields, rules: "    - at_least_one: [phone, email]"))
        let none = validator.decide(try page([read("phone", "phone", text("")), read("email", "email", text(""))]),
                                    today: today)
        #expect(none.status == .invalid)
        #expect(none.reasons.map(\.ja) == ["電話番号、メールのいずれかを記入してください"])
        #expect(none.fields.map(\.status) == [.invalid, .invalid])
        let one = validator.decide(try page([read("phone", "phone", text("")), read("email", "email", text("a@example.jp"))]),
                                   today: today)
        #expect(one.status == .accepted)
    }

    @Test func equalComparesNormalisedValues() throws {
        let fields = [field("a", "text", "normalize: [nfkc]", y: 20), field("b", "text", y: 40)].joined(separator: "\n")
        let validator = Validator(template: try template(fields: fields, rules: "    - equal: [a, b]\n      soft: true"))
        let same = validator.decide(try page([read("a", "text", text("ＡＢＣ")), read("b", "text", text("ABC"))]), today: today)
        #expect(same.status == .accepted)
        let different = validator.decide(try page([read("a", "text", text("ABC")), read("b", "text", text("ABD"))]),
                                         today: today)
        #expect(different.status == .review)
        #expect(different.reasons.map(\.code) == ["not_equal"])
        #expect(different.reasons[0].en == "a and b differ")
    }

    // MARK: - Page status

    @Test func thePageIsTheWorstOfItsFieldsAndReasons() throws {
        let fields = [field("a", "text", y: 20), field("b", "text", y: 40), field("c", "text", "required: true", y: 60)]
            .joined(separator: "\n")
        let validator = Validator(template: try template(fields: fields))
        let accepted = validator.decide(try page([read("a", "text", text("x")), read("b", "text", text("y")),
                                                  read("c", "text", text("z"))]), today: today)
        #expect(accepted.status == .accepted)
        #expect(accepted.fields.allSatisfy { $0.status == .accepted && $0.reasons.isEmpty })
        let review = validator.decide(try page([read("a", "text", text("x"), confidence: 0.1), read("b", "text", text("y")),
                                                read("c", "text", text("z"))]), today: today)
        #expect(review.status == .review)
        #expect(review.reasons.isEmpty)
        let invalid = validator.decide(try page([read("a", "text", text("x"), confidence: 0.1), read("b", "text", text("y")),
                                                 read("c", "text", text(""))]), today: today)
        #expect(invalid.status == .invalid)
        #expect(invalid.fields.map(\.status) == [.review, .accepted, .invalid])
    }

    @Test func aPageMatchingItsFormOnlyInPartIsReviewedFieldByField() throws {
        let fields = [field("a", "text", y: 20), field("b", "text", y: 40)].joined(separator: "\n")
        let validator = Validator(template: try template(fields: fields))
        let reads = [read("a", "text", text("x")), read("b", "text", text("y"))]
        // At the minimum (0.5) the page is decided as usual.
        let matched = validator.decide(try page(reads, matchScore: 0.5), today: today)
        #expect(matched.status == .accepted)
        #expect(matched.reasons.isEmpty)
        // Just under it, every field goes to review with the page's reason, named by the field.
        let weak = validator.decide(try page(reads, matchScore: 0.497), today: today)
        #expect(weak.status == .review)
        #expect(weak.reasons.map(\.code) == ["weak_form_match"])
        #expect(weak.reasons.first?.field == nil)
        #expect(weak.reasons.first?.en.contains("template t only in part (match score 0.49, 0.50 needed)") == true)
        #expect(weak.fields.map(\.status) == [.review, .review])
        #expect(weak.fields.map { $0.reasons.map(\.code) } == [["weak_form_match"], ["weak_form_match"]])
        #expect(weak.fields.map { $0.reasons.first?.field } == ["a", "b"])
        // A field invalid on its own stays invalid, and so does the page.
        let strict = Validator(template: try template(fields: [field("a", "text", y: 20), field("b", "text", "required: true", y: 40)]
            .joined(separator: "\n")))
        let blank = strict.decide(try page([read("a", "text", text("x")), read("b", "text", text(""))], matchScore: 0.2), today: today)
        #expect(blank.status == .invalid)
        #expect(blank.fields.map(\.status) == [.review, .invalid])
        #expect(blank.fields[1].reasons.map(\.code).sorted() == ["required_missing", "weak_form_match"])
    }

    @Test func fieldsMissingFromTheReadAndAnotherTemplateArePageReasons() throws {
        let fields = [field("a", "text", y: 20), field("b", "text", y: 40), field("c", "text", "required: true", y: 60)]
            .joined(separator: "\n")
        let validator = Validator(template: try template(fields: fields))
        let decided = validator.decide(try page([read("a", "text", text("x"))], template: "other"), today: today)
        #expect(decided.reasons.map(\.code) == ["template_mismatch", "not_read", "required_missing"])
        #expect(decided.reasons.map(\.field) == [nil, "b", "c"])
        #expect(decided.status == .invalid)
    }

    @Test func decidingTwiceGivesTheSameResult() throws {
        let validator = Validator(template: try template(fields: Self.dates, rules: "    - date_order: [birth_date, request_date]"))
        let once = validator.decide(try page([read("birth_date", "date", text("2026-06-02")),
                                              read("request_date", "date", text("2026-06-01"), confidence: 0.2)]), today: today)
        #expect(validator.decide(once, today: today) == once)
    }
}
