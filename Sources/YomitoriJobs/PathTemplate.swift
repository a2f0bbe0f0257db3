public import Foundation

/// Paths and names with `{variable}` placeholders, as written in job files
/// (`./done/{date}`, `{job}_{date}_{seq}.csv`).
///
/// Variables: `{job}` (job id), `{date}` (yyyyMMdd), `{time}` (HHmmss), `{run}` (run id), `{name}`
/// (the input file's name without its extension), `{seq}` (the batch's number of the day, at
/// least three digits: `001`). Values are sanitised before they are put in: a value can never add a
/// folder level or climb out of one, so a file called `../../etc/x.pdf` cannot route anywhere else.
public enum PathTemplate {
    /// Every variable a job file may use.
    public static let knownVariables: [String] = ["job", "date", "time", "run", "name", "seq"]

    /// The variable names used in `template`, in order of appearance (repeats included).
    public static func variables(in template: String) throws(PathTemplateError) -> [String] {
        try pieces(template).compactMap { piece in
            if case .variable(let name) = piece { return name }
            return nil
        }
    }

    /// `template` with every `{variable}` replaced by its sanitised value.
    ///
    /// - Throws: ``PathTemplateError`` for an unclosed brace or a variable that has no value in `variables`.
    public static func expand(_ template: String, variables: [String: String]) throws(PathTemplateError) -> String {
        var result = ""
        for piece in try pieces(template) {
            switch piece {
            case .literal(let text):
                result += text
            case .variable(let name):
                guard let value = variables[name] else {
                    throw PathTemplateError(.noValue, "'{\(name)}' has no value here (available: "
                        + variables.keys.sorted().map { "{\($0)}" }.joined(separator: ", ") + ")")
                }
                result += sanitize(value)
            }
        }
        return result
    }

    /// Makes a value safe to put into one path component.
    ///
    /// `/`, `\`, control characters (newline included) and the characters Windows shares refuse
    /// (`< > : " | ? *`) become `_`; `..` becomes `_`; a leading `.` (hidden file) or `-` (read as an
    /// option by commands) becomes `_`; trailing spaces and dots are dropped; an empty result is `_`.
    /// At most 120 UTF-8 bytes are kept, cut at a character boundary.
    public static func sanitize(_ value: String) -> String {
        let forbidden: Set<Character> = ["/", "\\", "<", ">", ":", "\"", "|", "?", "*"]
        var text = String(value.map { character -> Character in
            if forbidden.contains(character) { return "_" }
            if character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) { return "_" }
            return character
        })
        while text.contains("..") { text = text.replacingOccurrences(of: "..", with: "_") }
        while let last = text.last, last == " " || last == "." { text.removeLast() }
        if let first = text.first, first == "." || first == "-" { text = "_" + text.dropFirst() }
        if text.utf8.count > 120 {
            var cut = ""
            for character in text {
                if cut.utf8.count + String(character).utf8.count > 120 { break }
                cut.append(character)
            }
            text = cut
        }
        return text.isEmpty ? "_" : text
    }

    /// The standard variables for one moment of one run; `name` and `seq` only where they apply.
    ///
    /// - Parameters:
    ///   - fileName: the input file's name; `{name}` is this without its extension.
    ///   - seq: the batch number; `{seq}` is it with at least three digits.
    public static func variables(
        job: String, run: String, at date: Date, in timeZone: TimeZone, fileName: String? = nil, seq: Int? = nil
    ) -> [String: String] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        var variables = [
            "job": job,
            "run": run,
            "date": "\(c.year ?? 0)" + two(c.month) + two(c.day),
            "time": two(c.hour) + two(c.minute) + two(c.second),
        ]
        if let fileName {
            let stem = (fileName as NSString).deletingPathExtension
            variables["name"] = stem.isEmpty ? fileName : stem
        }
        if let seq {
            let digits = String(seq)
            variables["seq"] = String(repeating: "0", count: max(0, 3 - digits.count)) + digits
        }
        return variables
    }

    // MARK: - Parsing

    enum Piece: Equatable {
        case literal(String)
        case variable(String)
    }

    static func pieces(_ template: String) throws(PathTemplateError) -> [Piece] {
        var pieces: [Piece] = []
        var literal = ""
        var index = template.startIndex
        while index < template.endIndex {
            let character = template[index]
            if character == "}" {
                throw PathTemplateError(.syntax, "'}' without a matching '{' in '\(template)'")
            }
            guard character == "{" else {
                literal.append(character)
                index = template.index(after: index)
                continue
            }
            guard let close = template[index...].firstIndex(of: "}") else {
                throw PathTemplateError(.syntax, "'{' is not closed in '\(template)'")
            }
            let name = String(template[template.index(after: index)..<close])
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
                throw PathTemplateError(.syntax, "'{\(name)}' is not a variable name in '\(template)'")
            }
            if !literal.isEmpty { pieces.append(.literal(literal)) }
            literal = ""
            pieces.append(.variable(name))
            index = template.index(after: close)
        }
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        return pieces
    }
}
