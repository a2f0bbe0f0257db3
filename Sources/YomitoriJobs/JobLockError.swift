/// Why a job's lock could not be taken.
public struct JobLockError: Error, Sendable, CustomStringConvertible {
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// Another process holds the lock: the job is already running.
        public static let alreadyRunning = Code(rawValue: "already-running")
        /// The lock file cannot be created or locked (permissions, missing folder …).
        public static let unavailable = Code(rawValue: "unavailable")
    }

    public var code: Code
    public var message: String
    /// What the holder wrote into the lock file (`pid 4242 on host-a since …`), when it did.
    public var holder: String?

    public init(_ code: Code, _ message: String, holder: String? = nil) {
        self.code = code
        self.message = message
        self.holder = holder
    }

    public var description: String { message }
}
