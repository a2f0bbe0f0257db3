/// A cron expression that cannot be parsed, naming the field and what is wrong with it.
///
/// `description` reads like `hour: 24 is out of range 0–23`.
public struct CronError: Error, Sendable, Hashable, CustomStringConvertible {
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// Not five fields (and not an `@` shortcut).
        public static let fieldCount = Code(rawValue: "field-count")
        /// A number or name outside the field's range, or an unknown name.
        public static let outOfRange = Code(rawValue: "out-of-range")
        /// Text that is not a number, name, range, list or step.
        public static let syntax = Code(rawValue: "syntax")
        /// A schedule that never fires (day 30 in February).
        public static let neverFires = Code(rawValue: "never-fires")
        /// An `@` shortcut that is not one of `@hourly @daily @midnight @weekly @monthly @yearly @annually`.
        public static let unknownShortcut = Code(rawValue: "unknown-shortcut")
    }

    public var code: Code
    /// The field concerned (`minute`, `hour`, `day-of-month`, `month`, `day-of-week`), nil for the whole expression.
    public var field: String?
    public var message: String

    public init(_ code: Code, field: String?, _ message: String) {
        self.code = code
        self.field = field
        self.message = message
    }

    public var description: String {
        field.map { "\($0): \(message)" } ?? message
    }
}
