/// Japanese telephone number (電話番号) as written on a form.
///
/// After NFKC, every dash (`- － − ‐ ー ―` …), white space and parentheses separate digit groups;
/// `+81` (optionally `+81 (0)`) is read as the leading `0`. Valid numbers:
/// - 10 digits starting `0` (固定電話, 市外局番 of 2–5 digits including the 0), except the
///   prefixes reserved for 11-digit numbers (`020 050 060 070 080 090 0800`) and `00`;
///   `0120` (フリーダイヤル) and `0570` (ナビダイヤル) are 10-digit numbers too;
/// - 11 digits starting `070`, `080`, `090` (携帯), `050` (IP電話) or `0800` (フリーダイヤル).
///
/// The normalised value keeps the printed grouping when it is consistent with the kind of
/// number (固定: `0A-BBBB-CCCC` with a 2–5-digit area code and a 4-digit subscriber number;
/// 携帯/IP: `3-4-4`; `0120`/`0570`: `4-3-3` or `4-2-4`; `0800`: `4-3-4`), e.g. `03-1234-5678`;
/// otherwise (no grouping, or an inconsistent one) it is the bare digits: hyphens are never
/// invented, because the split of a 固定 number depends on the 市外局番 table.
public enum PhoneNumber {
    /// The kind of number, from its prefix and length.
    public enum Kind: String, Sendable, Equatable {
        /// 固定電話 (10 digits).
        case landline
        /// 携帯電話 070/080/090 (11 digits).
        case mobile
        /// IP電話 050 (11 digits).
        case ipPhone
        /// フリーダイヤル 0120 (10 digits) or 0800 (11 digits).
        case tollFree
        /// ナビダイヤル 0570 (10 digits).
        case navidial
    }

    /// Whether `s` is a valid Japanese telephone number.
    public static func isValid(_ s: String) -> Bool {
        if case .success = validate(s) { return true }
        return false
    }

    /// The normalised number (`03-1234-5678`, or `0312345678` without a consistent grouping).
    public static func validate(_ s: String) -> Result<String, FormatError> {
        parse(s).map(\.normalised)
    }

    /// The kind of a valid number; nil if it is not valid.
    public static func kind(of s: String) -> Kind? {
        guard case .success(let parsed) = parse(s) else { return nil }
        return parsed.kind
    }

    /// How a valid number's digits are split into groups by separators.
    public enum Grouping: Sendable, Equatable {
        /// One run of digits (`0312345678`).
        case none
        /// A split that numbers of this kind are written with (`03-1234-5678`, `090-1234-5678`).
        case consistent
        /// A split no number of this kind is written with (`070-83183793`, `042616-0527`): written
        /// so by hand rarely, but also what a lost or invented hyphen gives.
        case inconsistent
    }

    /// The grouping of a valid number; nil if it is not valid.
    public static func grouping(of s: String) -> Grouping? {
        guard case .success(let parsed) = parse(s) else { return nil }
        return parsed.grouping
    }

    // MARK: - Parsing

    private static func parse(_ s: String) -> Result<(normalised: String, kind: Kind, grouping: Grouping), FormatError> {
        var text = JapaneseText.nfkc(s).trimmingWhitespace()
        if text.hasPrefix("+81") {
            text = String(text.dropFirst(3)).trimmingWhitespace()
            if text.hasPrefix("(0)") { text = String(text.dropFirst(3)) }
            text = "0" + String(text.drop { $0.isWhitespace || $0 == "-" })
        }
        var groups: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if scalar.properties.isWhitespace || JapaneseText.dashScalars.contains(scalar)
                || scalar == "(" || scalar == ")"
            {
                if !current.isEmpty { groups.append(current) }
                current = ""
            } else {
                return .failure(FormatError(code: .invalidCharacter, message: "電話番号 may contain only digits and separators"))
            }
        }
        if !current.isEmpty { groups.append(current) }
        let digits = groups.joined()
        guard !digits.isEmpty else { return .failure(FormatError(code: .empty, message: "電話番号 is empty")) }
        guard digits.hasPrefix("0"), !digits.hasPrefix("00") else {
            return .failure(FormatError(code: .invalidFormat, message: "電話番号 must start with 0 (not 00)"))
        }
        guard let kind = kind(digits: digits) else {
            if digits.count == 10 || digits.count == 11 {
                return .failure(FormatError(code: .invalidFormat, message: "電話番号 prefix does not match its length"))
            }
            return .failure(FormatError(code: .wrongLength, message: "電話番号 must have 10 or 11 digits, found \(digits.count)"))
        }
        let consistent = groups.count == 3 && shapes(kind: kind, digits: digits).contains(groups.map(\.count))
        let grouping: Grouping = groups.count == 1 ? .none : consistent ? .consistent : .inconsistent
        return .success((consistent ? groups.joined(separator: "-") : digits, kind, grouping))
    }

    private static let elevenDigitPrefixes = ["020", "050", "060", "070", "080", "090", "0800"]

    private static func kind(digits: String) -> Kind? {
        switch digits.count {
        case 11:
            if digits.hasPrefix("0800") { return .tollFree }  // before 080
            if ["070", "080", "090"].contains(where: digits.hasPrefix) { return .mobile }
            if digits.hasPrefix("050") { return .ipPhone }
            return nil
        case 10:
            if elevenDigitPrefixes.contains(where: digits.hasPrefix) { return nil }
            if digits.hasPrefix("0120") { return .tollFree }
            if digits.hasPrefix("0570") { return .navidial }
            return .landline
        default:
            return nil
        }
    }

    /// Group lengths that are a consistent printed form for the kind of number.
    private static func shapes(kind: Kind, digits: String) -> [[Int]] {
        switch kind {
        case .landline: return (2...5).map { [$0, 6 - $0, 4] }
        case .mobile, .ipPhone: return [[3, 4, 4]]
        case .tollFree where digits.count == 11: return [[4, 3, 4]]
        case .tollFree, .navidial: return [[4, 3, 3], [4, 2, 4]]
        }
    }
}
