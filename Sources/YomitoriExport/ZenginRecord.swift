/// The four 120-byte record types of a 総合振込 file (jp-formats §1.2–1.4), as text.
///
/// Every function takes items that are already valid (digits that fit, 全銀 kana that fits) and
/// lays them out; ``ZenginLayout`` checks the items and the finished records.
enum ZenginRecord {
    /// Record length in bytes.
    static let length = 120

    /// The items of one data record, already checked.
    struct Data {
        var bankCode: String
        var bankName: String
        var branchCode: String
        var branchName: String
        var clearingHouse: String
        var accountType: String
        var accountNumber: String
        var recipientName: String
        var amount: String
        var newCode: String
        var customerCode1: String
        var customerCode2: String
        /// EDI情報; when non-empty it replaces the 顧客コード and 識別表示 is `Y`.
        var edi: String
        /// `7`, `8` or empty (space).
        var transferType: String
    }

    /// ヘッダー・レコード (データ区分 1).
    static func header(_ s: ZenginSettings, transferDate: String) -> String {
        "1" + number(s.typeCode, 2) + number(s.codeDivision, 1) + number(s.requesterCode, 10)
            + text(s.requesterName, 40) + number(transferDate, 4) + number(s.bankCode, 4) + text(s.bankName, 15)
            + number(s.branchCode, 3) + text(s.branchName, 15) + number(s.accountType, 1)
            + number(s.accountNumber, 7) + text("", 17)
    }

    /// データ・レコード (データ区分 2).
    static func data(_ d: Data) -> String {
        var record = "2" + number(d.bankCode, 4) + text(d.bankName, 15) + number(d.branchCode, 3)
            + text(d.branchName, 15) + number(d.clearingHouse, 4) + number(d.accountType, 1)
            + number(d.accountNumber, 7) + text(d.recipientName, 30) + number(d.amount, 10) + number(d.newCode, 1)
        if d.edi.isEmpty {
            record += number(d.customerCode1, 10) + number(d.customerCode2, 10)
        } else {
            record += text(d.edi, 20)
        }
        record += text(d.transferType, 1) + (d.edi.isEmpty ? " " : "Y") + text("", 7)
        return record
    }

    /// トレーラ・レコード (データ区分 8): 合計件数 and 合計金額.
    static func trailer(count: Int, total: Int) -> String {
        "8" + number(String(count), 6) + number(String(total), 12) + text("", 101)
    }

    /// エンド・レコード (データ区分 9).
    static let end = "9" + String(repeating: " ", count: 119)

    // MARK: - Items

    /// `N` item: right-aligned, zero-padded.
    static func number(_ digits: String, _ width: Int) -> String {
        String(repeating: "0", count: max(0, width - digits.unicodeScalars.count)) + digits
    }

    /// `C` item: left-aligned, space-padded (every allowed character is one byte).
    static func text(_ value: String, _ width: Int) -> String {
        value + String(repeating: " ", count: max(0, width - value.unicodeScalars.count))
    }
}
