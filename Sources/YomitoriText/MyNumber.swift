/// 個人番号 (My Number): 12 digits, the last one a check digit (jp-formats §3.1).
///
/// Check digit over the first 11 digits with weights 6 5 4 3 2 7 6 5 4 3 2 (left to right):
/// 11 − (Σ mod 11), or 0 when Σ mod 11 ≤ 1. Spaces and hyphens are accepted as separators
/// (`6214 9832 0257` is the card's print format); full-width digits are normalised.
/// 個人番号 is 特定個人情報: show it only through ``masked(_:)`` and never log it.
public enum MyNumber {
    private static let weights = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2]

    /// Whether `s` is a well-formed 個人番号 with a correct check digit.
    public static func isValid(_ s: String) -> Bool {
        if case .success = validate(s) { return true }
        return false
    }

    /// The 12 digits of `s`, or why it is not a valid 個人番号 (the message never contains the number).
    public static func validate(_ s: String) -> Result<String, FormatError> {
        DigitInput.digits(s, field: "個人番号", length: 12).flatMap { digits in
            guard digits != String(repeating: "0", count: 12) else {
                return .failure(FormatError(code: .reservedValue, message: "個人番号 000000000000 is not issued"))
            }
            guard let check = checkDigit(for: String(digits.prefix(11))),
                check == DigitInput.values(digits)[11]
            else {
                return .failure(FormatError(code: .checkDigitMismatch, message: "個人番号 check digit does not match"))
            }
            return .success(digits)
        }
    }

    /// The check digit for the first 11 digits (ASCII digits only); nil if `first11` is not 11 digits.
    public static func checkDigit(for first11: String) -> Int? {
        guard DigitInput.isPlain(first11, length: 11) else { return nil }
        let sum = zip(DigitInput.values(first11), weights).reduce(0) { $0 + $1.0 * $1.1 }
        let remainder = sum % 11
        return remainder <= 1 ? 0 : 11 - remainder
    }

    /// `********0257`: every digit but the last four replaced by `*` (all masked if 4 or fewer).
    public static func masked(_ s: String) -> String {
        let digits = JapaneseText.digitsOnly(s)
        guard digits.count > 4 else { return String(repeating: "*", count: digits.count) }
        return String(repeating: "*", count: digits.count - 4) + digits.suffix(4)
    }
}
