/// Why one accepted page did not become a record: a stable code, the column, and — for characters
/// the output cannot carry — the character itself. Never the value (it may be personal data).
public struct RecordProblem: Sendable, Codable, Equatable {
    /// What kind of problem, e.g. `unencodable`, `overflow`, `unmapped_value`.
    public struct Code: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(rawValue)
        }
        public var description: String { rawValue }

        /// A character the output encoding cannot carry (and no substitution for it).
        public static let unencodable = Code(rawValue: "unencodable")
        /// An invisible format character (zero-width space, bidi control…) that would vanish.
        public static let invisibleCharacter = Code(rawValue: "invisible_character")
        /// The value is longer than the column's width; it is never cut.
        public static let overflow = Code(rawValue: "overflow")
        /// The padding character does not fill the remaining bytes exactly.
        public static let misalignedPadding = Code(rawValue: "misaligned_padding")
        /// The code mapping has no entry for the value.
        public static let unmappedValue = Code(rawValue: "unmapped_value")
        /// The page has no field of that name (template and mapping do not match).
        public static let unknownField = Code(rawValue: "unknown_field")
        /// A date column whose value is not a date.
        public static let unparsedDate = Code(rawValue: "unparsed_date")
        /// The value cannot be written as 全銀 kana (disallowed character, too long, empty).
        public static let zenginKana = Code(rawValue: "zengin_kana")
        /// A 全銀 number item that is not digits only.
        public static let notNumeric = Code(rawValue: "not_numeric")
        /// A 全銀 item the record cannot do without is empty.
        public static let missingValue = Code(rawValue: "missing_value")
        /// A 0-yen transfer.
        public static let zeroAmount = Code(rawValue: "zero_amount")
        /// A sensitive field whose recorded value is masked (`********1234`): the results were
        /// recorded without `--show-sensitive`, so the real value is not there to export.
        public static let maskedValue = Code(rawValue: "masked_value")
    }

    /// What kind of problem.
    public var code: Code
    /// The column (or 全銀 item) concerned.
    public var column: String?
    /// The offending character (not for sensitive fields).
    public var character: String?
    /// Its code points, e.g. `U+20BB7` (not for sensitive fields).
    public var scalars: String?
    /// A short explanation without the value, e.g. `9 bytes, width 8`.
    public var detail: String?

    /// A problem; only `code` is required.
    public init(code: Code, column: String? = nil, character: String? = nil, scalars: String? = nil, detail: String? = nil) {
        self.code = code
        self.column = column
        self.character = character
        self.scalars = scalars
        self.detail = detail
    }
}
