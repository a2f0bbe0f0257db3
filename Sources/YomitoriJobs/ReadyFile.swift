public import Foundation

/// A file the intake decided is complete and may be claimed.
public struct ReadyFile: Sendable, Hashable {
    /// The name in the inbox.
    public var name: String
    public var size: Int64
    public var modified: Date
    /// The per-file marker to delete once the file is claimed (`scan01.ok`), if the job uses one.
    public var marker: String?

    public init(name: String, size: Int64, modified: Date, marker: String? = nil) {
        self.name = name
        self.size = size
        self.modified = modified
        self.marker = marker
    }
}
