public import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// The embedded ledger: one SQLite file per installation (for example
/// `/var/lib/yomitori/ledger.sqlite`), in WAL mode, shared safely by several processes on one host.
///
/// The file holds page readings, which are **personal data**: it is created with permissions
/// 0600 (SQLite gives its `-wal` and `-shm` files the same), in a folder created 0700 when missing.
/// Writes use `synchronous = FULL`, so a committed transaction survives power loss, not only a
/// crashed process. Several `SQLiteLedger` values (in one or several processes) may open the same
/// file; writers wait for each other up to ``busyTimeout``.
public final class SQLiteLedger: Ledger {
    /// The database file.
    public let path: String
    /// How long a writer waits for another process's write transaction before failing.
    public static let busyTimeout: TimeInterval = 30

    let pool: DatabasePool
    let clock: @Sendable () -> Date

    /// Opens (creating and migrating when needed) the ledger at `path`.
    ///
    /// - Parameter clock: the time recorded on rows and events; injected by tests.
    /// - Throws: ``LedgerError`` with code `unavailable` when the file cannot be created or opened.
    public init(path: String, clock: @escaping @Sendable () -> Date = { Date() }) throws {
        self.path = path
        self.clock = clock
        try Self.prepareFile(at: path)
        var configuration = Configuration()
        configuration.label = "yomitori.ledger"
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        // Switching a new file to WAL and migrating it are not safe for two processes at once
        // (SQLite answers the second switch "database is locked" without waiting, and both would
        // create the tables): runners starting together take turns here.
        let opening = try Self.lockForOpening(path)
        defer {
            flock(opening, LOCK_UN)
            close(opening)
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
        } catch {
            throw LedgerError(.unavailable, "cannot open ledger \(path): \(error)")
        }
    }

    /// An exclusive `flock` on `<path>.open-lock` (created 0600 beside the ledger, and kept), held
    /// while the ledger is opened and migrated; waits up to ``busyTimeout`` for another process.
    private static func lockForOpening(_ path: String) throws -> Int32 {
        let lockPath = path + ".open-lock"
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw LedgerError(.unavailable, "cannot create \(lockPath) to open the ledger: \(String(cString: strerror(errno)))")
        }
        let deadline = Date().addingTimeInterval(busyTimeout)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            guard code == EWOULDBLOCK || code == EINTR, Date() < deadline else {
                close(fd)
                let why = code == EWOULDBLOCK ? "another process has been opening it for \(Int(busyTimeout)) s" : String(cString: strerror(code))
                throw LedgerError(.unavailable, "cannot open ledger \(path): \(why)")
            }
            usleep(20_000)
        }
        return fd
    }

    /// Creates the folder (0700) and an empty file (0600) when they do not exist yet.
    private static func prepareFile(at path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]
                )
            } catch {
                throw LedgerError(.unavailable, "cannot create folder \(folder) for the ledger: \(error)")
            }
        }
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw LedgerError(.unavailable, "cannot create ledger \(path): \(String(cString: strerror(errno)))")
        }
        close(fd)
    }

    // MARK: - Access helpers

    /// A write transaction (BEGIN IMMEDIATE); errors other than ``LedgerError`` become `storage`.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.write(body)
        } catch let error as LedgerError {
            throw error
        } catch {
            throw LedgerError(.storage, "\(error)")
        }
    }

    /// A read from a snapshot; errors other than ``LedgerError`` become `storage`.
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.read(body)
        } catch let error as LedgerError {
            throw error
        } catch {
            throw LedgerError(.storage, "\(error)")
        }
    }

    static func newID() -> String { UUID().uuidString.lowercased() }

    /// Appends one row to the append-only `events` table inside the caller's transaction.
    static func appendEvent(
        _ db: Database, time: Date, job: String, kind: String, runID: String? = nil, inputID: String? = nil,
        batchID: String? = nil, host: String? = nil, detail: String = ""
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO events (time, job, kind, run_id, input_id, batch_id, host, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [time, job, kind, runID, inputID, batchID, host, detail]
        )
    }

    /// `?, ?, ?` for an `IN (…)` list of `count` values.
    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}
