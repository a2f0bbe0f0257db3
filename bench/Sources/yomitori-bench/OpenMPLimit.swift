import Foundation

/// Re-executes the program once with `OMP_THREAD_LIMIT=1` when it is not set (as `yomitori` does):
/// libgomp reads the variable when the process starts, so setting it later is too late.
enum OpenMPLimit {
    static func ensure() {
        guard getenv("OMP_THREAD_LIMIT") == nil else { return }
        setenv("OMP_THREAD_LIMIT", "1", 1)
        // Only if the executable can be found again; otherwise carry on (slower, still correct).
        let exe = "/proc/self/exe"
        guard FileManager.default.isExecutableFile(atPath: exe) else { return }
        execv(exe, CommandLine.unsafeArgv)
    }
}
