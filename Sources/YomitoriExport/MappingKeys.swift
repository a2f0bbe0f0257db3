import YomitoriYAML

/// The keys of every section of a mapping, so that a typo is reported with the nearest known key.
enum MappingKeys {
    /// One kind of YAML mapping in a mapping file.
    typealias Section = YAMLKeyTable

    static let top = Section(
        name: "mapping",
        keys: ["format", "encoding", "newline", "header", "quote", "on_unencodable", "substitutions",
               "columns", "fixed", "zengin", "include_fields", "delivery"],
        required: ["format"]
    )
    static let column = Section(
        name: "column",
        keys: ["name", "field", "value", "derive", "format", "normalize", "map", "pad_left", "width"],
        required: ["name"]
    )
    static let zenginItem = Section(
        name: "zengin.fields item",
        keys: ["field", "value", "derive", "format", "normalize", "map", "pad_left", "width"],
        required: []
    )
    static let fixed = Section(name: "fixed entry", keys: ["column", "width", "align", "pad"], required: ["column", "width"])
    static let zengin = Section(
        name: "zengin",
        keys: ["type_code", "code_division", "requester_code", "requester_name", "transfer_date", "bank_code",
               "bank_name", "branch_code", "branch_name", "account_type", "account_number", "fields", "nakaguro",
               "profile", "allow_zero_amount"],
        required: ["requester_code", "requester_name", "transfer_date", "bank_code", "branch_code", "account_type",
                   "account_number", "fields"]
    )
    static let zenginFields = Section(
        name: "zengin.fields",
        keys: ZenginDataField.allCases.map(\.rawValue),
        required: ZenginDataField.required.map(\.rawValue)
    )
    static let delivery = Section(
        name: "delivery", keys: ["file_name", "done_marker", "manifest", "write_empty"], required: []
    )

    static let all = [top, column, fixed, zengin, zenginFields, delivery]
}

extension YAMLKeyTable {
    init(name: String, keys: [String], required: [String]) {
        self.init(name, keys, required: Set(required))
    }
}
