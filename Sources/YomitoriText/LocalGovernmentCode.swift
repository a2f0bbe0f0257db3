/// 全国地方公共団体コード: 6 digits — 2-digit 都道府県 (01–47), 3-digit 市区町村, check digit (jp-formats §3.3).
///
/// Check digit = (11 − (6·d1 + 5·d2 + 4·d3 + 3·d4 + 2·d5) mod 11) mod 10.
public enum LocalGovernmentCode {
    private static let weights = [6, 5, 4, 3, 2]

    /// Whether `s` is a well-formed code with a correct check digit.
    public static func isValid(_ s: String) -> Bool {
        if case .success = validate(s) { return true }
        return false
    }

    /// The 6 digits of `s`, or why it is not a valid 地方公共団体コード.
    public static func validate(_ s: String) -> Result<String, FormatError> {
        DigitInput.digits(s, field: "地方公共団体コード", length: 6).flatMap { digits in
            let values = DigitInput.values(digits)
            guard (1...47).contains(values[0] * 10 + values[1]) else {
                return .failure(FormatError(code: .invalidFormat, message: "地方公共団体コード must start with a 都道府県 code 01–47"))
            }
            guard checkDigit(for: String(digits.prefix(5))) == values[5] else {
                return .failure(FormatError(code: .checkDigitMismatch, message: "地方公共団体コード check digit does not match"))
            }
            return .success(digits)
        }
    }

    /// The check digit for the 5-digit code (ASCII digits only); nil otherwise.
    public static func checkDigit(for first5: String) -> Int? {
        guard DigitInput.isPlain(first5, length: 5) else { return nil }
        let sum = zip(DigitInput.values(first5), weights).reduce(0) { $0 + $1.0 * $1.1 }
        return (11 - sum % 11) % 10
    }
}
