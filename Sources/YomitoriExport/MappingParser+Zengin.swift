import YomitoriYAML
import Yams
import YomitoriText

extension MappingParser {
    /// `zengin:`: header values checked now (digits, 全銀 kana), data items as columns.
    mutating func parseZengin(_ node: Node) -> ZenginSettings? {
        guard let keyed = reader.keyed(node, MappingKeys.zengin, subject: "zengin") else { return nil }
        var nakaguro = ZenginKana.Nakaguro.period
        if let node = keyed["nakaguro"], let text = reader.text(node, "zengin nakaguro") {
            switch text {
            case "period", ".": nakaguro = .period
            case "space", " ": nakaguro = .space
            default: reader.error(.invalidValue, at: node, "zengin nakaguro must be period or space, got '\(text)'")
            }
        }
        var profile = ZenginKana.Profile.strict
        if let node = keyed["profile"], let text = reader.text(node, "zengin profile") {
            switch text {
            case "strict": profile = .strict
            case "standard": profile = .standard
            default: reader.error(.invalidValue, at: node, "zengin profile must be strict or standard, got '\(text)'")
            }
        }

        let typeCode = digits(keyed, "type_code", length: 2, exact: true, standard: "21")
        let codeDivision = digits(keyed, "code_division", length: 1, exact: true, standard: "0")
        if codeDivision != "0", let node = keyed["code_division"] {
            reader.error(.invalidValue, at: node, "zengin code_division must be 0 (JIS); EBCDIC files are not written")
        }
        let accountType = digits(keyed, "account_type", length: 1, exact: true, standard: nil)
        if let accountType, !["1", "2", "9"].contains(accountType), let node = keyed["account_type"] {
            reader.error(.invalidValue, at: node, "zengin account_type must be 1 (普通), 2 (当座) or 9 (その他), got '\(accountType)'")
        }
        let transferDate = digits(keyed, "transfer_date", length: 4, exact: true, standard: nil)
        if let transferDate, !Self.isMonthDay(transferDate), let node = keyed["transfer_date"] {
            reader.error(.invalidValue, at: node, "zengin transfer_date must be MMDD (e.g. 0610), got '\(transferDate)'")
        }
        var fields: [ZenginDataField: ExportColumn] = [:]
        if let node = keyed["fields"] { fields = parseZenginFields(node) }
        let settings = ZenginSettings(
            typeCode: typeCode ?? "21",
            codeDivision: codeDivision ?? "0",
            requesterCode: digits(keyed, "requester_code", length: 10, exact: false, standard: nil) ?? "",
            requesterName: kana(keyed, "requester_name", maxBytes: ZenginKana.requesterNameBytes, nakaguro, profile) ?? "",
            transferDate: transferDate ?? "",
            bankCode: digits(keyed, "bank_code", length: 4, exact: true, standard: nil) ?? "",
            bankName: kana(keyed, "bank_name", maxBytes: 15, nakaguro, profile) ?? "",
            branchCode: digits(keyed, "branch_code", length: 3, exact: true, standard: nil) ?? "",
            branchName: kana(keyed, "branch_name", maxBytes: 15, nakaguro, profile) ?? "",
            accountType: accountType ?? "",
            accountNumber: digits(keyed, "account_number", length: 7, exact: false, standard: nil) ?? "",
            fields: fields,
            nakaguro: nakaguro,
            profile: profile,
            allowZeroAmount: keyed["allow_zero_amount"].flatMap { reader.bool($0, "zengin allow_zero_amount") } ?? false
        )
        return settings
    }

    /// `zengin.fields`: each item a field name or a column-like mapping.
    private mutating func parseZenginFields(_ node: Node) -> [ZenginDataField: ExportColumn] {
        guard let keyed = reader.keyed(node, MappingKeys.zenginFields, subject: "zengin.fields") else { return [:] }
        var fields: [ZenginDataField: ExportColumn] = [:]
        for item in ZenginDataField.allCases {
            guard let value = keyed[item.rawValue] else { continue }
            let subject = "zengin.fields.\(item.rawValue)"
            if value.scalar != nil {
                guard let name = reader.text(value, subject) else { continue }
                fields[item] = ExportColumn(name: item.rawValue, source: .field(name))
            } else if let itemKeyed = reader.keyed(value, MappingKeys.zenginItem, subject: subject),
                      let column = parseColumnBody(itemKeyed, name: item.rawValue, subject: subject, encoding: .cp932) {
                fields[item] = column
            }
        }
        if fields[.edi] != nil {
            for code in [ZenginDataField.customerCode1, .customerCode2] where fields[code] != nil {
                reader.error(.conflict, at: keyed.keyNodes[code.rawValue],
                             "zengin.fields: edi and \(code.rawValue) share bytes 92–111 of the record; map only one")
            }
        }
        return fields
    }

    /// A header number: digits only, `length` of them (or up to `length`, zero-padded).
    private mutating func digits(
        _ keyed: KeyedNode, _ key: String, length: Int, exact: Bool, standard: String?
    ) -> String? {
        guard let node = keyed[key] else { return standard }
        guard let text = reader.text(node, "zengin \(key)") else { return nil }
        let isDigits = !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber }
        guard isDigits, exact ? text.count == length : text.count <= length else {
            let count = exact ? "\(length)" : "up to \(length)"
            reader.error(.invalidValue, at: node,
                         "zengin \(key) must be \(count) digits (quote it to keep leading zeros), got \(describe(node))")
            return nil
        }
        return String(repeating: "0", count: length - text.count) + text
    }

    /// A header name in 全銀 kana, converted (never truncated).
    private mutating func kana(
        _ keyed: KeyedNode, _ key: String, maxBytes: Int, _ nakaguro: ZenginKana.Nakaguro, _ profile: ZenginKana.Profile
    ) -> String? {
        guard let node = keyed[key], let text = reader.text(node, "zengin \(key)") else { return nil }
        if text.isEmpty { return "" }
        do {
            return try ZenginKana.convert(text, maxBytes: maxBytes, nakaguro: nakaguro, profile: profile, abbreviate: false)
        } catch {
            reader.error(.invalidValue, at: node, "zengin \(key): \(error.description)")
            return nil
        }
    }

    /// Whether `MMDD` is a month 01–12 and a day that month can have.
    static func isMonthDay(_ text: String) -> Bool {
        guard text.count == 4, let month = Int(text.prefix(2)), let day = Int(text.suffix(2)) else { return false }
        guard (1...12).contains(month) else { return false }
        return (1...JapaneseDate.daysInMonth(month, of: 2024)).contains(day)
    }
}
