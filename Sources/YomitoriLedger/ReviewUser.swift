public import Foundation

/// A person who may use the review station.
public struct ReviewUser: Sendable, Hashable {
    public enum Role: String, Sendable, CaseIterable, Hashable {
        /// Corrects, approves and rejects pages.
        case reviewer
        /// A reviewer who may also read the audit trail.
        case administrator
    }

    public var name: String
    public var role: Role
    /// A salted, slow hash (bcrypt `$2b$…`); never the password.
    public var passwordHash: String
    public var createdAt: Date

    public init(name: String, role: Role, passwordHash: String, createdAt: Date) {
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
        self.createdAt = createdAt
    }
}

/// One line of the audit trail: who did what to which field, from what to what, and when.
