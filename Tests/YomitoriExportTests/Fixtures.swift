import YomitoriExport
import YomitoriResults

/// Pages and mappings shared by the golden-file tests: Japanese text, empty fields, quotes,
/// commas and line breaks inside values, characters outside CP932, pages not accepted.
enum Fixtures {
    /// Six pages of a 児童手当 口座振込申出書 batch.
    static let pages: [PageRead] = [
        page("batch/scan-001.png", 0, template: "b_jido_koza", [
            field("apply_date", "令和8年6月10日", normalized: "2026-06-10"),
            field("claimant_name", "山田　太郎"),
            field("account_type", "普通"),
            field("account_number", "12345"),
            field("address", "東京都千代田区霞が関1-2-3"),
            field("remarks", ""),
        ]),
        // Comma, quotes and a line break inside values; 表 and ソ end in byte 0x5C in CP932.
        page("batch/scan-001.png", 1, template: "b_jido_koza", [
            field("apply_date", "R8.6.9", normalized: "2026-06-09"),
            field("claimant_name", "表 ソノ子"),
            field("account_type", "当座"),
            field("account_number", "7654321"),
            field("address", "大阪府大阪市北区梅田1丁目, \"梅田ビル\" 3F\n(地下)"),
            field("remarks", nil),
        ]),
        // 𠮷 (U+20BB7) and ㋿ (U+32FF) have no CP932 code.
        page("batch/scan-002.png", 0, template: "b_jido_koza", [
            field("apply_date", "令和元年5月1日", normalized: "2019-05-01"),
            field("claimant_name", "𠮷田　はな"),
            field("account_type", "普通"),
            field("account_number", "0000001"),
            field("address", "福岡県福岡市中央区天神〜2"),
            field("remarks", "㋿元年申請"),
        ]),
        // Not accepted by validation: never in the file, always in the report.
        page("batch/scan-003.png", 0, template: "b_jido_koza", status: .review, [
            field("apply_date", "令和8年6月1日", normalized: "2026-06-01"),
            field("claimant_name", "佐藤 次郎"),
            field("account_type", "普通"),
            field("account_number", "1111111"),
            field("address", "札幌市"),
            field("remarks", ""),
        ], reasons: [Reason(code: "reads_disagree", field: "account_number", ja: "", en: "")]),
        page("batch/scan-004.png", 0, template: "b_jido_koza", status: nil, [field("claimant_name", "未検証")]),
        // Accepted, but its 預金種目 has no code: the record goes to review.
        page("batch/scan-005.png", 0, template: "b_jido_koza", [
            field("apply_date", "令和8年6月2日", normalized: "2026-06-02"),
            field("claimant_name", "鈴木 一"),
            field("account_type", "貯蓄"),
            field("account_number", "2222222"),
            field("address", "那覇市"),
            field("remarks", ""),
        ]),
    ]

    /// The columns of the CSV, TSV and JSON Lines examples.
    static let columns = """
        columns:
          - {name: 受付番号, derive: source_page}
          - {name: 申請日, field: apply_date, format: wareki}
          - {name: 氏名, field: claimant_name, normalize: [nfkc, collapse_spaces]}
          - {name: 区分, value: "01"}
          - {name: 預金種目, field: account_type, map: {普通: "1", 当座: "2"}}
          - {name: 口座番号, field: account_number, pad_left: "0", width: 7}
          - {name: 住所, field: address}
          - {name: 備考, field: remarks}
          - {name: 受付日, derive: today, format: iso}
        """

    /// A CSV/TSV mapping in `encoding`, with `extra` top-level lines.
    static func delimited(_ format: String = "csv", encoding: String, extra: String = "") -> String {
        "format: \(format)\nencoding: \(encoding)\n\(extra)\n\(columns)"
    }

    /// The records a correct file holds for the accepted, writable pages, as a reader must see
    /// them — written by hand from the fixtures, not by the writer.
    static let header = ["受付番号", "申請日", "氏名", "区分", "預金種目", "口座番号", "住所", "備考", "受付日"]
    static let record1 = ["1", "令和8年6月10日", "山田 太郎", "01", "1", "0012345", "東京都千代田区霞が関1-2-3", "", "2026-06-10"]
    static let record2 = ["2", "令和8年6月9日", "表 ソノ子", "01", "2", "7654321",
                          "大阪府大阪市北区梅田1丁目, \"梅田ビル\" 3F\n(地下)", "", "2026-06-10"]
    /// Page 3 in UTF-8 (everything is encodable).
    static let record3 = ["1", "令和元年5月1日", "𠮷田 はな", "01", "1", "0000001", "福岡県福岡市中央区天神〜2", "㋿元年申請", "2026-06-10"]
    /// Page 3 in CP932 with `substitutions: {𠮷: 吉, ㋿: 令和}` (〜 U+301C is written as ～ U+FF5E,
    /// the character CP932 decodes 81 60 to).
    static let record3Substituted = ["1", "令和元年5月1日", "吉田 はな", "01", "1", "0000001", "福岡県福岡市中央区天神～2",
                                     "令和元年申請", "2026-06-10"]
}
