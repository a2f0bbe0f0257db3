import Foundation
import YomitoriHashing

/// The manifest written next to an import file (`<name>.manifest.json`), for receiving systems
/// that check what they import: the file's name, record count, size and SHA-256.
public struct ImportManifest: Sendable, Codable, Equatable {
    /// The import file's name (in the same folder).
    public var file: String
    /// Records in the file (全銀: data records).
    public var records: Int
    /// Size in bytes.
    public var bytes: Int
    /// SHA-256 of the content, lower-case hex.
    public var sha256: String
    /// The mapping's format.
    public var format: String
    /// The mapping's encoding.
    public var encoding: String
    /// The job.
    public var job: String
    /// The run.
    public var run: String
    /// When the export ran, ISO 8601 with offset (`2026-06-10T09:30:00+09:00`).
    public var created: String

    /// A manifest.
    public init(file: String, records: Int, bytes: Int, sha256: String, format: String, encoding: String,
                job: String, run: String, created: String) {
        self.file = file
        self.records = records
        self.bytes = bytes
        self.sha256 = sha256
        self.format = format
        self.encoding = encoding
        self.job = job
        self.run = run
        self.created = created
    }

    /// The manifest as written next to the import file: sorted keys, indented, one final newline.
    public func encoded() throws(ExportError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        guard let json = try? encoder.encode(self) else {
            throw ExportError(code: .io, message: "cannot encode the manifest of \(file)")
        }
        return [UInt8](json) + [0x0A]
    }

    /// The manifest of an import file with these `bytes` holding `records` records, written for
    /// `mapping` in `context` (what both `yomitori export` and a job's export step write).
    public init(file: String, records: Int, bytes: some Collection<UInt8>, mapping: ExportMapping, context: ExportContext) {
        self.init(
            file: file, records: records, bytes: bytes.count, sha256: SHA256.hex(bytes), format: mapping.format.rawValue,
            encoding: mapping.encoding.rawValue, job: context.job, run: context.run, created: context.timestamp
        )
    }
}
