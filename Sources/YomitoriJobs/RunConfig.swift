/// `run:` — a program to start, never through a shell.
///
/// Arguments may use the path variables (`{job}`, `{date}`, `{name}` for page conditions …); each
/// is one argument, whatever it contains. The page's (or batch's) fields go to standard input as JSON.
public struct RunConfig: Sendable, Equatable {
    /// Absolute path of the program.
    public var command: String
    public var args: [String]
    /// Seconds before the program is stopped (SIGTERM, then SIGKILL). Default 30.
    public var timeout: Double

    public init(command: String, args: [String] = [], timeout: Double = 30) {
        self.command = command
        self.args = args
        self.timeout = timeout
    }
}
