/// Shared clean-up of numeric fields: NFKC, then separators removed, then digits only.
enum DigitInput {
    /// The digits of `s` after NFKC with white space and dash-like separators removed.
    ///
    /// - Parameters:
    ///   - field: name used in messages (e.g. `個人番号`).
    ///   - length: required number of digits.
    static func digits(_ s: String, field: String, length: Int) -> Result<String, FormatError> {
        var digits = String.UnicodeScalarView()
        for scalar in JapaneseText.nfkc(s).unicodeScalars {
            if ("0"..."9").contains(scalar) {
                digits.append(scalar)
            } else if !(scalar.properties.isWhitespace || JapaneseText.dashScalars.contains(scalar)) {
                return .failure(FormatError(code: .invalidCharacter, message: "\(field) may contain only digits and separators"))
            }
        }
        guard !digits.isEmpty else {
            return .failure(FormatError(code: .empty, message: "\(field) is empty"))
        }
        guard digits.count == length else {
            return .failure(FormatError(code: .wrongLength, message: "\(field) must have \(length) digits, found \(digits.count)"))
        }
        return .success(String(digits))
    }

    /// Digit values of an ASCII digit string.
    static func values(_ digits: String) -> [Int] {
        digits.unicodeScalars.map { Int($0.value) - 0x30 }
    }

    /// Whether `s` is exactly `length` ASCII digits.
    static func isPlain(_ s: String, length: Int) -> Bool {
        s.unicodeScalars.count == length && s.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
    }
}
