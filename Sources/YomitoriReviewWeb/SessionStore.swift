import Foundation
import YomitoriLedger

/// A signed-in reviewer's session: who, the CSRF token every POST must carry, and the first entries
/// of double-entry fields (kept here on the server, never sent to the browser).
struct Session: Sendable {
    let id: String
    let user: String
    let role: ReviewUser.Role
    let csrf: String
    var expires: Date
    var firstEntries: [PageKey: [String: String]] = [:]
}

/// Sessions in memory: 256-bit random ids, idle expiry. A restart signs everyone out, which is
/// acceptable for an office station and keeps session ids out of the ledger.
actor SessionStore {
    private var sessions: [String: Session] = [:]
    let idleTimeout: TimeInterval
    private let clock: @Sendable () -> Date

    init(idleTimeout: TimeInterval = 8 * 3600, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.idleTimeout = idleTimeout
        self.clock = clock
    }

    func create(user: String, role: ReviewUser.Role) -> Session {
        let now = clock()
        sessions = sessions.filter { $0.value.expires > now }
        let session = Session(id: Self.token(), user: user, role: role, csrf: Self.token(), expires: now.addingTimeInterval(idleTimeout))
        sessions[session.id] = session
        return session
    }

    /// The session with this id, its expiry pushed back; nil when unknown or expired.
    func session(_ id: String) -> Session? {
        let now = clock()
        guard var session = sessions[id] else { return nil }
        guard session.expires > now else {
            sessions[id] = nil
            return nil
        }
        session.expires = now.addingTimeInterval(idleTimeout)
        sessions[id] = session
        return session
    }

    func remove(_ id: String) {
        sessions[id] = nil
    }

    func setFirstEntries(_ id: String, page: PageKey, entries: [String: String]) {
        sessions[id]?.firstEntries[page] = entries.isEmpty ? nil : entries
    }

    /// 256 random bits as 64 hex digits (the system's cryptographic generator).
    static func token() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    /// Compares in time independent of where the strings differ.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in x.indices { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}
