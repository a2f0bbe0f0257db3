/// How a watched inbox notices new files.
public enum DetectionMethod: Sendable, Hashable, CustomStringConvertible {
    /// inotify events, with a full listing every `rescanInterval` as events can be lost.
    case inotify
    /// A directory listing every `poll_interval` seconds; the reason says why.
    case polling(reason: String)

    /// The method for a job's `poll` setting and the inbox's file system.
    ///
    /// `auto` polls on network and FUSE file systems (and when the kind cannot be read), `always`
    /// polls, `never` uses inotify.
    public static func choose(poll: PollMode, fileSystem: FileSystemKind?) -> DetectionMethod {
        switch poll {
        case .always:
            return .polling(reason: "poll: always")
        case .never:
            return .inotify
        case .auto:
            guard let fileSystem else { return .polling(reason: "the inbox's file system could not be read") }
            if fileSystem.isRemote { return .polling(reason: "the inbox is on \(fileSystem)") }
            return .inotify
        }
    }

    public var description: String {
        switch self {
        case .inotify: "inotify"
        case .polling(let reason): "polling (\(reason))"
        }
    }
}
