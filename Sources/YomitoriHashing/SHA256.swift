public import Foundation
import Crypto

/// SHA-256 as yomitori uses it: hex digests of scans (to recognise a file dropped twice) and of
/// import files (for manifests and `.done` markers), fed in pieces so a file of any size is hashed
/// while it is read or written. The hashing itself is swift-crypto's (BoringSSL on Linux).
public struct SHA256 {
    private var hasher = Crypto.SHA256()

    public init() {}

    /// Adds bytes to the message.
    public mutating func update(_ bytes: some Collection<UInt8>) {
        if let done: Void = bytes.withContiguousStorageIfAvailable({ hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }) {
            return done
        }
        hasher.update(data: Array(bytes))
    }

    /// Adds a block of bytes.
    public mutating func update(_ data: Data) {
        hasher.update(data: data)
    }

    /// The digest as 64 lower-case hex digits (the value can go on being fed).
    public func hexDigest() -> String {
        hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The hex SHA-256 of bytes in memory.
    public static func hex(_ bytes: some Collection<UInt8>) -> String {
        var hash = SHA256()
        hash.update(bytes)
        return hash.hexDigest()
    }

    /// The hex SHA-256 of bytes in memory.
    public static func hex(of data: Data) -> String {
        var hash = SHA256()
        hash.update(data)
        return hash.hexDigest()
    }

    /// The hex SHA-256 of a whole file, read 1 MiB at a time.
    public static func file(atPath path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        var hash = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hash.update(chunk)
        }
        return hash.hexDigest()
    }
}
