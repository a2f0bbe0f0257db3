import Foundation

/// Where Debian's `chromium` and `chromium-driver` packages put the browser and its driver, and whether the
/// browser tests must run.
public enum Chromium {
    /// The browser: `$CHROMIUM_BINARY`, else `chromium` (Debian's launcher script) on PATH.
    public static var browser: String? {
        locate(env: "CHROMIUM_BINARY", names: ["chromium", "chromium-browser", "google-chrome"])
    }

    /// The driver: `$CHROMEDRIVER`, else `chromedriver` on PATH (Debian: /usr/bin/chromedriver).
    public static var driver: String? { locate(env: "CHROMEDRIVER", names: ["chromedriver"]) }

    /// Both are installed.
    public static var isInstalled: Bool { browser != nil && driver != nil }

    /// True under CI (`CI=true`): a missing browser is then a failure, not a reason to skip.
    public static var isRequired: Bool {
        let ci = ProcessInfo.processInfo.environment["CI"]?.lowercased() ?? ""
        return !ci.isEmpty && ci != "false" && ci != "0"
    }

    /// Browser tests run when the browser is installed, and always under CI (where a missing browser fails).
    public static var shouldRun: Bool { isInstalled || isRequired }

    /// The arguments for headless Chromium as root in a container: no sandbox (root), no /dev/shm (small in
    /// containers), no GPU, a fixed window and Japanese as the UI language.
    public static let headlessArguments = [
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--window-size=1280,1024", "--lang=ja", "--no-first-run", "--no-default-browser-check",
        "--disable-extensions", "--disable-background-networking", "--disable-sync",
        "--password-store=basic", "--use-mock-keychain",
    ]

    /// Why the browser tests cannot run here, or nil when they can.
    public static var missingMessage: String? {
        var missing: [String] = []
        if browser == nil { missing.append("chromium") }
        if driver == nil { missing.append("chromedriver (Debian package chromium-driver)") }
        guard !missing.isEmpty else { return nil }
        return "\(missing.joined(separator: " and ")) not found: run scripts/setup (apt-get install chromium chromium-driver)"
    }

    static func locate(env: String, names: [String]) -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let given = environment[env], !given.isEmpty {
            return FileManager.default.isExecutableFile(atPath: given) ? given : nil
        }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") + ["/usr/bin", "/usr/local/bin"] {
            for name in names {
                let candidate = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }
}
