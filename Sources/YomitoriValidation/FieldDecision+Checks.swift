import YomitoriResults
import YomitoriTemplate
import YomitoriText

/// The checks a field's type implies (they run without any `rules:`), and the named checks.
extension FieldDecision {
    /// The value as text, when it is text (not a tick or a list of ticked options).
    var text: String? {
        if case .text(let text)? = normalized ?? read.value { return text }
        return nil
    }

    /// Steps after which a katakana field is deliberately no longer full-width katakana.
    static let leavesFullWidthKatakana: Set<Normalizer> = [.hiragana, .halfwidthKatakana, .zenginKana]

    /// Checks implied by the type and name: `phone` → phone number, `email` → e-mail address,
    /// `katakana` → katakana only (unless `normalize:` converts it to hiragana, half-width or 全銀
    /// kana), `digits` and `comb` with a digits-only whitelist → digits only, a field named
    /// `my_number` / `kojin_bango` → 個人番号 check digit. Like rules, they look at the normalised
    /// value. A check the field's rules name explicitly is left to the rule (which may be soft or
    /// have its own message).
    func impliedChecks(_ spec: FieldSpec) -> [FieldCheck] {
        var checks: [FieldCheck] = []
        switch spec.type {
        case .phone: checks.append(.phone)
        case .email: checks.append(.email)
        case .katakana:
            if !spec.normalize.contains(where: Self.leavesFullWidthKatakana.contains) { checks.append(.katakana) }
        case .digits: checks.append(.digits)
        case .comb:
            if let whitelist = spec.whitelist, !whitelist.isEmpty, whitelist.allSatisfy(\.isASCIIDigit) {
                checks.append(.digits)
            }
        default: break
        }
        if Self.myNumberFieldNames.contains(spec.name) { checks.append(.myNumber) }
        let explicit = spec.rules.compactMap { rule -> FieldCheck? in
            if case .check(let check) = rule.kind { return check }
            return nil
        }
        return checks.filter { !explicit.contains($0) }
    }

    /// Runs a named check on the text value; a failure gets `status`.
    mutating func run(_ check: FieldCheck, status: Status, override: String? = nil) {
        guard let text else { return }
        guard let (code, detail) = Self.failure(of: check, on: text) else { return }
        add(code, status, detail, override: override)
    }

    /// Why `text` fails `check`, or nil when it passes.
    ///
    /// A wrong check digit (or an all-zero number, which is never issued) is `check_digit`; a number
    /// of the wrong length or with stray characters is `format`, like a bad phone number or address.
    static func failure(of check: FieldCheck, on text: String) -> (ReasonCode, ReasonCatalogue.Detail)? {
        let result: Result<String, FormatError>
        switch check {
        case .myNumber: result = MyNumber.validate(text)
        case .corporateNumber: result = CorporateNumber.validate(text)
        case .localGovernmentCode: result = LocalGovernmentCode.validate(text)
        case .postalCode: result = PostalCode.validate(text)
        case .phone: result = PhoneNumber.validate(text)
        case .email: result = EmailAddress.validate(text)
        case .katakana:
            return JapaneseText.isKatakana(text) ? nil : (.notKatakana, .none)
        case .digits:
            return !text.isEmpty && text.allSatisfy(\.isASCIIDigit) ? nil : (.notDigits, .none)
        }
        guard case .failure(let error) = result else { return nil }
        switch error.code {
        case .checkDigitMismatch, .reservedValue: return (.checkDigit, .none)
        default: return (.format, .check(check))
        }
    }

    // MARK: - Dates

    /// A date field must hold a real date.
    ///
    /// The value (ISO, from the reader) — or, when the reader could not parse it, the raw text — is
    /// parsed strictly. A date that does not exist or is outside its era (令和5年2月30日, 昭和64年1月8日)
    /// is `impossible_date` (invalid); with a `date:` rule in `mode: juki` such a 住基 date is taken
    /// but sent to review (`juki_date`); text that is not a date at all is `unreadable` (review).
    mutating func checkDate(_ spec: FieldSpec) {
        let fromValue = text.flatMap { $0.trimmingWhitespace.isEmpty ? nil : $0 }
        let written = fromValue ?? read.raw
        switch JapaneseDate.parse(written, mode: .strict) {
        case .success(let parsed):
            date = parsed
            if fromValue == nil {
                normalized = .text(parsed.iso)
                add(.unparsedDate, .review)
            }
        case .failure(let error):
            if Self.dateMode(spec) == .juki, case .success(let parsed) = JapaneseDate.parse(written, mode: .juki) {
                date = parsed
                normalized = .text(parsed.iso)
                add(.jukiDate, .review)
                return
            }
            switch error.code {
            case .notACalendarDate, .outsideEra: add(.impossibleDate, .invalid)
            case .unrecognised, .beforeSupportedRange: add(.unreadable, .review)
            }
        }
    }

    /// `juki` when any of the field's `date:` rules says so.
    static func dateMode(_ spec: FieldSpec) -> DateMode {
        let juki = spec.rules.contains { rule in
            if case .date(let dateRule) = rule.kind { return dateRule.mode == .juki }
            return false
        }
        return juki ? .juki : .strict
    }
}

extension Character {
    /// `0`–`9` only (not full-width or other scripts' digits).
    var isASCIIDigit: Bool { isASCII && isNumber }
}
