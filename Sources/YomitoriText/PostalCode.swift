/// 郵便番号: 7 digits, stored `1234567`, printed `123-4567` (jp-formats §7.1).
///
/// Accepts `1234567`, `123-4567`, `〒123-4567`, full-width digits and any dash (`－ ー ‐ −`),
/// with white space anywhere. Only the format is checked, not that the code exists.
public enum PostalCode {
    /// Whether `s` is a well-formed 郵便番号.
    public static func isValid(_ s: String) -> Bool {
        if case .success = validate(s) { return true }
        return false
    }

    /// The 7 digits of `s` (`1234567`), or why it is not a 郵便番号.
    public static func validate(_ s: String) -> Result<String, FormatError> {
        var text = JapaneseText.removeWhitespace(JapaneseText.nfkc(s))
        if text.hasPrefix("〒") { text.removeFirst() }
        var digits = ""
        var dashPositions: [Int] = []
        for scalar in text.unicodeScalars {
            if ("0"..."9").contains(scalar) {
                digits.unicodeScalars.append(scalar)
            } else if JapaneseText.dashScalars.contains(scalar) {
                dashPositions.append(digits.count)
            } else {
                return .failure(FormatError(code: .invalidCharacter, message: "郵便番号 may contain only digits, 〒 and a hyphen"))
            }
        }
        guard !digits.isEmpty else { return .failure(FormatError(code: .empty, message: "郵便番号 is empty")) }
        guard digits.count == 7 else {
            return .failure(FormatError(code: .wrongLength, message: "郵便番号 must have 7 digits, found \(digits.count)"))
        }
        guard dashPositions.isEmpty || dashPositions == [3] else {
            return .failure(FormatError(code: .invalidFormat, message: "郵便番号 is written NNN-NNNN"))
        }
        return .success(digits)
    }

    /// `123-4567` for a valid 郵便番号; nil otherwise.
    public static func formatted(_ s: String) -> String? {
        guard case .success(let digits) = validate(s) else { return nil }
        return digits.prefix(3) + "-" + digits.suffix(4)
    }
}
