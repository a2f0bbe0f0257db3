import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An inbox folder on disk: listing it and consuming markers. The decisions are the
/// ``IntakeStateMachine``'s; this is only the I/O.
public struct Inbox: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// What one listing found.
    public struct Listing: Sendable {
        public var entries: [FileObservation]
        /// Entries whose names are not valid UTF-8 (a share mounted with the wrong `iocharset`):
        /// they cannot be processed and are reported, not silently skipped.
        public var undecodableNames: Int
    }

    /// Every entry of the folder (not recursive), without following symbolic links.
    ///
    /// - Throws: ``IntakeError`` `unreadableFolder` when the folder cannot be opened.
    public func list() throws(IntakeError) -> Listing {
        guard let directory = opendir(path) else {
            throw IntakeError(.unreadableFolder, "cannot list \(path): \(String(cString: strerror(errno)))")
        }
        defer { closedir(directory) }
        let descriptor = dirfd(directory)
        var listing = Listing(entries: [], undecodableNames: 0)
        while let entry = readdir(directory) {
            let name: String? = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(validatingCString: $0) }
            }
            guard let name else {
                listing.undecodableNames += 1
                continue
            }
            if name == "." || name == ".." { continue }
            var info = stat()
            guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }  // gone meanwhile
            listing.entries.append(FileObservation(
                name: name, size: Int64(info.st_size), modified: Self.date(info.st_mtim),
                isRegularFile: info.st_mode & S_IFMT == S_IFREG
            ))
        }
        return listing
    }

    /// Deletes a per-file marker after its file was claimed. A marker already gone is fine.
    public func removeMarker(_ name: String) {
        unlink(path + "/" + name)
    }

    /// Deletes a folder marker whose files were all claimed — unless the writer has written it
    /// again since it was listed (its modification time changed), in which case it is kept for the
    /// new files. Returns whether the marker was consumed.
    @discardableResult
    public func consumeMarker(_ marker: FileObservation) -> Bool {
        let markerPath = path + "/" + marker.name
        let aside = path + "/.yomitori-consumed-" + UUID().uuidString.lowercased()
        guard rename(markerPath, aside) == 0 else { return false }
        var info = stat()
        if stat(aside, &info) == 0, Self.date(info.st_mtim) != marker.modified {
            // A new marker for new files: put it back unless yet another one appeared meanwhile.
            if (try? FileRename.rename(aside, to: markerPath, replace: false)) == true { return false }
        }
        unlink(aside)
        return true
    }

    static func date(_ time: timespec) -> Date {
        Date(timeIntervalSince1970: Double(time.tv_sec) + Double(time.tv_nsec) / 1_000_000_000)
    }
}
