import Foundation
import Testing
import YomitoriExport
import YomitoriResults
import YomitoriText

/// How a column's value is built: sources, date formats, normalisers, code maps, padding.
@Suite("Columns")
struct ColumnTests {
    /// A cell's text, or the problems of its record.
    enum Outcome: Equatable {
        case success(String)
        case failure([RecordProblem])
    }

    /// The one cell of a one-column UTF-8 CSV without header for `page`, or the record's problems.
    static func cell(_ column: String, _ fields: [FieldRead], file: String = "a.png", index: Int = 0) throws -> Outcome {
        let yaml = "format: csv\nencoding: utf-8\nheader: false\nnewline: lf\ncolumns:\n  - \(column)"
        let pages = [page(file, index, template: "b_jido_koza", fields)]
        let (bytes, report) = try ImportFileBuilder.render(pages, mapping: mapping(yaml), context: testContext)
        if let problems = report.review.first?.problems { return .failure(problems) }
        return .success(String(decoding: bytes.dropLast(), as: UTF8.self))
    }

    @Test(arguments: [
        ("iso", "2026-06-10"), ("wareki", "令和8年6月10日"), ("wareki_short", "R8.6.10"),
        ("wareki_padded", "R08.06.10"), ("yyyymmdd", "20260610"),
    ])
    func dateFormats(format: String, expected: String) throws {
        #expect(try Self.cell("{name: d, field: d, format: \(format)}", [field("d", "令和8年6月10日", normalized: "2026-06-10")])
                == .success(expected))
        #expect(try Self.cell("{name: d, derive: today, format: \(format)}", []) == .success(expected))
    }

    @Test("year 1 is 元年; a 住基 date that is not a calendar date keeps its numbers")
    func dateEdges() throws {
        #expect(try Self.cell("{name: d, field: d, format: wareki}", [field("d", "2019-05-01")]) == .success("令和元年5月1日"))
        #expect(try Self.cell("{name: d, field: d, format: yyyymmdd}", [field("d", "2025-02-29")]) == .success("20250229"))
        #expect(try Self.cell("{name: d, field: d, format: iso}", [field("d", "")]) == .success(""))
        #expect(try Self.cell("{name: d, field: d, format: iso}", [field("d", "6月吉日")])
                == .failure([RecordProblem(code: .unparsedDate, column: "d")]))
    }

    @Test(arguments: [
        ("nfkc", "ＡＢＣ１２３ｶﾞ㈱", "ABC123ガ(株)"),
        ("halfwidth", "ＡＢＣ　１２３カナ", "ABC 123カナ"),
        ("fullwidth", "AB 12ｶﾞ", "ＡＢ　１２ガ"),
        ("katakana", "やまだ はなこ", "ヤマダ ハナコ"),
        ("halfwidth_katakana", "やまだ ガッコウ", "ﾔﾏﾀﾞ ｶﾞｯｺｳ"),
        ("zengin_kana", "キュウヨ　イチロウ", "ｷﾕｳﾖ ｲﾁﾛｳ"),
        ("digits_only", "〒１２３－４５６７", "1234567"),
        ("collapse_spaces", "  山田　　太郎\n", "山田 太郎"),
        ("remove_spaces", " 山田　太 郎 ", "山田太郎"),
        ("trim", "　山田 太郎\t", "山田 太郎"),
        ("upper", "abcｘ", "ABCＸ"),
        ("lower", "ABC", "abc"),
    ])
    func normalizers(step: String, input: String, expected: String) throws {
        #expect(try Self.cell("{name: v, field: v, normalize: [\(step)]}", [field("v", input)]) == .success(expected))
    }

    @Test("normalisers run in the order written")
    func normalizerOrder() throws {
        #expect(try Self.cell("{name: v, field: v, normalize: [nfkc, upper, remove_spaces]}", [field("v", "ａｂ　ｃ")]) == .success("ABC"))
    }

    @Test("zengin_kana never cuts: a long name goes to review with its byte count")
    func zenginKanaTooLong() throws {
        let result = try Self.cell("{name: v, field: v, normalize: [zengin_kana]}", [field("v", String(repeating: "ア", count: 31))])
        #expect(result == .failure([RecordProblem(code: .zenginKana, column: "v", detail: "31 bytes, limit 30; never truncated")]))
    }

    @Test("code maps: a value without an entry, even an empty one, goes to review")
    func codeMap() throws {
        let column = "{name: 種目, field: t, map: {普通: \"1\", 当座: \"2\"}}"
        #expect(try Self.cell(column, [field("t", "当座")]) == .success("2"))
        #expect(try Self.cell(column, [field("t", "貯蓄")])
                == .failure([RecordProblem(code: .unmappedValue, column: "種目", detail: "value not in map")]))
        #expect(try Self.cell(column, [field("t", nil)])
                == .failure([RecordProblem(code: .unmappedValue, column: "種目", detail: "empty value not in map")]))
        #expect(try Self.cell("{name: f, field: t, map: {\"\": \"0\", 有: \"1\"}}", [field("t", "")]) == .success("0"))
    }

    @Test("pad_left fills to width; an empty value stays empty; a longer value goes to review")
    func padding() throws {
        let column = "{name: 口座番号, field: n, pad_left: \"0\", width: 7}"
        #expect(try Self.cell(column, [field("n", "12345")]) == .success("0012345"))
        #expect(try Self.cell(column, [field("n", "")]) == .success(""))
        #expect(try Self.cell(column, [field("n", "12345678")])
                == .failure([RecordProblem(code: .overflow, column: "口座番号", detail: "8 characters, width 7")]))
        #expect(try Self.cell("{name: w, field: n, width: 3}", [field("n", "1234")])
                == .failure([RecordProblem(code: .overflow, column: "w", detail: "4 characters, width 3")]))
    }

    @Test("derived values: run, source file, page (from 1) and template")
    func derived() throws {
        #expect(try Self.cell("{name: r, derive: run_id}", []) == .success("R1"))
        #expect(try Self.cell("{name: f, derive: source_file}", [], file: "in/scan.pdf") == .success("in/scan.pdf"))
        #expect(try Self.cell("{name: p, derive: source_page}", [], index: 4) == .success("5"))
        #expect(try Self.cell("{name: t, derive: template}", []) == .success("b_jido_koza"))
    }

    @Test("the normalised value is used when validation set one, the value as read otherwise")
    func normalizedFirst() throws {
        #expect(try Self.cell("{name: v, field: v}", [field("v", "０１２", normalized: "012")]) == .success("012"))
        #expect(try Self.cell("{name: v, field: v}", [field("v", "０１２")]) == .success("０１２"))
    }

    @Test("a field the page does not have is a review reason, not an empty cell")
    func unknownField() throws {
        #expect(try Self.cell("{name: v, field: nothere}", [field("v", "x")])
                == .failure([RecordProblem(code: .unknownField, column: "v", detail: "template b_jido_koza has no field 'nothere'")]))
    }
}
