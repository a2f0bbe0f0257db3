public import YomitoriResults
public import YomitoriTemplate
public import YomitoriText

/// The `normalize:` steps of a field, applied in order to the value read.
///
/// Text values are transformed; a list (ticked options) has each item transformed; a tick
/// (true/false) is left as it is. Only `zengin_kana` can fail (a character outside the 全銀 set, or
/// more than 30 bytes); every other step is total.
public enum Normalization {
    /// The normalised value, or a `zengin_kana` reason (about "the value": the validator names the field).
    public static func apply(_ steps: [Normalizer], to value: FieldValue) -> Result<FieldValue, Reason> {
        normalize(steps, value).mapError { error in
            ReasonCatalogue.reason(.zenginKana, field: nil, .value, .zengin(error.code))
        }
    }

    /// One step on one text.
    public static func apply(_ step: Normalizer, to text: String) -> Result<String, ZenginKanaError> {
        switch step {
        case .nfkc: return .success(JapaneseText.nfkc(text))
        case .halfwidth: return .success(JapaneseText.toHalfwidthASCII(text))
        case .fullwidth: return .success(JapaneseText.toFullwidth(text))
        case .katakana: return .success(JapaneseText.hiraganaToKatakana(text))
        case .hiragana: return .success(JapaneseText.katakanaToHiragana(text))
        case .halfwidthKatakana: return .success(JapaneseText.katakanaToHalfwidth(text))
        case .digitsOnly: return .success(JapaneseText.digitsOnly(text))
        case .collapseSpaces: return .success(JapaneseText.collapseWhitespace(text))
        case .removeSpaces: return .success(JapaneseText.removeWhitespace(text))
        case .trim: return .success(trimmed(text))
        case .upper: return .success(text.uppercased())
        case .lower: return .success(text.lowercased())
        case .zenginKana:
            do {
                return .success(try ZenginKana.convert(text))
            } catch {
                return .failure(error)
            }
        }
    }

    /// ``apply(_:to:)-(_,FieldValue)`` with the conversion error itself, for the validator's own reason.
    static func normalize(_ steps: [Normalizer], _ value: FieldValue) -> Result<FieldValue, ZenginKanaError> {
        guard !steps.isEmpty else { return .success(value) }
        switch value {
        case .bool:
            return .success(value)
        case .text(let text):
            return normalize(steps, text).map(FieldValue.text)
        case .list(let items):
            var normalised: [String] = []
            for item in items {
                switch normalize(steps, item) {
                case .success(let text): normalised.append(text)
                case .failure(let error): return .failure(error)
                }
            }
            return .success(.list(normalised))
        }
    }

    private static func normalize(_ steps: [Normalizer], _ text: String) -> Result<String, ZenginKanaError> {
        var current = text
        for step in steps {
            switch apply(step, to: current) {
            case .success(let next): current = next
            case .failure(let error): return .failure(error)
            }
        }
        return .success(current)
    }

    /// Without leading and trailing white space (incl. U+3000).
    private static func trimmed(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(text[first...last])
    }
}
