/// Why a name could not be turned into 全銀 half-width kana (口座名義).
public struct ZenginKanaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: String, Sendable, Equatable {
        /// Characters remain outside the allowed set (kanji, `々`, `,`, lower-case non-ASCII, emoji…).
        case disallowedCharacter
        /// The converted name is longer than the byte limit (it is never truncated).
        case tooLong
        /// Nothing is left after normalisation (blank input).
        case empty
    }

    /// One input character that cannot be represented.
    public struct Offense: Sendable, Equatable, CustomStringConvertible {
        /// The character as it appears in the input.
        public let character: Character
        /// Its Unicode scalars, e.g. `U+5C71`.
        public let scalars: String
        /// Position in the input, counted in `Character`s from 0.
        public let offset: Int

        /// `'山' (U+5C71) at 0`.
        public var description: String { "'\(character)' (\(scalars)) at \(offset)" }
    }

    /// What went wrong.
    public let code: Code
    /// The offending characters (for `.disallowedCharacter`), in input order.
    public let offenses: [Offense]
    /// The full converted name (for `.tooLong`), so a reviewer can shorten it by hand.
    public let converted: String?
    /// Byte length of `converted` (for `.tooLong`).
    public let byteCount: Int?
    /// The limit that was exceeded (for `.tooLong`).
    public let maxBytes: Int?

    /// Human-readable explanation.
    public var description: String {
        switch code {
        case .empty:
            return "口座名義 is empty after normalisation"
        case .disallowedCharacter:
            let list = offenses.map(\.description).joined(separator: ", ")
            return "口座名義 contains characters not allowed in 全銀 kana: \(list)"
        case .tooLong:
            return "口座名義 is \(byteCount ?? 0) bytes, over the limit of \(maxBytes ?? 0) (not truncated)"
        }
    }

    static func empty() -> ZenginKanaError {
        ZenginKanaError(code: .empty, offenses: [], converted: nil, byteCount: nil, maxBytes: nil)
    }

    static func disallowed(_ offenses: [Offense]) -> ZenginKanaError {
        ZenginKanaError(code: .disallowedCharacter, offenses: offenses, converted: nil, byteCount: nil, maxBytes: nil)
    }

    static func tooLong(_ converted: String, bytes: Int, limit: Int) -> ZenginKanaError {
        ZenginKanaError(code: .tooLong, offenses: [], converted: converted, byteCount: bytes, maxBytes: limit)
    }
}
