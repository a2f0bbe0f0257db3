public import YomitoriText

/// The `date:` field rule: bounds on a date field's value and on the age it gives.
///
/// ```yaml
/// - date: {not_future: true, not_before: 1900-01-01, min_age: 0, max_age: 120, age_on: request_date, mode: juki}
/// ```
public struct DateRule: Sendable, Equatable {
    /// The date must not be after the day of validation.
    public var notFuture: Bool
    /// The earliest allowed date.
    public var notBefore: JapaneseDate?
    /// The latest allowed date.
    public var notAfter: JapaneseDate?
    /// The youngest allowed age (年齢計算ニ関スル法律), for birth dates.
    public var minAge: Int?
    /// The oldest allowed age.
    public var maxAge: Int?
    /// The date field on the same page the age is computed on (e.g. `request_date`);
    /// nil means the day of validation (`age_on: today`).
    public var ageOn: String?
    /// `.strict` (applications, payment dates) or `.juki` (birth dates copied from 戸籍, which may be
    /// 暦上日以外 or 明治45年7月30日 / 大正15年12月25日).
    public var mode: DateMode

    public init(
        notFuture: Bool = false, notBefore: JapaneseDate? = nil, notAfter: JapaneseDate? = nil,
        minAge: Int? = nil, maxAge: Int? = nil, ageOn: String? = nil, mode: DateMode = .strict
    ) {
        self.notFuture = notFuture
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.minAge = minAge
        self.maxAge = maxAge
        self.ageOn = ageOn
        self.mode = mode
    }
}
