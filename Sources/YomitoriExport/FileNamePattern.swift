/// The name an import file gets, e.g. `{job}_{date}_{seq}.csv` (`delivery.file_name`).
///
/// Names are built from the run only, never from field values. Every variable is sanitised to
/// `[A-Za-z0-9._-]` (anything else becomes `_`), so a job or run name cannot reach another folder
/// or produce a hidden file.
public struct FileNamePattern: Sendable, Equatable, CustomStringConvertible {
    /// A variable of a pattern.
    public enum Variable: String, Sendable, Equatable, CaseIterable {
        /// The job name.
        case job
        /// The export date, `yyyyMMdd` in 日本標準時.
        case date
        /// The export time, `HHmmss` in 日本標準時.
        case time
        /// The next number not yet used in the folder for this name, 3 digits (`001`).
        case seq
        /// The run identifier.
        case run
        /// The template of the records (`mixed` when there are several).
        case template
    }

    /// One piece of a pattern.
    public enum Segment: Sendable, Equatable {
        /// Text written as is.
        case literal(String)
        /// A `{variable}`.
        case variable(Variable)
    }

    /// The pieces, in order.
    public let segments: [Segment]

    /// The pattern as written.
    public var description: String {
        segments.map { segment in
            switch segment {
            case .literal(let text): text
            case .variable(let variable): "{\(variable.rawValue)}"
            }
        }.joined()
    }

    /// Whether the pattern has `{seq}`, so an existing name can be avoided by counting up.
    public var hasSequence: Bool { segments.contains(.variable(.seq)) }

    /// Parses a pattern; the error message says what is wrong.
    ///
    /// Literal text may use `[A-Za-z0-9._-]` only and the name may not start with `.`.
    public init(_ pattern: String) throws(PatternError) {
        var segments: [Segment] = []
        var literal = ""
        var rest = Substring(pattern)
        while let first = rest.first {
            if first == "{" {
                guard let close = rest.firstIndex(of: "}") else { throw PatternError("unclosed '{' in \(pattern)") }
                let name = String(rest[rest.index(after: rest.startIndex)..<close])
                guard let variable = Variable(rawValue: name) else {
                    let known = Variable.allCases.map { "{\($0.rawValue)}" }.joined(separator: ", ")
                    throw PatternError("unknown variable {\(name)}; known: \(known)")
                }
                if !literal.isEmpty { segments.append(.literal(literal)) }
                literal = ""
                segments.append(.variable(variable))
                rest = rest[rest.index(after: close)...]
            } else {
                guard Self.isSafe(first) else {
                    throw PatternError("'\(first)' is not allowed in a file name; use A–Z, a–z, 0–9, '.', '_' or '-'")
                }
                literal.append(first)
                rest = rest.dropFirst()
            }
        }
        if !literal.isEmpty { segments.append(.literal(literal)) }
        guard !segments.isEmpty else { throw PatternError("the file name pattern is empty") }
        if case .literal(let text) = segments[0], text.hasPrefix(".") {
            throw PatternError("a file name may not start with '.' (hidden and temporary files do)")
        }
        if pattern.hasSuffix(".tmp") { throw PatternError("'.tmp' is reserved for files being written") }
        self.segments = segments
    }

    /// The file name with `values` filled in (sanitised) and `seq` as a 3-digit number.
    public func name(_ values: [Variable: String], seq: Int) -> String {
        segments.map { segment in
            switch segment {
            case .literal(let text): return text
            case .variable(.seq): return Self.sequenceText(seq)
            case .variable(let variable): return Self.sanitise(values[variable] ?? "")
            }
        }.joined()
    }

    /// The sequence number in `name` if it is this pattern with `values` filled in, else nil.
    public func sequence(in name: String, _ values: [Variable: String]) -> Int? {
        guard hasSequence else { return nil }
        var rest = Substring(name)
        var number: Int?
        for segment in segments {
            switch segment {
            case .literal(let text):
                guard rest.hasPrefix(text) else { return nil }
                rest = rest.dropFirst(text.count)
            case .variable(.seq):
                let digits = rest.prefix { ("0"..."9").contains($0) }
                guard digits.count >= 3, let value = Int(digits) else { return nil }
                number = value
                rest = rest.dropFirst(digits.count)
            case .variable(let variable):
                let text = Self.sanitise(values[variable] ?? "")
                guard rest.hasPrefix(text) else { return nil }
                rest = rest.dropFirst(text.count)
            }
        }
        return rest.isEmpty ? number : nil
    }

    // MARK: - Helpers

    /// `1` → `001`; more digits once past 999.
    static func sequenceText(_ seq: Int) -> String {
        let digits = String(seq)
        return String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    /// `[A-Za-z0-9._-]` only, no leading `.`, at most 64 characters, never empty.
    static func sanitise(_ value: String) -> String {
        var text = String(value.prefix(64).map { isSafe($0) ? $0 : "_" })
        while text.hasPrefix(".") { text = "_" + text.dropFirst() }
        return text.isEmpty ? "_" : text
    }

    static func isSafe(_ c: Character) -> Bool {
        guard c.isASCII, let ascii = c.asciiValue else { return false }
        switch ascii {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    /// Why a pattern was rejected.
    public struct PatternError: Error, Sendable, Equatable, CustomStringConvertible {
        /// What is wrong, for the mapping diagnostic.
        public let description: String
        init(_ description: String) { self.description = description }
    }
}
