/// 法人略語・営業所略語 (カナ略語) used in 全銀 account names, jp-formats §2.3.
///
/// Each entry lists the spellings it is recognised by (kana readings and the kanji term) and
/// the abbreviation in full-width katakana (converted to half-width later with the rest).
/// Readings are matched after the same normalisation as the name (large kana, katakana).
struct CorporateAbbreviation: Sendable {
    /// Abbreviation in full-width katakana, e.g. `カ` for 株式会社.
    let abbreviation: String
    /// Recognised spellings: kana readings and kanji terms.
    let spellings: [String]

    /// The table of jp-formats §2.3 (セイキョウ for 生活協同組合 is unverified there).
    static let table: [CorporateAbbreviation] = [
        .init("カ", "株式会社", "カブシキガイシャ", "カブシキカイシャ", "(株)"),
        .init("ユ", "有限会社", "ユウゲンガイシャ", "ユウゲンカイシャ", "(有)"),
        .init("メ", "合名会社", "ゴウメイガイシャ", "ゴウメイカイシャ"),
        .init("シ", "合資会社", "ゴウシガイシャ", "ゴウシカイシャ"),
        .init("ド", "合同会社", "ゴウドウガイシャ", "ゴウドウカイシャ"),
        .init("ソ", "相互会社", "ソウゴガイシャ", "ソウゴカイシャ"),
        .init(
            "イ", "医療法人", "医療法人社団", "医療法人財団", "社会医療法人",
            "イリョウホウジン", "イリョウホウジンシャダン", "イリョウホウジンザイダン", "シャカイイリョウホウジン"
        ),
        .init(
            "ザイ", "財団法人", "一般財団法人", "公益財団法人",
            "ザイダンホウジン", "イッパンザイダンホウジン", "コウエキザイダンホウジン"
        ),
        .init(
            "シャ", "社団法人", "一般社団法人", "公益社団法人",
            "シャダンホウジン", "イッパンシャダンホウジン", "コウエキシャダンホウジン"
        ),
        .init("シュウ", "宗教法人", "シュウキョウホウジン"),
        .init("ガク", "学校法人", "ガッコウホウジン"),
        .init("フク", "社会福祉法人", "シャカイフクシホウジン"),
        .init("ホゴ", "更生保護法人", "コウセイホゴホウジン"),
        .init("トクヒ", "特定非営利活動法人", "トクテイヒエイリカツドウホウジン"),
        .init("ドク", "独立行政法人", "ドクリツギョウセイホウジン"),
        .init("チドク", "地方独立行政法人", "チホウドクリツギョウセイホウジン"),
        .init("ベン", "弁護士法人", "ベンゴシホウジン"),
        .init("シホウ", "司法書士法人", "シホウショシホウジン"),
        .init("ゼイ", "税理士法人", "ゼイリシホウジン"),
        .init("ギヨ", "行政書士法人", "ギョウセイショシホウジン"),
        .init("ダイ", "国立大学法人", "公立大学法人", "コクリツダイガクホウジン", "コウリツダイガクホウジン"),
        .init("ノウ", "農事組合法人", "ノウジクミアイホウジン"),
        .init("ロウム", "社会保険労務士法人", "シャカイホケンロウムシホウジン"),
        .init("カンリ", "管理組合法人", "カンリクミアイホウジン"),
        .init("エイ", "営業所", "エイギョウショ", "エイギョウジョ"),
        .init("シュツ", "出張所", "シュッチョウショ", "シュッチョウジョ"),
        .init("キョウクミ", "協同組合", "キョウドウクミアイ"),
        .init("レン", "連合会", "レンゴウカイ"),
        .init("セイキョウ", "生活協同組合", "セイカツキョウドウクミアイ"),
        .init("キョウサイ", "共済組合", "キョウサイクミアイ"),
        .init("ケンポ", "健康保険組合", "ケンコウホケンクミアイ"),
        .init("コクホ", "国民健康保険組合", "コクミンケンコウホケンクミアイ"),
        .init("コウネン", "厚生年金基金", "コウセイネンキンキキン"),
    ]

    private init(_ abbreviation: String, _ spellings: String...) {
        self.abbreviation = abbreviation
        self.spellings = spellings
    }
}
