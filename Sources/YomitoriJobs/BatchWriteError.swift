/// An export batch whose files could not be written or put in place.
public struct BatchWriteError: Error, Sendable, CustomStringConvertible {
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// A file not written by this batch is already at an output path: it is never overwritten.
        public static let destinationExists = Code(rawValue: "destination-exists")
        /// A file at an output or temporary path does not have the content the ledger recorded.
        public static let contentMismatch = Code(rawValue: "content-mismatch")
        /// Creating, writing, flushing or renaming failed.
        public static let ioFailed = Code(rawValue: "io-failed")
        /// The batch is not open (nothing can be written) or the outputs differ from the planned ones.
        public static let wrongState = Code(rawValue: "wrong-state")
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
