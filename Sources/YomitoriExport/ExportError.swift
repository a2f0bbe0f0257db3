/// Why an export stopped without delivering a file.
///
/// Problems of single records are not errors: they go to the ``ExportReport``. This is for what
/// stops the whole file: the folder cannot be written, the input is not results JSON, a 全銀
/// trailer would overflow.
public struct ExportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// A system call on the output folder or a file failed (see the message for errno).
        public static let io = Code(rawValue: "io")
        /// The output folder does not exist or is not a folder.
        public static let noSuchDirectory = Code(rawValue: "no-such-directory")
        /// The file name is taken and the pattern has no `{seq}` to count past it.
        public static let fileExists = Code(rawValue: "file-exists")
        /// A line of the input is not a page record of `yomitori read`.
        public static let malformedInput = Code(rawValue: "malformed-input")
        /// A 全銀 file would exceed 999,999 records or a total of 999,999,999,999 yen.
        public static let zenginLimit = Code(rawValue: "zengin-limit")
        /// The mapping cannot produce a file (a header name the encoding cannot carry…).
        public static let invalidMapping = Code(rawValue: "invalid-mapping")
        /// The run's 振込指定日 is not `MMDD`.
        public static let invalidTransferDate = Code(rawValue: "invalid-transfer-date")
    }

    /// What went wrong.
    public let code: Code
    /// What happened and to which file, for people.
    public let message: String

    /// An error.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// `io: cannot write out/.yomitori-export-….tmp: No space left on device`.
    public var description: String { "\(code): \(message)" }
}
