import Foundation

/// Lossless CP932 (Windows-31J, "Shift_JIS" on Windows) encoding for import files and 全銀 records.
///
/// Foundation's `String.Encoding.shiftJIS` behaves as CP932 on Linux but has traps this type avoids:
/// - it returns nil for 〜 U+301C, − U+2212 and friends → a replacement table maps them first;
/// - it **hangs forever** when a string ends with a default-ignorable code point (variation
///   selectors, ZWJ/ZWSP, soft hyphen, BOM, bidi controls, tag characters…) and silently drops
///   such code points mid-string → variation selectors are stripped, the other invisible format
///   characters are reported, and the encoder never sees either;
/// - lossy conversion writes `?` → never used; every result is checked by decoding it again.
public enum CP932 {
    /// Replacements applied before encoding: the characters Macs and OCR engines emit for the
    /// CP932 (Windows) code points of the same shape (jp-formats §5.1).
    public static let defaultReplacements: [Character: String] = [
        "\u{301C}": "\u{FF5E}",  // 〜 WAVE DASH → ～ FULLWIDTH TILDE
        "\u{2212}": "\u{FF0D}",  // − MINUS SIGN → － FULLWIDTH HYPHEN-MINUS
        "\u{2016}": "\u{2225}",  // ‖ DOUBLE VERTICAL LINE → ∥ PARALLEL TO
        "\u{00A2}": "\u{FFE0}",  // ¢ → ￠
        "\u{00A3}": "\u{FFE1}",  // £ → ￡
        "\u{00AC}": "\u{FFE2}",  // ¬ → ￢
        "\u{2014}": "\u{2015}",  // — EM DASH → ― HORIZONTAL BAR
    ]

    /// Encodes `s` as CP932 bytes, or lists every character that cannot be encoded.
    ///
    /// Per input character: variation selectors are stripped (異体字 → base kanji), `replacements`
    /// are applied, the result is NFC-normalised and encoded with `allowLossyConversion: false`.
    /// The bytes are decoded again and must give back the same scalars.
    /// - Returns: the bytes, or a ``CP932EncodingError`` listing each failing character,
    ///   its scalars and its offset (in `Character`s) in `s`. Never lossy, never `?`.
    public static func encode(
        _ s: String,
        replacements: [Character: String] = CP932.defaultReplacements
    ) -> Result<[UInt8], CP932EncodingError> {
        var prepared: [(character: Character, offset: Int, text: String)] = []
        var failures: [CP932EncodingError.Failure] = []
        for (offset, character) in s.enumerated() {
            let stripped = JapaneseText.stripVariationSelectors(String(character))
            guard !stripped.isEmpty else { continue }  // a lone variation selector
            let replaced = stripped.count == 1 ? replacements[Character(stripped)] ?? stripped : stripped
            let text = JapaneseText.stripVariationSelectors(replaced).precomposedStringWithCanonicalMapping
            if text.unicodeScalars.contains(where: \.properties.isDefaultIgnorableCodePoint) {
                failures.append(failure(character, offset, .invisibleFormatCharacter))
            } else {
                prepared.append((character, offset, text))
            }
        }

        if failures.isEmpty, let bytes = encodeChecked(prepared.map(\.text).joined()) {
            return .success(bytes)
        }
        var bytes: [UInt8] = []
        for item in prepared {
            if let encoded = encodeChecked(item.text), !encoded.isEmpty {
                bytes.append(contentsOf: encoded)
            } else {
                failures.append(failure(item.character, item.offset, .notInCP932))
            }
        }
        guard failures.isEmpty else {
            failures.sort { $0.offset < $1.offset }
            return .failure(CP932EncodingError(code: .unencodableCharacters, failures: failures))
        }
        return .success(bytes)
    }

    /// The characters of `s` that ``encode(_:replacements:)`` rejects, each once, in input order.
    public static func unencodable(
        _ s: String,
        replacements: [Character: String] = CP932.defaultReplacements
    ) -> [Character] {
        guard case .failure(let error) = encode(s, replacements: replacements) else { return [] }
        var seen: [Character] = []
        for failure in error.failures where !seen.contains(failure.character) {
            seen.append(failure.character)
        }
        return seen
    }

    /// Whether `s` encodes (without replacements) to single-byte CP932 only: every byte in
    /// 0x20–0x7E or 0xA1–0xDF (ASCII printable and JIS X 0201 half-width kana), as 全銀 requires.
    /// The empty string is single-byte.
    public static func isSingleByte(_ s: String) -> Bool {
        guard case .success(let bytes) = encode(s, replacements: [:]) else { return false }
        return bytes.allSatisfy { (0x20...0x7E).contains($0) || (0xA1...0xDF).contains($0) }
    }

    /// Decodes CP932 bytes; nil if they are not valid CP932.
    public static func decode(_ bytes: [UInt8]) -> String? {
        String(data: Data(bytes), encoding: .shiftJIS)
    }

    // MARK: - Helpers

    /// Encodes text already free of default-ignorable code points; nil unless it round-trips.
    private static func encodeChecked(_ text: String) -> [UInt8]? {
        guard let data = text.data(using: .shiftJIS, allowLossyConversion: false),
            let back = String(data: data, encoding: .shiftJIS),
            back.unicodeScalars.elementsEqual(text.unicodeScalars)
        else { return nil }
        return Array(data)
    }

    private static func failure(
        _ character: Character, _ offset: Int, _ reason: CP932EncodingError.Reason
    ) -> CP932EncodingError.Failure {
        CP932EncodingError.Failure(
            character: character, scalars: character.codePointNotation, offset: offset, reason: reason
        )
    }
}
