/// A named format check a field rule can ask for (`rules: - check: my_number`).
public enum FieldCheck: String, Sendable, Equatable, CaseIterable {
    /// 個人番号: 12 digits with a check digit.
    case myNumber = "my_number"
    /// 法人番号: 13 digits, the first a check digit.
    case corporateNumber = "corporate_number"
    /// 郵便番号: 7 digits, `NNN-NNNN` accepted.
    case postalCode = "postal_code"
    /// 電話番号: a Japanese phone number.
    case phone
    /// メールアドレス: a plausible ASCII address.
    case email
    /// 全国地方公共団体コード: 6 digits with a check digit.
    case localGovernmentCode = "local_government_code"
    /// Full-width katakana only (spaces allowed).
    case katakana
    /// ASCII digits only.
    case digits
}
