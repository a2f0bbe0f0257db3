import Foundation
import Synchronization
import YomitoriLedger

/// A clock that moves one second each time it is read, so rows get distinct, ordered times.
final class SteppingClock: Sendable {
    private let current: Mutex<Date>

    init(start: Date = Date(timeIntervalSince1970: 1_750_000_000)) {
        current = Mutex(start)
    }

    func now() -> Date {
        current.withLock { date in
            date += 1
            return date
        }
    }
}

/// A fresh folder under the system temp folder, removed by ``remove()``.
struct TemporaryFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "yomitori-ledger-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    var ledgerPath: String { path + "/state/ledger.sqlite" }
}

let me = WorkerIdentity(host: "host-a", worker: "pid 1 / worker 1")

func claim(
    _ ledger: any Ledger, job: String = "juminhyo", sha: String, name: String = "scan.pdf", run: String? = nil
) async throws -> ClaimResult {
    let id = UUID().uuidString.lowercased()
    return try await ledger.recordClaim(ClaimRequest(
        inputID: id, job: job, runID: run, originalPath: "/srv/scans/\(job)/\(name)",
        claimedPath: "/srv/scans/.yomitori-work/\(job)/\(id)__\(name)", size: 1234, sha256: sha, by: me
    ))
}

func page(_ inputID: String, _ index: Int, _ status: PageStatus?) -> PageRecord {
    PageRecord(inputID: inputID, page: index, status: status, template: "a_juminhyo",
               readJSON: #"{"file":"scan.pdf","page":\#(index),"fields":[]}"#)
}

/// Runs a command to completion and returns its exit status and standard output.
func runProcess(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
