#if canImport(Glibc)
import Glibc
#endif

/// How a file is moved within one file system without ever replacing an existing file.
public enum RenameStrategy: Sendable, Hashable {
    /// `renameat2(RENAME_NOREPLACE)`, falling back to `link` + `unlink` where the file system does
    /// not support the flag, and to a plain `rename` after checking the destination where it has no
    /// hard links either (some SMB mounts).
    case automatic
    /// `link(2)` then `unlink(2)` (what `automatic` falls back to), for tests.
    case linkThenUnlink
}

/// What happened to a move.
enum RenameOutcome: Sendable, Equatable {
    case moved
    /// The source is gone (another runner took it first).
    case sourceMissing
    case destinationExists
}

/// Atomic, never-replacing moves within one file system: the basis of claiming (exactly one of
/// several runners' moves of the same file succeeds) and of putting finished files in place.
enum FileRename {
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// glibc's `renameat2`, looked up at run time (the Glibc module does not declare it).
    private static let renameat2: RenameAt2? = {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()

    private static let renameNoReplace: UInt32 = 1

    /// Moves `source` to `destination`, which must not exist.
    ///
    /// - Throws: ``IntakeError`` `crossFileSystem` (EXDEV) or `ioFailed` for other errors.
    static func move(_ source: String, to destination: String, strategy: RenameStrategy = .automatic)
        throws(IntakeError) -> RenameOutcome
    {
        if strategy == .automatic, let renameat2 {
            if renameat2(AT_FDCWD, source, AT_FDCWD, destination, renameNoReplace) == 0 { return .moved }
            let code = errno
            if code != EINVAL && code != ENOSYS && code != EOPNOTSUPP { return try outcome(of: code, source, destination) }
        }
        if link(source, destination) == 0 {
            return try unlinkAfterLink(source, destination)
        }
        let code = errno
        guard code == EPERM || code == EOPNOTSUPP || code == ENOSYS, strategy == .automatic else {
            return try outcome(of: code, source, destination)
        }
        // No hard links here: check, then rename. Our destinations carry a fresh id, so nobody else
        // creates them in between.
        var info = stat()
        if lstat(destination, &info) == 0 { return .destinationExists }
        if Glibc.rename(source, destination) == 0 { return .moved }
        return try outcome(of: errno, source, destination)
    }

    /// `rename` without replacing, answering only whether it happened (for tidying up).
    static func rename(_ source: String, to destination: String, replace: Bool) throws(IntakeError) -> Bool {
        if replace { return Glibc.rename(source, destination) == 0 }
        return try move(source, to: destination) == .moved
    }

    /// After `link(source, destination)`: unlink the source. If another runner unlinked it first
    /// (it linked too), the file is theirs: drop our link.
    private static func unlinkAfterLink(_ source: String, _ destination: String) throws(IntakeError) -> RenameOutcome {
        var ours = stat(), theirs = stat()
        guard lstat(destination, &ours) == 0 else { return .sourceMissing }
        // A new file dropped under the same name since our link must not be deleted.
        if lstat(source, &theirs) == 0, theirs.st_ino != ours.st_ino || theirs.st_dev != ours.st_dev {
            unlink(destination)
            return .sourceMissing
        }
        if unlink(source) == 0 { return .moved }
        let code = errno
        unlink(destination)
        if code == ENOENT { return .sourceMissing }
        throw IntakeError(.ioFailed, "cannot remove \(source) after linking it: \(String(cString: strerror(code)))")
    }

    private static func outcome(of code: Int32, _ source: String, _ destination: String) throws(IntakeError) -> RenameOutcome {
        switch code {
        case ENOENT:
            var info = stat()
            if lstat(source, &info) != 0 { return .sourceMissing }
            throw IntakeError(.ioFailed, "cannot move \(source) to \(destination): the destination folder does not exist")
        case EEXIST, ENOTEMPTY:
            return .destinationExists
        case EXDEV:
            throw IntakeError(.crossFileSystem,
                              "\(source) and \(destination) are on different file systems; a rename cannot move it")
        default:
            throw IntakeError(.ioFailed, "cannot move \(source) to \(destination): \(String(cString: strerror(code)))")
        }
    }
}
