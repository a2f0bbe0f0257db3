/// One file a batch writes (a batch may write several: a CSV and a 全銀 file, say).
public struct BatchOutput: Sendable, Hashable, Codable {
    /// The final path, seen by the receiving system. Unique across all batches.
    public var path: String
    /// The hidden temporary path in the same folder where the content is written first.
    public var temporaryPath: String
    /// Lower-case hex SHA-256 of the content; nil while the batch is only planned.
    public var sha256: String?
    /// Size in bytes; nil while only planned.
    public var bytes: Int64?

    public init(path: String, temporaryPath: String, sha256: String? = nil, bytes: Int64? = nil) {
        self.path = path
        self.temporaryPath = temporaryPath
        self.sha256 = sha256
        self.bytes = bytes
    }
}
