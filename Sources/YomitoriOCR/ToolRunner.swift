import Foundation

/// Runs a helper program (pdfinfo, pdftoppm) without a shell, with a time limit.
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

    static func run(_ executable: String, _ arguments: [String], timeout: Double) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
        // Drain stderr concurrently so a chatty tool cannot block on a full pipe.
        let errBox = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        group.wait()
        let timedOut = timer.isCancelled == false && process.terminationReason == .uncaughtSignal
        timer.cancel()
        return Output(
            status: process.terminationStatus,
            stdout: stdout,
            stderr: String(decoding: errBox.data, as: UTF8.self),
            timedOut: timedOut
        )
    }

    private final class DataBox: @unchecked Sendable {
        var data = Data()
    }
}
