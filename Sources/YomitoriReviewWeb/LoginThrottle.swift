import Foundation

/// Slows down password guessing: after ``limit`` failed logins for one user name within
/// ``window``, that name cannot log in for ``lockout`` (the right password included), on top of
/// bcrypt's cost per attempt.
actor LoginThrottle {
    let limit: Int
    let window: TimeInterval
    let lockout: TimeInterval
    private var failures: [String: [Date]] = [:]
    private var lockedUntil: [String: Date] = [:]
    private let clock: @Sendable () -> Date

    init(limit: Int = 5, window: TimeInterval = 900, lockout: TimeInterval = 300, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.limit = limit
        self.window = window
        self.lockout = lockout
        self.clock = clock
    }

    /// True while the name is locked out.
    func isLocked(_ name: String) -> Bool {
        guard let until = lockedUntil[name] else { return false }
        if until > clock() { return true }
        lockedUntil[name] = nil
        return false
    }

    /// Records a failed login; returns true when this failure locks the name.
    func failed(_ name: String) -> Bool {
        let now = clock()
        var recent = (failures[name] ?? []).filter { now.timeIntervalSince($0) < window }
        recent.append(now)
        if failures.count > 10_000 { failures = [:] }  // bounded memory under a flood of names
        guard recent.count >= limit else {
            failures[name] = recent
            return false
        }
        failures[name] = nil
        lockedUntil[name] = now.addingTimeInterval(lockout)
        return true
    }

    func succeeded(_ name: String) {
        failures[name] = nil
    }
}
