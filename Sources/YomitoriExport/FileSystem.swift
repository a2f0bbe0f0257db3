#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The POSIX calls behind atomic delivery: full writes, `fsync`, and renames that never replace.
enum FileSystem {
    /// How publishing a finished temporary file under its final name went.
    enum PublishOutcome: Equatable {
        /// The file has its final name; the temporary name is gone.
        case published
        /// The final name is taken; nothing changed.
        case exists
        /// A system call failed with this errno.
        case failed(Int32)
    }

    /// The text of an errno value.
    static func message(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    /// Writes every byte, retrying short writes and interrupted calls; the errno on failure.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
        bytes.withUnsafeBytes { buffer -> Int32? in
            var offset = 0
            while offset < buffer.count {
                guard let base = buffer.baseAddress else { return nil }
                let written = write(fd, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
    }

    /// `fsync` of a folder, so that a rename in it survives a power cut; the errno on failure.
    static func syncDirectory(_ path: String) -> Int32? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return errno }
        defer { close(fd) }
        // Some file systems (network shares) cannot sync a folder; the data file itself is synced.
        if fsync(fd) != 0, errno != EINVAL, errno != ENOTSUP, errno != EBADF { return errno }
        return nil
    }

    /// Gives `source` the name `destination` unless that name exists — atomically when the file
    /// system allows it.
    ///
    /// Tries `renameat2(RENAME_NOREPLACE)` (Linux), then `link(2)` + `unlink(2)` (fails with
    /// `EEXIST` atomically), and only on file systems with neither (some network shares) a check
    /// followed by `rename(2)`, which leaves a short window against other writers.
    static func publish(_ source: String, as destination: String) -> PublishOutcome {
        #if canImport(Glibc)
        if let renameNoReplace = RenameAt2.function {
            if renameNoReplace(AT_FDCWD, source, AT_FDCWD, destination, RenameAt2.noReplace) == 0 { return .published }
            let code = errno
            if code == EEXIST { return .exists }
            if code != EINVAL && code != ENOSYS && code != ENOTSUP { return .failed(code) }
        }
        #endif
        if link(source, destination) == 0 {
            unlink(source)
            return .published
        }
        let code = errno
        if code == EEXIST { return .exists }
        guard code == EPERM || code == ENOTSUP || code == EOPNOTSUPP || code == ENOSYS else { return .failed(code) }
        if access(destination, F_OK) == 0 { return .exists }
        return rename(source, destination) == 0 ? .published : .failed(errno)
    }

    /// The names in a folder (without `.` and `..`), or the errno.
    static func entries(_ path: String) -> Result<[String], ExportError> {
        guard let dir = opendir(path) else {
            let code = errno
            return .failure(ExportError(code: code == ENOENT || code == ENOTDIR ? .noSuchDirectory : .io,
                                        message: "cannot list \(path): \(message(code))"))
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return .success(names)
    }
}

#if canImport(Glibc)
/// `renameat2(2)`, looked up at run time: Swift's Glibc module does not declare it.
private enum RenameAt2 {
    typealias Signature = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32
    /// `RENAME_NOREPLACE` from `<linux/fs.h>`.
    static let noReplace: UInt32 = 1
    /// The C library's function, when it has one (glibc ≥ 2.28).
    static let function: Signature? = {
        // nil is RTLD_DEFAULT: search the libraries already loaded.
        guard let symbol = dlsym(nil, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: Signature.self)
    }()
}
#endif
