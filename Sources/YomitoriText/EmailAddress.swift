/// A plausible ASCII e-mail address (メールアドレス) read from a form: `local@domain.tld`.
///
/// NFKC first (`ｙａｍａｄａ＠ｅｘａｍｐｌｅ．ｊｐ` → `yamada@example.jp`), surrounding white space
/// trimmed. Rejected: any inner white space, non-ASCII, not exactly one `@`, a local part that
/// is empty, longer than 64, has a leading/trailing dot or `..`, or uses characters outside the
/// RFC 5322 atext set; a domain without a dot, with an empty or over-long label, a label starting
/// or ending with `-`, or a TLD that is not at least two letters. The domain is lower-cased.
/// Quoted local parts and IP-literal domains are not accepted (they do not occur on forms).
public enum EmailAddress {
    /// Whether `s` is a plausible e-mail address.
    public static func isValid(_ s: String) -> Bool {
        if case .success = validate(s) { return true }
        return false
    }

    /// The normalised address (domain lower-cased), or why it is not plausible.
    public static func validate(_ s: String) -> Result<String, FormatError> {
        let text = JapaneseText.nfkc(s).trimmingWhitespace()
        guard !text.isEmpty else { return .failure(error(.empty, "メールアドレス is empty")) }
        guard !text.contains(where: \.isWhitespace) else {
            return .failure(error(.invalidCharacter, "メールアドレス must not contain spaces"))
        }
        guard text.unicodeScalars.allSatisfy(\.isASCII) else {
            return .failure(error(.invalidCharacter, "メールアドレス must be ASCII"))
        }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return .failure(error(.invalidFormat, "メールアドレス must contain exactly one @")) }
        let local = String(parts[0])
        let domain = parts[1].lowercased()

        guard (1...64).contains(local.count),
            local.unicodeScalars.allSatisfy({ atext.contains($0) || $0 == "." }),
            !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..")
        else { return .failure(error(.invalidFormat, "メールアドレス has an invalid part before @")) }

        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, domain.count <= 253,
            labels.allSatisfy(isValidLabel),
            let tld = labels.last, tld.count >= 2, tld.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return .failure(error(.invalidFormat, "メールアドレス has an invalid domain")) }

        let address = local + "@" + domain
        guard address.count <= 254 else { return .failure(error(.invalidFormat, "メールアドレス is too long")) }
        return .success(address)
    }

    /// RFC 5322 atext: letters, digits and ``!#$%&'*+-/=?^_`{|}~``.
    private static let atext: Set<Unicode.Scalar> = Set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~".unicodeScalars
    )

    private static func isValidLabel(_ label: Substring) -> Bool {
        (1...63).contains(label.count) && !label.hasPrefix("-") && !label.hasSuffix("-")
            && label.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    private static func error(_ code: FormatError.Code, _ message: String) -> FormatError {
        FormatError(code: code, message: message)
    }
}
