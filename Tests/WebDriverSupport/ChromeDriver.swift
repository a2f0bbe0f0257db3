public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A `chromedriver` child process on a free loopback port, which starts headless Chromium sessions.
///
/// The driver runs in a process group of its own, with a watchdog shell: `stop()` (also called on deinit)
/// kills the whole group — driver and every browser it started — and so does the watchdog when the test
/// process dies without stopping it. A browser that outlives its test is a bug, not a leftover.
public final class ChromeDriver: @unchecked Sendable {
    /// The port chromedriver listens on (127.0.0.1).
    public let port: Int
    /// `http://127.0.0.1:PORT`.
    public let baseURL: URL
    /// The browser binary the sessions start.
    public let browser: String
    /// The driver's and browsers' output (stdout and stderr), for diagnostics.
    public let logFile: URL

    private let process: Process
    private let processGroup: pid_t
    private let folder: URL
    private let lock = NSLock()
    private var stopped = false
    let wire: WireClient

    private init(port: Int, browser: String, process: Process, processGroup: pid_t, folder: URL, logFile: URL) {
        self.port = port
        self.baseURL = URL(string: "http://127.0.0.1:\(port)")!
        self.browser = browser
        self.process = process
        self.processGroup = processGroup
        self.folder = folder
        self.logFile = logFile
        self.wire = WireClient(base: baseURL)
    }

    deinit { stop() }

    /// Starts chromedriver and waits until its `/status` says it is ready.
    ///
    /// Throws `browser missing` when chromium or chromedriver is not installed.
    public static func start(timeout: TimeInterval = 30) async throws -> ChromeDriver {
        guard let driverPath = Chromium.driver, let browser = Chromium.browser else {
            throw WebDriverError(code: WebDriverError.browserMissing, message: Chromium.missingMessage ?? "not found")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("webdriver-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let logFile = folder.appendingPathComponent("chromedriver.log")
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let log = try FileHandle(forWritingTo: logFile)
        defer { try? log.close() }

        // setsid: a new session and process group, so the group can be killed as one. The shell prints
        // its pid (= the group id), runs the driver, and kills the group when the driver or we are gone.
        let watchdog = """
            echo "process-group $$"
            "$1" --port=0 &
            driver=$!
            while kill -0 "$2" 2>/dev/null && kill -0 "$driver" 2>/dev/null; do sleep 1; done
            kill -KILL 0
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
        process.arguments = ["/bin/sh", "-c", watchdog, "webdriver-watchdog", driverPath, String(getpid())]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = log
        process.standardError = log
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = environment["HOME"] ?? folder.path
        process.environment = environment
        do { try process.run() } catch {
            throw WebDriverError(code: WebDriverError.driverStart, message: "cannot start \(driverPath): \(error)")
        }

        let deadline = Date().addingTimeInterval(timeout)
        var group: pid_t?
        var port: Int?
        while Date() < deadline, port == nil || group == nil {
            let text = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
            group = group ?? Self.number(after: "process-group ", in: text).map { pid_t($0) }
            port = Self.number(after: "started successfully on port ", in: text)
            if port == nil || group == nil {
                if !process.isRunning { break }
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        guard let port, let group else {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            throw WebDriverError(code: WebDriverError.driverStart, message: "chromedriver did not start: \(Self.tail(logFile))")
        }
        let driver = ChromeDriver(
            port: port, browser: browser, process: process, processGroup: group, folder: folder, logFile: logFile)
        var lastAnswer = "no answer"
        while true {
            do {
                let status = try await driver.wire.send("GET", "/status")
                if status["ready"]?.bool == true { break }
                lastAnswer = "\(status)"
            } catch {
                lastAnswer = "\(error)"
            }
            if Date() >= deadline || !process.isRunning {
                let tail = Self.tail(logFile)
                driver.stop()
                throw WebDriverError(
                    code: WebDriverError.driverStart, message: "chromedriver not ready (\(lastAnswer)): \(tail)")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        return driver
    }

    /// Starts a headless Chromium session. Quit it with `BrowserSession.quit()`; `stop()` ends any left.
    public func newSession(extraArguments: [String] = []) async throws -> BrowserSession {
        // A profile inside the driver's folder: fresh cookies per session, and the browser's processes
        // recognisable by their command line.
        let profile = "--user-data-dir=" + folder.appendingPathComponent("profile-\(UUID().uuidString)").path
        let capabilities: JSONValue = [
            "capabilities": [
                "alwaysMatch": [
                    "browserName": "chrome",
                    "pageLoadStrategy": "normal",
                    "timeouts": ["pageLoad": 30_000, "script": 15_000, "implicit": 0],
                    "goog:chromeOptions": [
                        "binary": .string(browser),
                        "args": .array((Chromium.headlessArguments + [profile] + extraArguments).map { .string($0) }),
                    ],
                ]
            ]
        ]
        let value = try await wire.send("POST", "/session", capabilities)
        guard let id = value["sessionId"]?.string else {
            throw WebDriverError(code: WebDriverError.protocol, message: "POST /session: no sessionId")
        }
        return BrowserSession(id: id, wire: wire)
    }

    /// Runs `body` with a new session and quits it afterwards, whether `body` threw or not.
    public func withSession<T: Sendable>(
        extraArguments: [String] = [], _ body: (BrowserSession) async throws -> T
    ) async throws -> T {
        let session = try await newSession(extraArguments: extraArguments)
        do {
            let result = try await body(session)
            try? await session.quit()
            return result
        } catch {
            try? await session.quit()
            throw error
        }
    }

    /// The processes (browsers and their helpers) whose command line names this driver's profiles.
    public func browserProcessIDs() -> [pid_t] {
        let marker = Array(folder.path.utf8)
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> pid_t? in
            guard let pid = pid_t(entry),
                  let cmdline = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline")
            else { return nil }
            let bytes = [UInt8](cmdline)
            guard bytes.count >= marker.count else { return nil }
            for start in 0...(bytes.count - marker.count) where bytes[start] == marker[0] {
                if Array(bytes[start..<start + marker.count]) == marker { return pid }
            }
            return nil
        }
    }

    /// Whether any process of the driver's group (driver, browsers, watchdog) is still running (zombies
    /// waiting to be reaped do not count).
    public var isAlive: Bool { !Self.runningMembers(of: processGroup).isEmpty }

    /// Kills the driver and every browser it started (the whole process group). Safe to call twice.
    public func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        stopped = true
        kill(-processGroup, SIGTERM)
        let deadline = Date().addingTimeInterval(1)
        while isAlive, Date() < deadline { usleep(20_000) }
        if isAlive { kill(-processGroup, SIGKILL) }
        process.waitUntilExit()
        let stopDeadline = Date().addingTimeInterval(3)
        while isAlive, Date() < stopDeadline { usleep(20_000) }
        if ProcessInfo.processInfo.environment["WEBDRIVER_KEEP_LOG"] == nil {
            try? FileManager.default.removeItem(at: folder)
        }
    }

    /// The pids of a process group's members that are not zombies, from /proc/PID/stat.
    static func runningMembers(of group: pid_t) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> pid_t? in
            guard let pid = pid_t(entry),
                  let stat = FileManager.default.contents(atPath: "/proc/\(entry)/stat"),
                  let text = String(data: stat, encoding: .utf8),
                  let close = text.lastIndex(of: ")")
            else { return nil }
            // After "pid (comm)": state ppid pgrp …
            let fields = text[text.index(after: close)...].split(separator: " ")
            guard fields.count > 2, fields[0] != "Z", pid_t(fields[2]) == group else { return nil }
            return pid
        }
    }

    /// The last lines of the driver's output.
    public func logTail() -> String { Self.tail(logFile) }

    static func tail(_ file: URL) -> String {
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(15).joined(separator: "\n")
    }

    static func number(after marker: String, in text: String) -> Int? {
        guard let range = text.range(of: marker) else { return nil }
        let digits = text[range.upperBound...].prefix { $0.isNumber }
        return Int(digits)
    }
}
