/// How changes in the inbox are noticed.
public enum PollMode: String, Sendable, Equatable, CaseIterable {
    /// inotify on local file systems, directory listings on network ones (NFS, SMB/CIFS, FUSE …).
    case auto
    /// Always list the folder every `poll_interval` (for shares the file-system check misses).
    case always
    /// Always inotify (still with a full listing every minute, as events can be lost).
    case never
}
