import ArgumentParser
import Foundation
import YomitoriLedger
import YomitoriReview

/// `yomitori users add|list|passwd|remove`: the review station's users, stored in the ledger with
/// bcrypt password hashes.
struct UsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Manage the review station's users (reviewer, administrator).",
        subcommands: [Add.self, List.self, Passwd.self, Remove.self]
    )

    struct LedgerOption: ParsableArguments {
        @Option(help: "Ledger database (default: $YOMITORI_LEDGER, /var/lib/yomitori/ledger.sqlite as root, else ~/.local/share/yomitori).")
        var ledger: String?

        func directory() throws -> UserDirectory {
            let path = StatePaths.ledger(ledger)
            do {
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                return UserDirectory(ledger: try SQLiteLedger(path: path))
            } catch {
                Console.error("\(path): cannot open the ledger (\(error))")
                throw ExitCode(3)
            }
        }
    }

    struct PasswordOption: ParsableArguments {
        @Flag(help: "Read the password from standard input (one line), e.g. from a password manager or script.")
        var passwordStdin = false

        func read() throws -> String {
            if passwordStdin {
                guard let line = Swift.readLine(strippingNewline: true), !line.isEmpty else {
                    throw ValidationError("no password on standard input")
                }
                return line
            }
            guard isatty(STDIN_FILENO) == 1 else { throw ValidationError("give --password-stdin when standard input is not a terminal") }
            guard let first = getpass("パスワード (password): ").map({ String(cString: $0) }),
                  let second = getpass("もう一度 (again): ").map({ String(cString: $0) }), first == second
            else { throw ValidationError("the passwords do not match") }
            return first
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user.")
        @Argument(help: "User name (letters, digits, . _ - @).") var name: String
        @Option(help: "reviewer or administrator.") var role: String
        @OptionGroup var store: LedgerOption
        @OptionGroup var password: PasswordOption

        func validate() throws {
            guard ReviewUser.Role(rawValue: role) != nil else { throw ValidationError("--role must be reviewer or administrator") }
        }

        func run() throws {
            let directory = try store.directory()
            let password = try password.read()
            let name = self.name, role = ReviewUser.Role(rawValue: role) ?? .reviewer
            try reporting { try runBlocking { try await directory.add(name: name, role: role, password: password) } }
            Console.error("user \(name) added (\(role.rawValue))")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users (name, role, created).")
        @OptionGroup var store: LedgerOption

        func run() throws {
            let directory = try store.directory()
            let users = try runBlocking { try await directory.list() }
            let formatter = ISO8601DateFormatter()
            for user in users {
                print("\(user.name)\t\(user.role.rawValue)\t\(formatter.string(from: user.createdAt))")
            }
        }
    }

    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a user's password.")
        @Argument var name: String
        @OptionGroup var store: LedgerOption
        @OptionGroup var password: PasswordOption

        func run() throws {
            let directory = try store.directory()
            let password = try password.read()
            let name = self.name
            try reporting { try runBlocking { try await directory.setPassword(name: name, password: password) } }
            Console.error("password of \(name) changed")
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a user (their audit entries stay).")
        @Argument var name: String
        @OptionGroup var store: LedgerOption

        func run() throws {
            let directory = try store.directory()
            let name = self.name
            try reporting { try runBlocking { try await directory.remove(name: name) } }
            Console.error("user \(name) removed")
        }
    }
}

/// Prints a ``ReviewError`` as one line and exits 1; other errors propagate.
private func reporting(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ReviewError {
        Console.error(error.message)
        throw ExitCode(1)
    }
}
