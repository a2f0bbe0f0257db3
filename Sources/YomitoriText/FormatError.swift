/// Why a number, code or address read from a form is not valid.
///
/// Messages never repeat the value (個人番号 is 特定個人情報 and must not reach logs).
public struct FormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: String, Sendable, Equatable {
        /// Nothing left after removing white space and separators.
        case empty
        /// A character that is neither a digit nor an accepted separator (or not allowed in an address).
        case invalidCharacter
        /// The wrong number of digits.
        case wrongLength
        /// The check digit does not match.
        case checkDigitMismatch
        /// The right characters in an impossible arrangement (prefix, grouping, address syntax).
        case invalidFormat
        /// Passes the arithmetic but is not issued (all-zero 個人番号 / 法人番号 base).
        case reservedValue
    }

    /// What went wrong.
    public let code: Code
    /// Human-readable explanation (without the value itself).
    public let message: String

    /// Creates an error.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
