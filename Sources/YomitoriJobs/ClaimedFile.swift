public import Foundation

/// A file moved from the inbox into the work folder: it belongs to this runner now.
public struct ClaimedFile: Sendable, Hashable {
    /// A lower-case UUID: the ledger input id, also the prefix of the file's name in the work folder.
    public var inputID: String
    /// The name it had in the inbox (shortened if it was very long).
    public var originalName: String
    /// Where it was in the inbox; nil when recovered from the work folder after a crash.
    public var originalPath: String?
    /// Where it is now.
    public var path: String
    public var size: Int64
    public var modified: Date
    /// Lower-case hex SHA-256 of its content, for duplicate detection.
    public var sha256: String

    public init(
        inputID: String, originalName: String, originalPath: String?, path: String, size: Int64, modified: Date,
        sha256: String
    ) {
        self.inputID = inputID
        self.originalName = originalName
        self.originalPath = originalPath
        self.path = path
        self.size = size
        self.modified = modified
        self.sha256 = sha256
    }
}
