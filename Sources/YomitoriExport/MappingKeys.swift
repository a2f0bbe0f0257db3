/// The keys of every section of a mapping, so that a typo is reported with the nearest known key.
enum MappingKeys {
    /// One kind of YAML mapping in a mapping file.
    struct Section: Sendable {
        let name: String
        let keys: [String]
        let required: [String]
    }

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

    /// `unknown key 'widht' in column 2; did you mean 'width'?`, or where the key belongs.
    static func unknownKeyMessage(_ key: String, in section: Section, subject: String) -> String {
        var message = "unknown key '\(key)' in \(subject)"
        if let near = closestWord(to: key, in: section.keys) {
            message += "; did you mean '\(near)'?"
        } else if let other = all.first(where: { $0.name != section.name && $0.keys.contains(key) }) {
            message += "; '\(key)' belongs in a \(other.name)"
        } else {
            message += "; expected one of: " + section.keys.joined(separator: ", ")
        }
        return message
    }
}

/// The candidate nearest to `word` by edit distance, if it is near enough to be a likely typo.
///
/// Near enough means at most a third of the candidate's length in edits (at least one, at most
/// three), or one word being a prefix of the other (`delim` for `delimiter`).
func closestWord(to word: String, in candidates: [String]) -> String? {
    let lowered = word.lowercased()
    var best: (word: String, distance: Int)?
    for candidate in candidates {
        let distance = editDistance(lowered, candidate)
        let limit = max(1, min(3, candidate.count / 3))
        let isPrefix = min(lowered.count, candidate.count) >= 3
            && (lowered.hasPrefix(candidate) || candidate.hasPrefix(lowered))
        guard distance <= limit || isPrefix else { continue }
        if best == nil || distance < best?.distance ?? .max { best = (candidate, distance) }
    }
    return best?.word
}

/// Edit distance over characters where swapping two neighbours counts as one edit (optimal
/// string alignment), so `feild` is one edit from `field` and `cvs` one from `csv`.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in 1...a.count {
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
            }
        }
    }
    return table[a.count][b.count]
}
