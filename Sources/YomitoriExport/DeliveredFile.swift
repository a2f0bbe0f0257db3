/// An import file that is in place under its final name.
public struct DeliveredFile: Sendable, Codable, Equatable {
    /// The file name.
    public var name: String
    /// The full path.
    public var path: String
    /// Records in the file (全銀: data records).
    public var records: Int
    /// Size in bytes.
    public var bytes: Int
    /// SHA-256 of the content, lower-case hex.
    public var sha256: String
    /// The manifest's file name, when one was written.
    public var manifest: String?
    /// The `.done` marker's file name, when one was written.
    public var doneMarker: String?

    /// A delivered file's description.
    public init(name: String, path: String, records: Int, bytes: Int, sha256: String, manifest: String? = nil, doneMarker: String? = nil) {
        self.name = name
        self.path = path
        self.records = records
        self.bytes = bytes
        self.sha256 = sha256
        self.manifest = manifest
        self.doneMarker = doneMarker
    }

    enum CodingKeys: String, CodingKey {
        case name, path, records, bytes, sha256, manifest
        case doneMarker = "done_marker"
    }
}
