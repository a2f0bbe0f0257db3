/// The items of a 総合振込 data record (データ区分 2) that a mapping fills (`zengin.fields` keys).
///
/// Positions and attributes follow jp-formats §1.3: `N` items are right-aligned and zero-padded,
/// `C` items left-aligned and space-padded.
public enum ZenginDataField: String, Sendable, Equatable, Hashable, CaseIterable {
    /// 被仕向銀行番号, N4, required.
    case bankCode = "bank_code"
    /// 被仕向銀行名, C15 kana, optional (spaces).
    case bankName = "bank_name"
    /// 被仕向支店番号, N3, required.
    case branchCode = "branch_code"
    /// 被仕向支店名, C15 kana, optional (spaces).
    case branchName = "branch_name"
    /// 手形交換所番号, N4, `0000` when not mapped.
    case clearingHouse = "clearing_house"
    /// 預金種目, N1 (`1` 普通, `2` 当座, `4` 貯蓄, `9` その他), required.
    case accountType = "account_type"
    /// 口座番号, N7, required.
    case accountNumber = "account_number"
    /// 受取人名, C30 全銀 kana (``YomitoriText/ZenginKana``), required.
    case recipientName = "recipient_name"
    /// 振込金額, N10 yen, required, at least 1.
    case amount
    /// 新規コード, N1 (`1` 第1回, `2` 変更, `0` その他), `0` when not mapped.
    case newCode = "new_code"
    /// 顧客コード1, N10, zeros when not mapped.
    case customerCode1 = "customer_code1"
    /// 顧客コード2, N10, zeros when not mapped.
    case customerCode2 = "customer_code2"
    /// EDI情報, C20; when mapped, 識別表示 is `Y` and it takes the place of the 顧客コード.
    case edi
    /// 振込指定区分, N1 (`7` 電信, `8` 文書), space (bank default) when not mapped.
    case transferType = "transfer_type"

    /// Items a data record cannot do without.
    public static let required: [ZenginDataField] = [
        .bankCode, .branchCode, .accountType, .accountNumber, .recipientName, .amount,
    ]

    /// Byte width in the record.
    public var width: Int {
        switch self {
        case .bankCode, .clearingHouse: 4
        case .bankName, .branchName: 15
        case .branchCode: 3
        case .accountType, .newCode, .transferType: 1
        case .accountNumber: 7
        case .recipientName: 30
        case .amount, .customerCode1, .customerCode2: 10
        case .edi: 20
        }
    }

    /// Whether the item is numeric (`N`: digits, right-aligned, zero-padded).
    public var isNumeric: Bool {
        switch self {
        case .bankName, .branchName, .recipientName, .edi: false
        default: true
        }
    }
}
