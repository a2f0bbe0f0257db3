public import Foundation

/// One export file of a batch: where it goes and its complete content.
public struct OutputFile: Sendable, Hashable {
    /// The final path (folder from `export: to`, name from `export: name`, expanded).
    public var path: String
    public var content: Data

    public init(path: String, content: Data) {
        self.path = path
        self.content = content
    }
}
