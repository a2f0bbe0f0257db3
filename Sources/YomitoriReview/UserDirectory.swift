public import Foundation
public import YomitoriLedger

/// The review station's users: adding, listing, changing passwords, removing, and checking a
/// login. Passwords are only ever stored as bcrypt hashes; every change is written to the audit trail.
public struct UserDirectory: Sendable {
    public let ledger: any ReviewLedger
    public let hasher: PasswordHasher
    let clock: @Sendable () -> Date

    /// Shortest password accepted.
    public static let minimumPasswordLength = 8

    public init(ledger: any ReviewLedger, hasher: PasswordHasher = PasswordHasher(), clock: @escaping @Sendable () -> Date = { Date() }) {
        self.ledger = ledger
        self.hasher = hasher
        self.clock = clock
    }

    /// Adds a user. `by` names who did it in the audit trail (`cli` from the command line).
    public func add(name: String, role: ReviewUser.Role, password: String, by: String = "cli") async throws {
        try Self.checkName(name)
        try Self.checkPassword(password)
        if try await ledger.user(name: name) != nil { throw ReviewError(.invalidInput, "user \(name) already exists") }
        let user = ReviewUser(name: name, role: role, passwordHash: hasher.hash(password), createdAt: clock())
        try await ledger.addUser(user)
        try await ledger.appendAudit([AuditEntry(time: clock(), user: by, action: "user_added", detail: "\(name) (\(role.rawValue))")])
    }

    public func list() async throws -> [ReviewUser] {
        try await ledger.users()
    }

    public func setPassword(name: String, password: String, by: String = "cli") async throws {
        try Self.checkPassword(password)
        guard try await ledger.user(name: name) != nil else { throw ReviewError(.notFound, "no user \(name)") }
        try await ledger.setPasswordHash(name: name, hash: hasher.hash(password))
        try await ledger.appendAudit([AuditEntry(time: clock(), user: by, action: "password_changed", detail: name)])
    }

    public func remove(name: String, by: String = "cli") async throws {
        guard try await ledger.user(name: name) != nil else { throw ReviewError(.notFound, "no user \(name)") }
        try await ledger.removeUser(name: name)
        try await ledger.appendAudit([AuditEntry(time: clock(), user: by, action: "user_removed", detail: name)])
    }

    /// The user when name and password match, else nil. An unknown name costs as much time as a
    /// wrong password, so timing does not tell which names exist.
    public func authenticate(name: String, password: String) async throws -> ReviewUser? {
        guard let user = try await ledger.user(name: name) else {
            _ = hasher.verify(password, hash: Self.dummyHash)
            return nil
        }
        return hasher.verify(password, hash: user.passwordHash) ? user : nil
    }

    /// A valid bcrypt hash of nothing anyone types, for unknown names.
    static let dummyHash = PasswordHasher().hash(UUID().uuidString)

    /// 1–64 letters, digits, `.`, `_`, `-` or `@`.
    public static func isWellFormed(name: String) -> Bool {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "._-@"))
        return !name.isEmpty && name.count <= 64 && name.unicodeScalars.allSatisfy(allowed.contains)
    }

    static func checkName(_ name: String) throws {
        guard isWellFormed(name: name) else {
            throw ReviewError(.invalidInput, "a user name is 1–64 letters, digits, '.', '_', '-' or '@'")
        }
    }

    static func checkPassword(_ password: String) throws {
        guard password.count >= minimumPasswordLength else {
            throw ReviewError(.invalidInput, "a password needs at least \(minimumPasswordLength) characters")
        }
    }
}
