import YomitoriHashing
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An import file being written: a locked temporary file that becomes visible under its final
/// name only in ``commit(records:variables:manifest:)``.
///
/// Dropping it without committing (an error, a throw in the caller) removes the temporary file.
public final class PendingImportFile {
    private let writer: ImportFileWriter
    private let temporaryPath: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    private var hash = SHA256()
    /// Bytes written so far.
    public private(set) var byteCount = 0
    private var isOpen = true

    /// Bytes collected before each `write(2)`.
    static let bufferSize = 1 << 20

    init(writer: ImportFileWriter, temporaryPath file: (path: String, fd: Int32)) {
        self.writer = writer
        temporaryPath = file.path
        fd = file.fd
        buffer.reserveCapacity(Self.bufferSize)
    }

    deinit {
        discard()
    }

    /// Appends bytes to the file.
    public func write(_ bytes: [UInt8]) throws(ExportError) {
        guard isOpen else { throw ExportError(code: .io, message: "the import file was already closed") }
        hash.update(bytes)
        byteCount += bytes.count
        buffer += bytes
        if buffer.count >= Self.bufferSize { try flush() }
    }

    /// Removes the temporary file; nothing is delivered.
    public func discard() {
        guard isOpen else { return }
        isOpen = false
        unlink(temporaryPath)
        close(fd)
    }

    /// Syncs the file, gives it its final name (never replacing a file), syncs the folder, then
    /// writes the manifest and the `.done` marker if the delivery settings ask for them.
    ///
    /// - Parameters:
    ///   - records: the number of records, for the manifest and the report.
    ///   - variables: values for the file name pattern (`{seq}` is found here).
    ///   - manifest: the manifest's description of the run; file facts are filled in.
    /// - Throws: ``ExportError``; the temporary file is removed unless the file was delivered.
    public func commit(
        records: Int, variables: [FileNamePattern.Variable: String], manifest: ImportManifest
    ) throws(ExportError) -> DeliveredFile {
        guard isOpen else { throw ExportError(code: .io, message: "the import file was already closed") }
        do throws(ExportError) {
            try flush()
            if fsync(fd) != 0 { throw ioError("cannot sync", temporaryPath) }
        } catch {
            discard()
            throw error
        }
        let name: String
        do throws(ExportError) {
            name = try publishData(variables)
        } catch {
            discard()
            throw error
        }
        isOpen = false
        close(fd)
        if let code = FileSystem.syncDirectory(writer.directory) {
            throw ExportError(code: .io, message: "cannot sync \(writer.directory): \(FileSystem.message(code))")
        }
        var delivered = DeliveredFile(name: name, path: writer.path(name), records: records, bytes: byteCount,
                                      sha256: hash.hexDigest())
        if writer.delivery.manifest {
            var content = manifest
            content.file = name
            content.records = records
            content.bytes = byteCount
            content.sha256 = delivered.sha256
            delivered.manifest = try writeSidecar(name + ".manifest.json", try content.encoded())
        }
        if writer.delivery.doneMarker {
            delivered.doneMarker = try writeSidecar(name + ".done", [])
        }
        if writer.delivery.manifest || writer.delivery.doneMarker, let code = FileSystem.syncDirectory(writer.directory) {
            throw ExportError(code: .io, message: "cannot sync \(writer.directory): \(FileSystem.message(code))")
        }
        return delivered
    }

    // MARK: - Helpers

    private func flush() throws(ExportError) {
        guard !buffer.isEmpty else { return }
        if let code = FileSystem.writeAll(fd, buffer) {
            throw ExportError(code: .io, message: "cannot write \(temporaryPath): \(FileSystem.message(code))")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Publishes the data file under the first free name; returns the name.
    private func publishData(_ variables: [FileNamePattern.Variable: String]) throws(ExportError) -> String {
        let pattern = writer.delivery.fileName
        var seq = pattern.hasSequence ? try writer.nextSequence(variables) : 1
        for _ in 0..<10_000 {
            let name = pattern.name(variables, seq: seq)
            let sidecarsTaken = [name + ".manifest.json", name + ".done"].contains { access(writer.path($0), F_OK) == 0 }
            if !sidecarsTaken {
                switch FileSystem.publish(temporaryPath, as: writer.path(name)) {
                case .published: return name
                case .exists: break
                case .failed(let code):
                    throw ExportError(code: .io, message: "cannot name \(writer.path(name)): \(FileSystem.message(code))")
                }
            }
            guard pattern.hasSequence else {
                throw ExportError(code: .fileExists,
                                  message: "\(writer.path(name)) exists and is never overwritten; add {seq} to the file name pattern")
            }
            seq += 1
        }
        throw ExportError(code: .fileExists, message: "no free file name for \(pattern) in \(writer.directory)")
    }

    /// Writes a small file next to the import file, atomically and without replacing; its name.
    private func writeSidecar(_ name: String, _ bytes: [UInt8]) throws(ExportError) -> String {
        let file = try writer.createTemporaryFile()
        defer { close(file.fd) }
        if let code = FileSystem.writeAll(file.fd, bytes) {
            unlink(file.path)
            throw ExportError(code: .io, message: "cannot write \(file.path): \(FileSystem.message(code))")
        }
        if fsync(file.fd) != 0 {
            unlink(file.path)
            throw ioError("cannot sync", file.path)
        }
        switch FileSystem.publish(file.path, as: writer.path(name)) {
        case .published: return name
        case .exists:
            unlink(file.path)
            throw ExportError(code: .fileExists, message: "\(writer.path(name)) appeared while the export ran; not overwritten")
        case .failed(let code):
            unlink(file.path)
            throw ExportError(code: .io, message: "cannot name \(writer.path(name)): \(FileSystem.message(code))")
        }
    }

    private func ioError(_ what: String, _ path: String) -> ExportError {
        ExportError(code: .io, message: "\(what) \(path): \(FileSystem.message(errno))")
    }
}
