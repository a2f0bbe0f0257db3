/// A path template that cannot be expanded.
public struct PathTemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// An unclosed `{`, a stray `}`, or braces around something that is not a name.
        public static let syntax = Code(rawValue: "syntax")
        /// A variable with no value where the template is expanded.
        public static let noValue = Code(rawValue: "no-value")
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
