public import YomitoriText

/// The 総合振込 header of one job and where each data item comes from (`zengin:` in a mapping).
///
/// Header values are checked when the mapping is loaded: digits of the right length for `N`
/// items, 全銀 kana for names. Data items come from the page like columns do.
public struct ZenginSettings: Sendable, Equatable {
    /// 種別コード (N2): `21` 総合振込, `11` 給与, `12` 賞与, `71`/`72` 公務員給与/賞与.
    public var typeCode: String
    /// コード区分 (N1): `0` JIS.
    public var codeDivision: String
    /// 振込依頼人コード (委託者コード, N10), assigned by the bank.
    public var requesterCode: String
    /// 振込依頼人名 (C40), already in 全銀 kana.
    public var requesterName: String
    /// 振込指定日 `MMDD` (N4); ``ExportContext/transferDate`` overrides it per run.
    public var transferDate: String
    /// 仕向銀行番号 (N4).
    public var bankCode: String
    /// 仕向銀行名 (C15), may be empty.
    public var bankName: String
    /// 仕向支店番号 (N3).
    public var branchCode: String
    /// 仕向支店名 (C15), may be empty.
    public var branchName: String
    /// 預金種目 of the payer's account (N1).
    public var accountType: String
    /// 口座番号 of the payer's account (N7).
    public var accountNumber: String
    /// Where each data item comes from; items not listed get their default (see ``ZenginDataField``).
    public var fields: [ZenginDataField: ExportColumn]
    /// What `・` becomes in names: `.` (most banks) or a space.
    public var nakaguro: ZenginKana.Nakaguro
    /// Which characters names may use: strict (default) or standard (also `/`).
    public var profile: ZenginKana.Profile
    /// Whether a 0-yen transfer may be written (default: such a record goes to review).
    public var allowZeroAmount: Bool

    /// Settings with every header value given; see the property docs for each one.
    public init(
        typeCode: String = "21", codeDivision: String = "0", requesterCode: String, requesterName: String,
        transferDate: String, bankCode: String, bankName: String = "", branchCode: String,
        branchName: String = "", accountType: String, accountNumber: String,
        fields: [ZenginDataField: ExportColumn], nakaguro: ZenginKana.Nakaguro = .period,
        profile: ZenginKana.Profile = .strict, allowZeroAmount: Bool = false
    ) {
        self.typeCode = typeCode
        self.codeDivision = codeDivision
        self.requesterCode = requesterCode
        self.requesterName = requesterName
        self.transferDate = transferDate
        self.bankCode = bankCode
        self.bankName = bankName
        self.branchCode = branchCode
        self.branchName = branchName
        self.accountType = accountType
        self.accountNumber = accountNumber
        self.fields = fields
        self.nakaguro = nakaguro
        self.profile = profile
        self.allowZeroAmount = allowZeroAmount
    }
}
