import YomitoriHashing
import Foundation

/// The folder where claimed files live while they are processed, named `<input id>__<original name>`.
///
/// It is the source of truth for what was claimed: a file here whose id the ledger does not know
/// was claimed just before a crash, and is recorded when the next run starts (see `docs/jobs.md`).
public struct WorkFolder: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// Separates the input id from the original name.
    public static let separator = "__"

    /// `<id>__<name>`, shortened (keeping the extension) to fit the 255-byte limit of file names.
    public static func fileName(inputID: String, originalName: String) -> String {
        let prefix = inputID + separator
        let limit = 255 - prefix.utf8.count
        guard originalName.utf8.count > limit else { return prefix + originalName }
        let ext = (originalName as NSString).pathExtension
        let suffix = ext.isEmpty || ext.utf8.count > 16 ? "" : "." + ext
        var stem = ""
        for character in originalName.dropLast(suffix.count) {
            if stem.utf8.count + String(character).utf8.count + suffix.utf8.count > limit { break }
            stem.append(character)
        }
        return prefix + stem + suffix
    }

    /// The input id and the (possibly shortened) original name of a work file name, or nil when
    /// the name is not one of ours.
    public static func parse(fileName: String) -> (inputID: String, name: String)? {
        guard let range = fileName.range(of: separator) else { return nil }
        let id = String(fileName[..<range.lowerBound])
        let name = String(fileName[range.upperBound...])
        guard UUID(uuidString: id) != nil, id == id.lowercased(), !name.isEmpty else { return nil }
        return (id, name)
    }

    /// Every claimed file in the folder, hashed, in name order: what a starting runner reconciles
    /// with the ledger's pending inputs.
    public func claimedFiles() throws(IntakeError) -> [ClaimedFile] {
        let listing = try Inbox(path: path).list()
        var files: [ClaimedFile] = []
        for entry in listing.entries where entry.isRegularFile {
            guard let (id, name) = Self.parse(fileName: entry.name) else { continue }
            let file = path + "/" + entry.name
            do {
                files.append(ClaimedFile(inputID: id, originalName: name, originalPath: nil, path: file, size: entry.size,
                                         modified: entry.modified, sha256: try SHA256.file(atPath: file)))
            } catch {
                throw IntakeError(.ioFailed, "cannot read \(file): \(error.localizedDescription)")
            }
        }
        return files.sorted { $0.path < $1.path }
    }
}
