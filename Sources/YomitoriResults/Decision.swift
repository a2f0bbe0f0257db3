/// What happens to a field or page: straight into the import file, to a person, or rejected.
public enum Status: String, Sendable, Codable, Equatable, Comparable, CaseIterable {
    /// Safe to import without a person looking.
    case accepted
    /// A person must check it (doubtful reading, soft rule failed).
    case review
    /// A hard rule failed (wrong check digit, impossible date, missing required value).
    case invalid

    private var rank: Int {
        switch self {
        case .accepted: 0
        case .review: 1
        case .invalid: 2
        }
    }

    public static func < (a: Status, b: Status) -> Bool { a.rank < b.rank }
}

/// Why a field or page is not accepted: a stable machine-readable code and a message for people
/// in Japanese and English. Messages never contain the field's value (it may be personal data).
public struct Reason: Sendable, Codable, Equatable, Hashable {
    /// e.g. `low_confidence`, `reads_disagree`, `check_digit`, `impossible_date`, `required_missing`.
    public var code: String
    /// The field it concerns (page-level reasons name the fields involved, comma-separated).
    public var field: String?
    public var ja: String
    public var en: String

    public init(code: String, field: String? = nil, ja: String, en: String) {
        self.code = code
        self.field = field
        self.ja = ja
        self.en = en
    }
}
