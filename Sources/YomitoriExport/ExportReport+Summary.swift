extension ExportReport {
    /// A few lines for people (stderr, logs): the file, the counts, and each page that did not go in
    /// (the first `limit` of them). Like the report itself it names pages, columns and characters,
    /// never values.
    public func summary(limit: Int = 20) -> String {
        var lines: [String] = []
        for file in files {
            lines.append("wrote \(file.path): \(file.records) record\(file.records == 1 ? "" : "s"), "
                         + "\(file.bytes) bytes, sha256 \(file.sha256)")
        }
        if let notWritten { lines.append("no file written: \(notWritten)") }
        lines.append("\(pagesRead) page\(pagesRead == 1 ? "" : "s") read, \(recordsWritten) exported, "
                     + "\(skipped.count) not accepted, \(review.count) to review")
        var details: [String] = skipped.map { page in
            "  \(page.page): \(page.status)" + (page.reasons.isEmpty ? "" : " (\(page.reasons.joined(separator: ", ")))")
        }
        details += review.map { record in
            "  \(record.page): to review — " + record.problems.map(Self.describe).joined(separator: "; ")
        }
        lines += details.prefix(limit)
        if details.count > limit { lines.append("  … and \(details.count - limit) more (--json lists all)") }
        if !substitutions.isEmpty {
            lines.append("\(substitutions.count) character\(substitutions.count == 1 ? "" : "s") substituted:")
            let shown = substitutions.prefix(limit).map { s in
                "  \(s.page): \(s.column) " + (s.from.map { "'\($0)' → '\(s.to ?? "")'" } ?? "(sensitive)")
            }
            lines += shown
            if substitutions.count > limit { lines.append("  … and \(substitutions.count - limit) more") }
        }
        return lines.joined(separator: "\n")
    }

    /// `unencodable '𠮷' (U+20BB7) in 氏名`.
    static func describe(_ problem: RecordProblem) -> String {
        var text = problem.code.rawValue
        if let character = problem.character {
            text += " '\(character)'"
            if let scalars = problem.scalars { text += " (\(scalars))" }
        } else if let scalars = problem.scalars {
            text += " (\(scalars))"
        }
        if let column = problem.column { text += " in \(column)" }
        if let detail = problem.detail { text += ": \(detail)" }
        return text
    }
}
