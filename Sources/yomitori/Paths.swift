import Foundation

/// Where yomitori keeps its state when the user does not say.
enum StatePaths {
    /// `$YOMITORI_LEDGER`, else /var/lib/yomitori (root), else ~/.local/share/yomitori, else /tmp.
    static func ledger(_ explicit: String?) -> String {
        if let explicit { return explicit }
        let env = ProcessInfo.processInfo.environment
        if let path = env["YOMITORI_LEDGER"], !path.isEmpty { return path }
        return stateFolder() + "/ledger.sqlite"
    }

    static func stateFolder() -> String {
        let env = ProcessInfo.processInfo.environment
        if getuid() == 0 { return "/var/lib/yomitori" }
        if let home = env["HOME"], !home.isEmpty { return home + "/.local/share/yomitori" }
        return "/tmp/yomitori-\(getuid())"
    }

    /// Lock folder: /run/lock/yomitori when writable, else the state folder.
    static func locks(_ explicit: String?) -> String {
        if let explicit { return explicit }
        if let env = ProcessInfo.processInfo.environment["YOMITORI_LOCK_DIR"], !env.isEmpty { return env }
        let run = "/run/lock/yomitori"
        if (try? FileManager.default.createDirectory(atPath: run, withIntermediateDirectories: true)) != nil,
           access(run, W_OK) == 0 {
            return run
        }
        return stateFolder() + "/locks"
    }
}
