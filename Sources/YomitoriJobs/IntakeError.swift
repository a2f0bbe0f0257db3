/// Something the intake could not do: list an inbox, watch it, claim or move a file.
public struct IntakeError: Error, Sendable, CustomStringConvertible {
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The inbox (or work folder) cannot be listed or created.
        public static let unreadableFolder = Code(rawValue: "unreadable-folder")
        /// inotify could not be set up (limit of watches reached …); the caller may poll instead.
        public static let watchFailed = Code(rawValue: "watch-failed")
        /// The work folder is on another file system than the inbox: claiming cannot be atomic.
        public static let crossFileSystem = Code(rawValue: "cross-file-system")
        /// A claim, move or copy failed for another reason (permissions, disk full …).
        public static let ioFailed = Code(rawValue: "io-failed")
        /// The destination already exists and is never overwritten.
        public static let destinationExists = Code(rawValue: "destination-exists")
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
