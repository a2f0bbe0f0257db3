public import Foundation

/// What the intake state machine concluded from one listing.
public struct IntakeDecision: Sendable, Equatable {
    /// Complete files to claim now, oldest first. Each is handed out once (until it changes or is
    /// released): claim it, then call ``IntakeStateMachine/claimed(_:)`` or ``IntakeStateMachine/release(_:)``.
    public var ready: [ReadyFile]
    /// Folder markers whose files have all been claimed: delete them (``Inbox/consumeMarker(_:modified:)``).
    public var markersToConsume: [FileObservation]
    /// When a waiting file may have settled: list the folder again then (nil: only on change).
    public var nextCheck: Date?
    /// Inputs waiting in the inbox (not yet handed out): the backlog for `yomitori status`.
    public var waiting: Int
    /// The names of the waiting inputs that are settling (looked at again at ``nextCheck``).
    public var settling: [String] = []
    /// Entries whose names are not UTF-8 (set by ``Intake/scan()``): they cannot be processed and
    /// must be reported (a share mounted with the wrong `iocharset`).
    public var undecodableNames: Int

    public init(
        ready: [ReadyFile] = [], markersToConsume: [FileObservation] = [], nextCheck: Date? = nil, waiting: Int = 0,
        undecodableNames: Int = 0
    ) {
        self.ready = ready
        self.markersToConsume = markersToConsume
        self.nextCheck = nextCheck
        self.waiting = waiting
        self.undecodableNames = undecodableNames
    }
}
