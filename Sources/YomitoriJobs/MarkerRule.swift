import Foundation

/// Whether the writer of the inbox signals completion with a marker file.
public enum MarkerRule: Sendable, Equatable {
    /// No marker: a file is complete when it has settled.
    case none
    /// One marker per file, named from a pattern with `{name}` (the file name without its extension)
    /// and/or `{file}` (the whole name): `"{name}.ok"` makes `scan01.ok` the marker of `scan01.tif`.
    /// The file is taken as soon as its marker exists (no settling); the marker is deleted after the claim.
    case perFile(String)
    /// One marker for the whole folder, for example `.done`: when it exists, every file whose
    /// modification time is not later than the marker's is complete. The marker is deleted once those
    /// files are claimed; files written after it wait for the next marker.
    case folder(String)

    /// The marker's file name for one input, or nil for ``folder(_:)`` and ``none``.
    public func markerName(for fileName: String) -> String? {
        guard case .perFile(let pattern) = self else { return nil }
        let dot = fileName.lastIndex(of: ".")
        let stem = dot.map { String(fileName[..<$0]) }.flatMap { $0.isEmpty ? nil : $0 } ?? fileName
        return pattern.replacingOccurrences(of: "{name}", with: stem).replacingOccurrences(of: "{file}", with: fileName)
    }
}
