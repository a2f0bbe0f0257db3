/// Why a date could not be read or is not acceptable.
public struct DateParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: String, Sendable, Equatable {
        /// Not one of the accepted date styles (or an era year below 1).
        case unrecognised
        /// The 和暦 date is outside its era (平成31年5月1日, 昭和64年1月8日, 平成元年1月7日).
        case outsideEra
        /// The month or day does not exist (2月30日, 令和7年2月29日, 13月).
        case notACalendarDate
        /// Before 1873-01-01 (明治6年1月1日), when Japan adopted the Gregorian calendar.
        case beforeSupportedRange
    }

    /// What went wrong.
    public let code: Code
    /// Human-readable explanation.
    public let message: String
    /// A corrected reading to offer for review, e.g. `令和元年5月1日` for `平成31年5月1日`.
    public let suggestion: String?

    /// Creates an error.
    public init(code: Code, message: String, suggestion: String? = nil) {
        self.code = code
        self.message = message
        self.suggestion = suggestion
    }

    /// The message, followed by the suggestion if there is one.
    public var description: String {
        suggestion.map { "\(message) (did you mean \($0)?)" } ?? message
    }
}
