import YomitoriHashing
public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Takes files from an inbox by renaming them into the work folder.
///
/// The rename is atomic on one file system, so when several runners (threads, processes, hosts
/// sharing the folder) claim the same file, exactly one succeeds and the others get ``ClaimOutcome/gone``.
/// Names with spaces, Japanese, quotes, a leading dash or a newline are moved as they are: no shell
/// is involved, and the name goes to the kernel as bytes.
public struct Claimer: Sendable {
    public let inbox: String
    public let work: WorkFolder
    public var strategy: RenameStrategy

    public init(inbox: String, work: String, strategy: RenameStrategy = .automatic) {
        self.inbox = inbox
        self.work = WorkFolder(path: work)
        self.strategy = strategy
    }

    /// Creates the work folder (0700: it holds personal data) and checks that it is on the inbox's
    /// file system.
    public func prepare() throws(IntakeError) {
        do {
            try FileManager.default.createDirectory(atPath: work.path, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw IntakeError(.unreadableFolder, "cannot create work folder \(work.path): \(error.localizedDescription)")
        }
        var inboxInfo = stat(), workInfo = stat()
        guard stat(inbox, &inboxInfo) == 0 else {
            throw IntakeError(.unreadableFolder, "inbox \(inbox): \(String(cString: strerror(errno)))")
        }
        guard stat(work.path, &workInfo) == 0, inboxInfo.st_dev == workInfo.st_dev else {
            throw IntakeError(.crossFileSystem,
                              "work folder \(work.path) is not on the same file system as the inbox \(inbox); set `work:` to a folder on the inbox's share")
        }
    }

    /// Moves `name` from the inbox into the work folder as `<inputID>__<name>` and hashes it.
    ///
    /// - Returns: ``ClaimOutcome/gone`` when the file is no longer in the inbox (another runner
    ///   claimed it, or the clerk took it back) — not an error.
    /// - Throws: ``IntakeError`` when the move fails otherwise, or the claimed file cannot be read
    ///   (it then stays in the work folder, where the next start finds it).
    public func claim(_ name: String, inputID: String = UUID().uuidString.lowercased()) throws(IntakeError) -> ClaimOutcome {
        let source = inbox + "/" + name
        let destination = work.path + "/" + WorkFolder.fileName(inputID: inputID, originalName: name)
        switch try FileRename.move(source, to: destination, strategy: strategy) {
        case .sourceMissing:
            return .gone
        case .destinationExists:
            throw IntakeError(.destinationExists, "\(destination) already exists; input ids must be new")
        case .moved:
            break
        }
        var info = stat()
        guard stat(destination, &info) == 0 else {
            throw IntakeError(.ioFailed, "claimed \(destination) but cannot read it: \(String(cString: strerror(errno)))")
        }
        let sha: String
        do {
            sha = try SHA256.file(atPath: destination)
        } catch {
            throw IntakeError(.ioFailed, "claimed \(destination) but cannot read it: \(error.localizedDescription)")
        }
        return .claimed(ClaimedFile(
            inputID: inputID, originalName: name, originalPath: source, path: destination, size: Int64(info.st_size),
            modified: Inbox.date(info.st_mtim), sha256: sha
        ))
    }
}
