/// The outcomes a file is routed by.
public enum RouteOutcome: String, Sendable, Equatable, CaseIterable {
    case accepted, review, invalid, failed, duplicate
}
