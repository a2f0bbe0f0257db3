import HummingbirdBcrypt

/// Salted, deliberately slow password hashes (bcrypt, `$2b$`): what the ledger stores instead of
/// passwords.
public struct PasswordHasher: Sendable {
    /// bcrypt's cost: 2^cost rounds. 12 takes about a quarter of a second here, which is what makes
    /// guessing slow; tests may lower it.
    public var cost: UInt8

    public init(cost: UInt8 = 12) {
        self.cost = cost
    }

    /// A new hash with a fresh random salt.
    public func hash(_ password: String) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    /// True when `password` matches `hash`. A malformed hash never matches.
    public func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }
}
