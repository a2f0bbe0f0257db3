import Foundation
import Testing
@testable import YomitoriOCR

@Suite("Helper programs (ToolRunner)")
struct ToolRunnerTests {
    @Test("Standard output, standard error and the exit status come back separately")
    func outputAndStatus() throws {
        let out = try ToolRunner.run("/bin/sh", ["-c", "printf 'out'; printf 'err' >&2; exit 3"], timeout: 10)
        #expect(String(decoding: out.stdout, as: UTF8.self) == "out")
        #expect(out.stderr == "err")
        #expect(out.status == 3)
        #expect(!out.timedOut)
    }

    @Test("Megabytes on both pipes at once do not block the helper")
    func largeOutput() throws {
        let out = try ToolRunner.run("/bin/sh", ["-c", "head -c 3000000 /dev/zero >&2 & head -c 5000000 /dev/zero; wait"], timeout: 30)
        #expect(out.stdout.count == 5_000_000)
        #expect(out.stderr.utf8.count == 3_000_000)
        #expect(out.status == 0)
    }

    @Test("A helper that runs past its time limit is killed and reported as timed out")
    func timeout() throws {
        let start = Date()
        let out = try ToolRunner.run("/bin/sleep", ["20"], timeout: 0.3)
        #expect(out.timedOut)
        #expect(out.status != 0)
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test("The helper gets /dev/null as input and none of this process's other open files")
    func noInheritedFiles() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("yomitori-fd-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: file.path, contents: Data("x".utf8))
        defer { try? FileManager.default.removeItem(at: file) }
        let fd = open(file.path, O_RDONLY)  // an open descriptor without close-on-exec
        #expect(fd > 2)
        defer { close(fd) }
        let out = try ToolRunner.run("/bin/sh", ["-c", "cat; ls /proc/$$/fd"], timeout: 10)
        let fds = String(decoding: out.stdout, as: UTF8.self).split(separator: "\n").compactMap { Int($0) }
        #expect(Set(fds).isSubset(of: [0, 1, 2, 255]), "\(fds)")
    }

    @Test("A program that cannot be started is an error naming it")
    func missingProgram() {
        #expect(throws: ToolRunner.SpawnError.self) { try ToolRunner.run("/nonexistent/pdftoppm", [], timeout: 1) }
    }
}
