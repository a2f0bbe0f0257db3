/// 法人番号 (Corporate Number): 13 digits, the **first** one a check digit (jp-formats §3.2).
///
/// Check digit = 9 − (Σ mod 9) over the 12-digit 基礎番号 with weights 1, 2, 1, 2 … from the
/// right; it is always 1–9, so a leading 0 is never valid. Spaces and hyphens are accepted as
/// separators; full-width digits are normalised. 0↔9 substitutions are not detected by the check.
public enum CorporateNumber {
    /// Whether `s` is a well-formed 法人番号 with a correct check digit.
    public static func isValid(_ s: String) -> Bool {
        if case .success = validate(s) { return true }
        return false
    }

    /// The 13 digits of `s`, or why it is not a valid 法人番号.
    public static func validate(_ s: String) -> Result<String, FormatError> {
        DigitInput.digits(s, field: "法人番号", length: 13).flatMap { digits in
            let base = String(digits.dropFirst())
            guard base != String(repeating: "0", count: 12) else {
                return .failure(FormatError(code: .reservedValue, message: "法人番号 with base 000000000000 is not issued"))
            }
            guard let check = checkDigit(for: base), check == DigitInput.values(digits)[0] else {
                return .failure(FormatError(code: .checkDigitMismatch, message: "法人番号 check digit does not match"))
            }
            return .success(digits)
        }
    }

    /// The check digit (1–9) for a 12-digit 基礎番号 (ASCII digits only); nil otherwise.
    public static func checkDigit(for base12: String) -> Int? {
        guard DigitInput.isPlain(base12, length: 12) else { return nil }
        let sum = DigitInput.values(base12).reversed().enumerated().reduce(0) { sum, item in
            sum + item.element * (item.offset.isMultiple(of: 2) ? 1 : 2)
        }
        return 9 - sum % 9
    }
}
