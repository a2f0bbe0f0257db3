/// When a file in the inbox counts as complete, and how the inbox is watched.
///
/// Written under `trigger: watch:`, or next to `schedule:` / `manual:` in the `trigger` mapping.
public struct IntakeRules: Sendable, Equatable {
    /// A file is taken once its size and modification time were unchanged for this long. Default 5.
    public var settleSeconds: Double
    /// Whether a marker file must exist before a file is taken.
    public var marker: MarkerRule
    /// inotify or directory listings.
    public var poll: PollMode
    /// Seconds between directory listings when polling. Default 10.
    public var pollInterval: Double

    public init(settleSeconds: Double = 5, marker: MarkerRule = .none, poll: PollMode = .auto, pollInterval: Double = 10) {
        self.settleSeconds = settleSeconds
        self.marker = marker
        self.poll = poll
        self.pollInterval = pollInterval
    }
}
