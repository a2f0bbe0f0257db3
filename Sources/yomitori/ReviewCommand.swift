import ArgumentParser
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import UnixSignals
import YomitoriJobs
import YomitoriLedger
import YomitoriReview
import YomitoriReviewWeb
import YomitoriTemplate

/// `yomitori review`: the review station (web app) over the ledger, until SIGINT/SIGTERM.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Serve the review station: clerks check doubtful fields in a browser.",
        discussion: """
        Loads the templates of the given jobs (corrections are validated by their rules) and \
        serves the queue of pages waiting for review. Prints `review station listening on \
        http://HOST:PORT` on stderr once it accepts connections. Binds to 127.0.0.1 unless told \
        otherwise; add users first with `yomitori users add`.
        """
    )

    @Argument(help: "Job files or folders (default: jobs/).") var paths: [String] = ["jobs"]
    @Option(help: "Ledger database (default: $YOMITORI_LEDGER, /var/lib/yomitori/ledger.sqlite as root, else ~/.local/share/yomitori).")
    var ledger: String?
    @Option(help: "Address to listen on, HOST:PORT (port 0: any free port).") var listen: String = "127.0.0.1:8080"
    @Flag(help: "Mark the session cookie Secure (when a TLS reverse proxy serves the station).") var secureCookie = false

    func validate() throws {
        guard ListenAddress(listen) != nil else { throw ValidationError("--listen must be HOST:PORT, e.g. 127.0.0.1:8080") }
    }

    func run() throws {
        let address = ListenAddress(listen) ?? ListenAddress(host: "127.0.0.1", port: 8080)
        var station = try ReviewStationSetup.make(paths: paths, ledgerPath: StatePaths.ledger(ledger))
        station.secureCookies = secureCookie
        try runBlocking { [station] in
            let app = station.application(host: address.host, port: address.port, onListening: ReviewStationSetup.announce)
            try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
        }
    }
}

/// `HOST:PORT` (`[::1]:8080` for IPv6).
struct ListenAddress: Sendable {
    var host: String
    var port: Int

    init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    init?(_ text: String) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
            return nil
        }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { return nil }
        self.init(host: host, port: port)
    }
}

/// Builds the review station from job files and the ledger (shared by `review` and `serve --review`).
enum ReviewStationSetup {
    /// Opens the ledger and builds the station, with warnings for a station that cannot work yet.
    /// - Throws: `ExitCode(3)` when a template or the ledger cannot be loaded.
    static func make(paths: [String], ledgerPath: String) throws -> ReviewStation {
        let store: SQLiteLedger
        do {
            try FileManager.default.createDirectory(atPath: (ledgerPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            store = try SQLiteLedger(path: ledgerPath)
        } catch {
            Console.error("\(ledgerPath): cannot open the ledger (\(error))")
            throw ExitCode(3)
        }
        let station: ReviewStation
        do {
            station = try build(jobs: ServeCommand.loadJobs(paths), ledger: store)
        } catch {
            Console.error("\(error)")
            throw ExitCode(3)
        }
        if (try? runBlocking({ try await store.users() }))?.isEmpty ?? true {
            Console.error("warning: no users yet: add one with `yomitori users add NAME --role administrator --password-stdin`")
        }
        return station
    }

    /// The station for these jobs' templates (no blocking, no output: also used when `serve` reloads).
    static func build(jobs: [JobDefinition], ledger: SQLiteLedger) throws -> ReviewStation {
        var templates: [Template] = []
        var seen: Set<String> = []
        for path in jobs.flatMap(\.templates) where seen.insert(path).inserted {
            templates.append(try TemplateLoader.load(path: path))
        }
        if jobs.isEmpty { Console.error("warning: no job files: corrections cannot be validated until a job names the templates") }
        var logger = Logger(label: "yomitori.review")
        logger.logLevel = .notice
        return ReviewStation(service: ReviewService(ledger: ledger, templates: templates), users: UserDirectory(ledger: ledger), logger: logger)
    }

    @Sendable static func announce(host: String, port: Int) async {
        let shown = host.contains(":") ? "[\(host)]" : host
        if !["127.0.0.1", "localhost", "::1"].contains(host) {
            Console.error("warning: the review station is reachable from other machines on \(host); keep it on the office LAN")
        }
        FileHandle.standardError.write(Data("review station listening on http://\(shown):\(port)\n".utf8))
    }
}
