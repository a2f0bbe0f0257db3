import Foundation
import Testing
import YomitoriJobs

@Suite("SHA-256")
struct SHA256Tests {
    @Test("FIPS 180-4 vectors", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func vectors(_ message: String, _ digest: String) {
        #expect(SHA256.hex(of: Data(message.utf8)) == digest)
        var bytewise = SHA256()
        bytewise.update(Array(message.utf8))
        #expect(bytewise.finalize() == digest)
    }

    @Test("a million 'a's, fed in uneven pieces")
    func million() {
        var hasher = SHA256()
        let piece = Data(repeating: UInt8(ascii: "a"), count: 999)
        var fed = 0
        while fed + 999 <= 1_000_000 {
            hasher.update(piece)
            fed += 999
        }
        hasher.update(Data(repeating: UInt8(ascii: "a"), count: 1_000_000 - fed))
        #expect(hasher.finalize() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

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
