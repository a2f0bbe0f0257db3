/// The keys of one kind of YAML mapping in a file format (a template's page, a job's `watch`,
/// a mapping's column …), so that a typo is reported with the nearest known key and a key
/// written in the wrong mapping with the mapping it belongs in.
public struct YAMLKeyTable: Sendable {
    /// How the mapping is called in messages and in "belongs in" hints, e.g. `watch`.
    public let section: String
    /// Every key the mapping accepts, in documentation order.
    public let keys: [String]
    /// Keys that must be present.
    public let required: Set<String>
    /// For an unknown key that another section has, say where it belongs before guessing a typo
    /// (`date_order` in a field rule belongs in a page rule; it is not a misspelt `date`).
    public let sectionHintFirst: Bool

    public init(_ section: String, _ keys: [String], required: Set<String> = [], sectionHintFirst: Bool = false) {
        self.section = section
        self.keys = keys
        self.required = required
        self.sectionHintFirst = sectionHintFirst
    }

    /// `unknown key 'widht' in column 2; did you mean 'width'?`, or where the key belongs among
    /// `siblings` (the other mappings of the same format), or the keys expected here.
    public func unknownKeyMessage(_ key: String, subject: String, siblings: [YAMLKeyTable]) -> String {
        let other = siblings.first { $0.section != section && $0.keys.contains(key) }?.section
        var message = "unknown key '\(key)' in \(subject)"
        if sectionHintFirst, let other {
            message += "; '\(key)' belongs in a \(other) mapping"
        } else if let suggestion = closestWord(to: key, in: keys) {
            message += "; did you mean '\(suggestion)'?"
        } else if let other {
            message += "; '\(key)' belongs in a \(other) mapping"
        } else {
            message += "; expected one of: " + keys.joined(separator: ", ")
        }
        return message
    }
}

/// The candidate nearest to `word` by edit distance, if it is near enough to be a likely typo.
///
/// Near enough means at most a third of the candidate's length in edits (at least one, at most
/// three), or one word being a prefix of the other (`lang` for `language`, `delim` for `delimiter`).
public func closestWord(to word: String, in candidates: [String]) -> String? {
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
public func editDistance(_ a: String, _ b: String) -> Int {
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
