#if canImport(Glibc)
import Glibc
#endif

/// The kind of file system a folder is on, from `statfs(2)`'s `f_type`, to decide between inotify
/// and polling: inotify sees only changes made through this machine's kernel, so on a network file
/// system it misses every file a clerk's PC or a scanner writes through the server.
public struct FileSystemKind: Sendable, Hashable, CustomStringConvertible {
    /// The `f_type` magic number.
    public let magic: UInt32

    public init(magic: UInt32) {
        self.magic = magic
    }

    /// Network and user-space file systems, where inotify does not see other machines' writes.
    static let remote: [UInt32: String] = [
        0x6969: "nfs",
        0x517B: "smb",
        0xFF53_4D42: "cifs",
        0xFE53_4D42: "smb2",
        0x6573_5546: "fuse",
        0x0102_1997: "9p",
        0x7375_7245: "coda",
        0x5346_414F: "afs",
        0x00C3_6400: "ceph",
        0x0116_1970: "gfs2",
        0x7461_636F: "ocfs2",
        0x0BD0_0BD0: "lustre",
        0x564C: "ncp",
        0x786F_4256: "vboxsf",
    ]

    static let local: [UInt32: String] = [
        0xEF53: "ext4",
        0x5846_5342: "xfs",
        0x9123_683E: "btrfs",
        0x0102_1994: "tmpfs",
        0x794C_7630: "overlay",
        0x2FC1_2FC1: "zfs",
        0x4D44: "vfat",
        0x5346_544E: "ntfs",
    ]

    /// True on network and FUSE file systems.
    public var isRemote: Bool { Self.remote[magic] != nil }

    /// `cifs (0xff534d42)`, or just the number for kinds not in the tables.
    public var description: String {
        let hex = "0x" + String(magic, radix: 16)
        if let name = Self.remote[magic] ?? Self.local[magic] { return "\(name) (\(hex))" }
        return hex
    }

    /// The file system of `path`, or nil when `statfs` fails (the folder does not exist …).
    public static func of(path: String) -> FileSystemKind? {
        typealias StatFS = @convention(c) (UnsafePointer<CChar>, UnsafeMutableRawPointer) -> Int32
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "statfs") else { return nil }
        let statfs = unsafeBitCast(symbol, to: StatFS.self)
        // struct statfs is at most 120 bytes on 64-bit Linux; its first member is f_type (a long).
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: 512, alignment: 16)
        defer { buffer.deallocate() }
        buffer.initializeMemory(as: UInt8.self, repeating: 0, count: 512)
        guard statfs(path, buffer) == 0 else { return nil }
        return FileSystemKind(magic: UInt32(truncatingIfNeeded: buffer.load(as: Int.self)))
    }
}
