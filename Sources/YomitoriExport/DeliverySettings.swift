/// How an import file is handed over (`delivery:` in a mapping).
///
/// The file itself is always written atomically (temporary file, `fsync`, rename without
/// replacing, `fsync` of the folder); these settings choose its name and the extra files.
public struct DeliverySettings: Sendable, Equatable {
    /// The file name; default `{job}_{date}_{seq}.<extension of the format>`.
    public var fileName: FileNamePattern
    /// Also write `<name>.done` (empty) once the file and its manifest are in place.
    public var doneMarker: Bool
    /// Also write `<name>.manifest.json`: name, record count, byte size, SHA-256.
    public var manifest: Bool
    /// Write a file even when no page became a record (never for 全銀, whose data records are
    /// mandatory). Default: no file, and the report says why.
    public var writeEmpty: Bool

    /// Settings; by default only the import file is written.
    public init(fileName: FileNamePattern, doneMarker: Bool = false, manifest: Bool = false, writeEmpty: Bool = false) {
        self.fileName = fileName
        self.doneMarker = doneMarker
        self.manifest = manifest
        self.writeEmpty = writeEmpty
    }

    /// The default for a format: `{job}_{date}_{seq}.csv` and so on.
    public static func standard(for format: ExportFormat) -> DeliverySettings {
        // The literal pattern is valid by construction.
        let pattern = (try? FileNamePattern("{job}_{date}_{seq}.\(format.defaultExtension)"))
            ?? FileNamePattern(validated: [.variable(.job), .literal(".\(format.defaultExtension)")])
        return DeliverySettings(fileName: pattern)
    }
}

extension FileNamePattern {
    /// A pattern from segments already known to be valid.
    init(validated segments: [Segment]) {
        self.segments = segments
    }
}
