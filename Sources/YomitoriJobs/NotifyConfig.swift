public import Foundation

/// `notify:` — tell someone that something happened.
public enum NotifyConfig: Sendable, Equatable {
    /// Append one line per event to a log file (absolute path template).
    case append(String)
    /// POST a JSON message to a URL on the local network (checked by ``LocalNetworkAddress``).
    case post(URL)
}
