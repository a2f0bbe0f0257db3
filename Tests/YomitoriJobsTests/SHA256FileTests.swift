import YomitoriHashing
import Foundation
import Testing
import YomitoriJobs

/// The vectors are in YomitoriHashingTests; this is hashing files as the claimer does.
@Suite("SHA-256 of files")
struct SHA256FileTests {
    @Test("a file's hash matches sha256sum")
    func fileMatchesCoreutils() throws {
        let folder = try TemporaryFolder("sha")
        defer { folder.remove() }
        var bytes = [UInt8](repeating: 0, count: 3_000_001)
        for index in bytes.indices { bytes[index] = UInt8(truncatingIfNeeded: index &* 31 &+ index >> 7) }
        let path = folder.file("scan.bin")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let coreutils = try runProcess("/usr/bin/sha256sum", [path]).output.prefix(64)
        #expect(try SHA256.file(atPath: path) == String(coreutils))
    }
}
