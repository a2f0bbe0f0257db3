import YomitoriResults
import YomitoriText

/// The data items of one page's 総合振込 record, checked item by item.
struct ZenginItems {
    let settings: ZenginSettings
    let resolver: ColumnResolver
    let page: PageRead
    /// Every problem found, across all items.
    private(set) var problems: [RecordProblem] = []

    init(settings: ZenginSettings, resolver: ColumnResolver, page: PageRead) {
        self.settings = settings
        self.resolver = resolver
        self.page = page
    }

    /// The checked items, or nil when any item has a problem (all of them are in ``problems``).
    mutating func data() -> ZenginRecord.Data? {
        let data = ZenginRecord.Data(
            bankCode: number(.bankCode, standard: nil),
            bankName: kana(.bankName, abbreviate: false),
            branchCode: number(.branchCode, standard: nil),
            branchName: kana(.branchName, abbreviate: false),
            clearingHouse: number(.clearingHouse, standard: "0000"),
            accountType: number(.accountType, standard: nil, allowed: ["1", "2", "4", "9"]),
            accountNumber: number(.accountNumber, standard: nil),
            recipientName: kana(.recipientName, abbreviate: true),
            amount: amount(),
            newCode: number(.newCode, standard: "0", allowed: ["0", "1", "2"]),
            customerCode1: number(.customerCode1, standard: "0"),
            customerCode2: number(.customerCode2, standard: "0"),
            edi: edi(),
            transferType: number(.transferType, standard: "", allowed: ["7", "8"])
        )
        return problems.isEmpty ? data : nil
    }

    // MARK: - Items

    /// The item's text (empty when not mapped), or nil after recording the column's problems.
    private mutating func text(_ item: ZenginDataField) -> Cell? {
        guard let column = settings.fields[item] else { return Cell(text: "", sensitive: false) }
        switch resolver.resolve(column, page) {
        case .cell(let cell): return cell
        case .problems(let found):
            problems += found
            return nil
        }
    }

    /// An `N` item: digits only, at most its width; empty → `standard` (nil: required).
    private mutating func number(_ item: ZenginDataField, standard: String?, allowed: [String]? = nil) -> String {
        guard let cell = text(item) else { return "" }
        let value = cell.text
        if value.isEmpty {
            if let standard { return standard }
            problems.append(RecordProblem(code: .missingValue, column: item.rawValue, detail: "required in a 全銀 data record"))
            return ""
        }
        guard value.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else {
            problems.append(RecordProblem(code: .notNumeric, column: item.rawValue, detail: "digits only (半角数字)"))
            return ""
        }
        guard value.count <= item.width else {
            problems.append(RecordProblem(code: .overflow, column: item.rawValue, detail: "\(value.count) digits, width \(item.width)"))
            return ""
        }
        if let allowed, !allowed.contains(value) {
            problems.append(RecordProblem(code: .unmappedValue, column: item.rawValue,
                                          detail: "must be one of " + allowed.joined(separator: ", ")))
            return ""
        }
        return value
    }

    /// 振込金額: digits, at least 1 yen unless allowed.
    private mutating func amount() -> String {
        let value = number(.amount, standard: nil)
        if !value.isEmpty, !settings.allowZeroAmount, value.allSatisfy({ $0 == "0" }) {
            problems.append(RecordProblem(code: .zeroAmount, column: ZenginDataField.amount.rawValue, detail: "0 yen"))
            return ""
        }
        return value
    }

    /// A name item in 全銀 kana, within the item's width; empty optional names stay spaces.
    private mutating func kana(_ item: ZenginDataField, abbreviate: Bool) -> String {
        guard let cell = text(item) else { return "" }
        if cell.text.isEmpty {
            if item == .recipientName {
                problems.append(RecordProblem(code: .missingValue, column: item.rawValue, detail: "required in a 全銀 data record"))
            }
            return ""
        }
        do {
            return try ZenginKana.convert(cell.text, maxBytes: item.width, nakaguro: settings.nakaguro,
                                          profile: settings.profile, abbreviate: abbreviate)
        } catch {
            problems += ColumnResolver.zenginProblems(error, column: item.rawValue, sensitive: cell.sensitive)
            return ""
        }
    }

    /// EDI情報: NFKC, upper case, half-width kana; the standard set plus `\ ｢ ｣ ｦ ,`; at most 20 bytes.
    private mutating func edi() -> String {
        guard let cell = text(.edi), !cell.text.isEmpty else { return "" }
        let value = JapaneseText.katakanaToHalfwidth(JapaneseText.nfkc(cell.text).uppercased())
        let extra: Set<Unicode.Scalar> = ["\\", "\u{FF62}", "\u{FF63}", "\u{FF66}", ","]
        var bad: [Unicode.Scalar] = []
        for scalar in value.unicodeScalars where !ZenginKana.isAllowed(scalar, profile: .standard) && !extra.contains(scalar) {
            bad.append(scalar)
        }
        for scalar in bad {
            let hex = String(scalar.value, radix: 16, uppercase: true)
            problems.append(RecordProblem(
                code: .zenginKana, column: ZenginDataField.edi.rawValue,
                character: cell.sensitive ? nil : String(scalar),
                scalars: cell.sensitive ? nil : "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex,
                detail: "not allowed in EDI情報"))
        }
        guard bad.isEmpty else { return "" }
        guard value.unicodeScalars.count <= ZenginDataField.edi.width else {
            problems.append(RecordProblem(code: .overflow, column: ZenginDataField.edi.rawValue,
                                          detail: "\(value.unicodeScalars.count) bytes, width 20"))
            return ""
        }
        return value
    }
}
