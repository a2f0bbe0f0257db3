/// Characters that cannot be written to a CP932 (Windows-31J / Shift_JIS) file without loss.
public struct CP932EncodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: String, Sendable, Equatable {
        /// One or more characters have no CP932 encoding (see ``failures``).
        case unencodableCharacters
    }

    /// Why one character failed.
    public enum Reason: String, Sendable, Equatable {
        /// Not in CP932 (e.g. 𠮷, 〜 without a replacement, emoji) or not round-tripping.
        case notInCP932
        /// An invisible format character (zero-width space, joiner, soft hyphen, BOM, bidi control…):
        /// Foundation drops it silently mid-string and hangs on it at the end of a string.
        case invisibleFormatCharacter
    }

    /// One character of the input that failed.
    public struct Failure: Sendable, Equatable, CustomStringConvertible {
        /// The character as it appears in the input.
        public let character: Character
        /// Its Unicode scalars, e.g. `U+20BB7`.
        public let scalars: String
        /// Position in the input, counted in `Character`s from 0.
        public let offset: Int
        /// Why it failed.
        public let reason: Reason

        /// `'𠮷' (U+20BB7) at 3`.
        public var description: String {
            let shown = reason == .invisibleFormatCharacter ? "" : "'\(character)' "
            return "\(shown)(\(scalars)) at \(offset)"
        }
    }

    /// What went wrong.
    public let code: Code
    /// Every failing character, in input order.
    public let failures: [Failure]

    /// Human-readable explanation listing each failing character.
    public var description: String {
        "not encodable in CP932 (Shift_JIS): " + failures.map(\.description).joined(separator: ", ")
    }
}
