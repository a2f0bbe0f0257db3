import CSpawn
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a helper program (pdfinfo, pdftoppm, pdfimages) without a shell, with a time limit.
///
/// The child is started with `posix_spawn` and waited for with `waitpid`, not through Foundation's
/// `Process`: on Linux `Process.waitUntilExit()` polls its run loop every 50 ms when called off the
/// main thread, which is where workers read PDFs, and a PDF page takes two helper calls.
enum ToolRunner {
    struct Output {
        var status: Int32
        var stdout: Data
        var stderr: String
        var timedOut: Bool
    }

    /// Finds `name` on PATH or in the usual system folders (cron's PATH is minimal).
    static func locate(_ name: String) -> String? {
        let env = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let dirs = env.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/bin"]
        for dir in dirs where !dir.isEmpty {
            let candidate = (dir as NSString).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    struct SpawnError: Error, CustomStringConvertible {
        var executable: String
        var errno: Int32
        var description: String { "cannot start \(executable): \(String(cString: strerror(errno)))" }
    }

    /// Runs `executable` with `arguments`, standard input from /dev/null, and collects its
    /// standard output and error. After `timeout` seconds the child is killed (`timedOut`).
    static func run(_ executable: String, _ arguments: [String], timeout: Double) throws -> Output {
        var outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1]
        guard yomitori_pipe_cloexec(&outPipe) == 0 else { throw SpawnError(executable: executable, errno: errno) }
        guard yomitori_pipe_cloexec(&errPipe) == 0 else {
            let e = errno
            close(outPipe[0]); close(outPipe[1])
            throw SpawnError(executable: executable, errno: e)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        // Nothing else of this process (ledger, locks, other scans) reaches the helper.
        yomitori_spawn_addclosefrom(&actions, 3)

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        close(outPipe[1])
        close(errPipe[1])
        guard rc == 0 else {
            close(outPipe[0]); close(errPipe[0])
            throw SpawnError(executable: executable, errno: rc)
        }

        // Both pipes are drained together, so a chatty tool cannot block on a full pipe.
        var stdout = Data(), stderr = Data()
        var fds = [pollfd(fd: outPipe[0], events: Int16(POLLIN), revents: 0),
                   pollfd(fd: errPipe[0], events: Int16(POLLIN), revents: 0)]
        var open = 2
        var timedOut = false
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, timeout) * 1e9)
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: 1 << 16, alignment: 1)
        defer { buffer.deallocate() }
        while open > 0 {
            let now = DispatchTime.now().uptimeNanoseconds
            if now >= deadline {
                kill(pid, SIGKILL)
                timedOut = true
                break
            }
            let waitMs = Int32(min(1000, (deadline - now) / 1_000_000 + 1))
            let ready = poll(&fds, nfds_t(fds.count), waitMs)
            if ready < 0 && errno != EINTR { break }
            for i in fds.indices where fds[i].fd >= 0 && fds[i].revents != 0 {
                let n = read(fds[i].fd, buffer, 1 << 16)
                if n > 0 {
                    let chunk = UnsafeRawBufferPointer(start: buffer, count: n)
                    if i == 0 { stdout.append(contentsOf: chunk) } else { stderr.append(contentsOf: chunk) }
                } else if n == 0 || (errno != EINTR && errno != EAGAIN) {
                    close(fds[i].fd)
                    fds[i].fd = -1
                    open -= 1
                }
            }
        }
        for fd in fds where fd.fd >= 0 { close(fd.fd) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS, written out (the macros are not imported).
        let signalled = status & 0x7f != 0
        return Output(
            status: signalled ? -1 : (status >> 8) & 0xff,
            stdout: stdout,
            stderr: String(decoding: stderr, as: UTF8.self),
            timedOut: timedOut
        )
    }
}
