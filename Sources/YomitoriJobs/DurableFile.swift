import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writing and moving files so that a crash or power loss never leaves a half-written file under a
/// final name, and never loses one: temporary file + `fsync` + no-replace rename + `fsync` of the folder.
enum DurableFile {
    /// Writes `data` to `path` (created or truncated, mode `mode`) and flushes it to disk.
    static func write(_ data: Data, to path: String, mode: mode_t = 0o640) throws(IntakeError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw failure("cannot create \(path)") }
        defer { close(descriptor) }
        let written: Int = data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let count = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return -1
                }
                offset += count
            }
            return offset
        }
        guard written == data.count else { throw failure("cannot write \(path)") }
        guard fsync(descriptor) == 0 else { throw failure("cannot flush \(path)") }
    }

    /// Flushes a folder's entries (after a rename into or out of it).
    static func syncFolder(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    /// Creates a folder and its parents when missing.
    static func makeFolder(_ path: String) throws(IntakeError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw IntakeError(.ioFailed, "cannot create folder \(path): \(error.localizedDescription)")
        }
    }

    /// Copies `source` to `destination` (which must not exist) through a temporary file in the
    /// destination's folder, flushed before it is renamed into place.
    static func copy(_ source: String, to destination: String) throws(IntakeError) -> RenameOutcome {
        let folder = (destination as NSString).deletingLastPathComponent
        let temporary = folder + "/.yomitori-tmp-" + UUID().uuidString.lowercased()
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else {
            if errno == ENOENT { return .sourceMissing }
            throw failure("cannot read \(source)")
        }
        defer { close(input) }
        var info = stat()
        _ = fstat(input, &info)
        let output = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, info.st_mode & 0o777)
        guard output >= 0 else { throw failure("cannot create \(temporary)") }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var ok = true
        while ok {
            let count = read(input, &buffer, buffer.count)
            if count == 0 { break }
            if count < 0 { ok = errno == EINTR; continue }
            var offset = 0
            while offset < count, ok {
                let written = buffer.withUnsafeBytes { Glibc.write(output, $0.baseAddress! + offset, count - offset) }
                if written < 0 { ok = errno == EINTR } else { offset += written }
            }
        }
        ok = ok && fsync(output) == 0
        close(output)
        guard ok else {
            unlink(temporary)
            throw failure("cannot copy \(source) to \(temporary)")
        }
        let outcome: RenameOutcome
        do {
            outcome = try FileRename.move(temporary, to: destination)
        } catch {
            unlink(temporary)
            throw error
        }
        if outcome != .moved { unlink(temporary) }
        if outcome == .moved { syncFolder(folder) }
        return outcome
    }

    /// Moves a file to `destination` (which must not exist), across file systems if needed
    /// (copy, flush, then remove the source). The source is removed only once the copy is safe.
    static func move(_ source: String, to destination: String) throws(IntakeError) -> RenameOutcome {
        let folder = (destination as NSString).deletingLastPathComponent
        do {
            let outcome = try FileRename.move(source, to: destination)
            if outcome == .moved {
                syncFolder(folder)
                syncFolder((source as NSString).deletingLastPathComponent)
            }
            return outcome
        } catch where error.code == .crossFileSystem {
            let outcome = try copy(source, to: destination)
            guard outcome == .moved else { return outcome }
            guard unlink(source) == 0 || errno == ENOENT else {
                throw failure("copied \(source) to \(destination) but cannot remove the original")
            }
            syncFolder((source as NSString).deletingLastPathComponent)
            return .moved
        }
    }

    /// `name`, then `stem (2).ext`, `stem (3).ext` …
    static func candidateName(_ name: String, attempt: Int) -> String {
        guard attempt > 1 else { return name }
        let ext = (name as NSString).pathExtension
        let stem = ext.isEmpty ? name : String(name.dropLast(ext.count + 1))
        return ext.isEmpty ? "\(stem) (\(attempt))" : "\(stem) (\(attempt)).\(ext)"
    }

    static func failure(_ what: String) -> IntakeError {
        IntakeError(.ioFailed, "\(what): \(String(cString: strerror(errno)))")
    }
}
