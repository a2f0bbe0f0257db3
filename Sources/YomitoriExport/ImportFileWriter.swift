#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Delivers import files into a folder so that a receiving system sees either no file or a
/// complete one under its final name.
///
/// Each file is written to a temporary file in the same folder (`.yomitori-export-<random>.tmp`,
/// locked with `flock` while it is written), synced with `fsync`, given its final name by a
/// rename that never replaces an existing file, and the folder is synced. An existing file is
/// never overwritten: the next `{seq}` is taken instead. Temporary files left by a crashed or
/// killed run (unlocked) are removed before the next file is written in the folder; files of a
/// run still writing (locked) and every other file are left alone.
public struct ImportFileWriter: Sendable {
    /// The folder files are delivered into.
    public let directory: String
    /// File name pattern and extra files.
    public let delivery: DeliverySettings

    /// Names of temporary files: `.yomitori-export-` + 16 hex digits + `.tmp`.
    static let temporaryPrefix = ".yomitori-export-"
    static let temporarySuffix = ".tmp"

    /// A writer for `directory`.
    public init(directory: String, delivery: DeliverySettings) {
        self.directory = directory
        self.delivery = delivery
    }

    /// Starts a file: removes stale temporary files, then creates and locks a new one.
    ///
    /// - Throws: ``ExportError`` when the folder does not exist or cannot be written.
    public func begin() throws(ExportError) -> PendingImportFile {
        _ = try removeStaleTemporaryFiles()
        return try PendingImportFile(writer: self, temporaryPath: createTemporaryFile())
    }

    /// Removes temporary files of runs that are no longer writing; returns their names.
    ///
    /// Only names of this writer's own pattern are touched, and only when their `flock` can be
    /// taken (a live writer holds it until its file is published or discarded).
    @discardableResult
    public func removeStaleTemporaryFiles() throws(ExportError) -> [String] {
        var removed: [String] = []
        for name in try FileSystem.entries(directory).get() where Self.isTemporaryName(name) {
            let path = self.path(name)
            let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            guard fd >= 0 else { continue }
            if flock(fd, LOCK_EX | LOCK_NB) == 0, unlink(path) == 0 { removed.append(name) }
            close(fd)
        }
        return removed
    }

    /// Whether `name` is one of this writer's temporary files.
    static func isTemporaryName(_ name: String) -> Bool {
        guard name.hasPrefix(temporaryPrefix), name.hasSuffix(temporarySuffix) else { return false }
        let middle = name.dropFirst(temporaryPrefix.count).dropLast(temporarySuffix.count)
        return middle.count == 16 && middle.allSatisfy(\.isHexDigit)
    }

    func path(_ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// A new temporary file, created exclusively and locked; returns its path and descriptor.
    func createTemporaryFile() throws(ExportError) -> (path: String, fd: Int32) {
        for _ in 0..<100 {
            let random = (0..<16).map { _ in String(UInt8.random(in: 0..<16), radix: 16) }.joined()
            let path = self.path(Self.temporaryPrefix + random + Self.temporarySuffix)
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd < 0 {
                if errno == EEXIST { continue }
                let code = errno
                throw ExportError(code: code == ENOENT || code == ENOTDIR ? .noSuchDirectory : .io,
                                  message: "cannot create a file in \(directory): \(FileSystem.message(code))")
            }
            // Between open and flock another run's clean-up may have taken the lock or removed the
            // name: then start again with a new name.
            var onDisk = stat(), opened = stat()
            if flock(fd, LOCK_EX | LOCK_NB) == 0, stat(path, &onDisk) == 0, fstat(fd, &opened) == 0,
               onDisk.st_ino == opened.st_ino, onDisk.st_dev == opened.st_dev {
                return (path, fd)
            }
            close(fd)
        }
        throw ExportError(code: .io, message: "cannot create a temporary file in \(directory)")
    }

    /// The first `{seq}` after every one already used in the folder for these variables.
    func nextSequence(_ variables: [FileNamePattern.Variable: String]) throws(ExportError) -> Int {
        var highest = 0
        for name in try FileSystem.entries(directory).get() {
            if let seq = delivery.fileName.sequence(in: name, variables) { highest = max(highest, seq) }
        }
        return highest + 1
    }
}
