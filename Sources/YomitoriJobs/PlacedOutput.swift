/// What happened to one output file when a written batch was put in place.
public struct PlacedOutput: Sendable, Hashable {
    public enum State: String, Sendable, Hashable {
        /// Renamed from its temporary path to its final path now.
        case placed
        /// Already at its final path with the recorded content (placed before a crash).
        case alreadyInPlace
        /// Neither at its final nor its temporary path: it was placed before and the receiving system
        /// has taken it (or someone removed it). It is not written again.
        case gone
    }

    public var path: String
    public var state: State

    public init(path: String, state: State) {
        self.path = path
        self.state = state
    }
}
