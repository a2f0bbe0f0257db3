public import Foundation

/// What one listing saw of one directory entry in an inbox.
public struct FileObservation: Sendable, Hashable {
    /// The entry's name (not a path).
    public var name: String
    public var size: Int64
    /// Modification time as the file system reports it (to the nanosecond where it has them).
    public var modified: Date
    /// A regular file (not a folder, link, socket …). Only regular files are inputs.
    public var isRegularFile: Bool

    public init(name: String, size: Int64, modified: Date, isRegularFile: Bool = true) {
        self.name = name
        self.size = size
        self.modified = modified
        self.isRegularFile = isRegularFile
    }
}
