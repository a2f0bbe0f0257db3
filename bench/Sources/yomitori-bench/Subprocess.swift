import Foundation

/// Runs a program (no shell) and times it: start to first line of standard output, start to exit,
/// and the child's peak RSS (VmHWM sampled while it runs).
struct Subprocess {
    struct Result: Sendable {
        var status: Int32
        /// Killed by this signal (0 when it exited).
        var signal: Int32
        var stdout: Data
        var stderr: String
        /// Seconds from spawning to the first newline on standard output (nil: none came).
        var firstLineSeconds: Double?
        var seconds: Double
        /// Peak RSS of the child, MB: its VmHWM sampled while it ran (with `sampleMemory`), else 0.
        /// (wait4's ru_maxrss is not used: a child started with vfork semantics inherits the
        /// parent's high-water mark, so it would report this benchmark's own memory.)
        var peakRSSMB: Double
        var timedOut: Bool
        var succeeded: Bool { status == 0 && signal == 0 && !timedOut }
        var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    }

    var executable: String
    var arguments: [String]
    /// The whole environment of the child (nil: this process's).
    var environment: [String: String]?
    /// Kill the child (SIGTERM, then SIGKILL after 5 s) once this many seconds have passed.
    var timeout: Double?
    /// Called about every `tickInterval` seconds while the child runs, with its pid.
    var onTick: ((Int32) -> Void)?
    var tickInterval: Double = 1
    /// Keep standard output (false: read and drop it, still timing the first line).
    var captureStdout = true
    /// Sample the child's VmHWM (/proc/PID/status) every `tickInterval` seconds and at each read.
    var sampleMemory = false

    /// Runs the program to completion.
    /// - Throws: when it cannot be started.
    func run() throws -> Result {
        var pipeFDs: [Int32] = [0, 0]
        guard pipe(&pipeFDs) == 0 else { throw BenchError("pipe failed: \(String(cString: strerror(errno)))") }
        let errPath = NSTemporaryDirectory() + "yomitori-bench-stderr-\(getpid())-\(UUID().uuidString)"
        defer { unlink(errPath) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addclose(&actions, pipeFDs[0])
        posix_spawn_file_actions_adddup2(&actions, pipeFDs[1], 1)
        posix_spawn_file_actions_addclose(&actions, pipeFDs[1])
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let env = environment ?? ProcessInfo.processInfo.environment
        let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }

        var pid: pid_t = 0
        let start = now()
        let rc = argv.withUnsafeBufferPointer { a in
            envp.withUnsafeBufferPointer { e in
                posix_spawnp(&pid, executable, &actions, nil, a.baseAddress!, e.baseAddress!)
            }
        }
        close(pipeFDs[1])
        guard rc == 0 else {
            close(pipeFDs[0])
            throw BenchError("cannot start \(executable): \(String(cString: strerror(rc)))")
        }

        var out = Data()
        var firstLine: Double?
        var timedOut = false
        var killAt: Double?
        var lastTick = start
        var peakRSS = 0.0
        var buffer = [UInt8](repeating: 0, count: 65536)
        var pfd = pollfd(fd: pipeFDs[0], events: Int16(POLLIN), revents: 0)
        while true {
            let waitMS = Int32(max(1, min(tickInterval, 1) * 1000))
            if sampleMemory { peakRSS = max(peakRSS, Memory.field("VmHWM", pid: pid)) }
            let ready = poll(&pfd, 1, waitMS)
            let t = now()
            if let timeout, !timedOut, t - start > timeout {
                timedOut = true
                killAt = t + 5
                kill(pid, SIGTERM)
            }
            if let at = killAt, t > at {
                killAt = nil
                kill(pid, SIGKILL)  // not reaped yet, so the pid is still the child's
            }
            if sampleMemory { peakRSS = max(peakRSS, Memory.field("VmHWM", pid: pid)) }
            if t - lastTick >= tickInterval {
                lastTick = t
                onTick?(pid)
            }
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            if ready == 0 { continue }
            let n = buffer.withUnsafeMutableBytes { read(pipeFDs[0], $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                break
            }
            if n == 0 { break }
            let chunk = buffer[0..<n]
            if firstLine == nil, chunk.contains(UInt8(ascii: "\n")) { firstLine = now() - start }
            if captureStdout { out.append(contentsOf: chunk) }
        }
        if sampleMemory { peakRSS = max(peakRSS, Memory.field("VmHWM", pid: pid)) }  // a zombie reads 0
        close(pipeFDs[0])
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = now() - start
        let signal = status & 0x7f
        let code = signal == 0 ? (status >> 8) & 0xff : 0
        let err = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return Result(
            status: code, signal: signal, stdout: out, stderr: err, firstLineSeconds: firstLine,
            seconds: seconds, peakRSSMB: peakRSS, timedOut: timedOut
        )
    }

    /// This process's environment with `changes` applied (nil values remove a variable).
    static func environment(_ changes: [String: String?]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        for (key, value) in changes { env[key] = value }
        return env
    }

    /// First line of a command's output (stdout, else stderr), or nil when it cannot be run.
    static func firstLine(_ executable: String, _ arguments: [String]) -> String? {
        guard let r = try? Subprocess(executable: executable, arguments: arguments).run() else { return nil }
        let text = r.stdoutText.isEmpty ? r.stderr : r.stdoutText
        return text.split(separator: "\n").first.map { String($0).trimmingCharacters(in: .whitespaces) }
    }
}

/// A failure of the benchmark itself (setup, missing tools), with a message for the terminal.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
