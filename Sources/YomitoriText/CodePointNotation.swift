/// `U+XXXX` notation used in error reports.
extension Unicode.Scalar {
    /// `U+5C71` style notation.
    var codePointNotation: String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

extension Character {
    /// `U+845B U+E0100` style notation for every scalar of the character.
    var codePointNotation: String {
        unicodeScalars.map(\.codePointNotation).joined(separator: " ")
    }
}
