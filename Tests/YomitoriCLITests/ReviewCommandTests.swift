import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `yomitori users` and `yomitori review` end to end: a run sends a page to review, a reviewer
/// corrects and approves it over HTTP, and the next run exports the corrected value and archives
/// the scan.
@Suite("yomitori review: the review station end to end", .serialized)
struct ReviewCommandTests {
    @Test("run → review → approve a correction and reject a page over HTTP → next run exports, archives and quarantines")
    func approveThenExport() throws {
        let job = try RunCommandTests.JobFolder(scans: ["a_juminhyo-clean-02.png", "a_juminhyo-degraded-03.jpg"])
        defer { try? FileManager.default.removeItem(at: job.root) }
        let first = try job.run(json: false)
        #expect(first.status == 1, "the pages wait for review: \(first.stderr)")
        #expect(job.files("review") == ["a_juminhyo-clean-02.png", "a_juminhyo-degraded-03.jpg"])

        let added = try CLIRunner.run(["users", "add", "sato", "--role", "reviewer", "--ledger", job.ledger, "--password-stdin"], input: "sato-password\n")
        #expect(added.status == 0, "\(added.stderr)")
        let short = try CLIRunner.run(["users", "add", "kato", "--role", "reviewer", "--ledger", job.ledger, "--password-stdin"], input: "short\n")
        #expect(short.status == 1 && short.stderr.contains("at least 8"))
        let list = try CLIRunner.run(["users", "list", "--ledger", job.ledger])
        #expect(list.stdoutLines.map { $0.split(separator: "\t").prefix(2).joined(separator: " ") } == ["sato reviewer"])

        let server = try ReviewServer(job: job.job, ledger: job.ledger)
        defer { server.stop() }
        let http = HTTPClient(base: server.base)
        #expect(http.send("GET", "/queue").status == 303)
        let login = http.send("POST", "/login", form: ["username": "sato", "password": "sato-password"])
        #expect(login.status == 303 && login.location == "/queue")
        let queue = http.send("GET", "/queue").body
        let key = try #require(Self.capture("data-page=\"([0-9a-f-]+:[0-9]+)\"[^>]*><td class=\"job\">[^\\n]*?<td class=\"file\">a_juminhyo-degraded-03.jpg<", in: queue))
            .replacingOccurrences(of: ":", with: "/")
        let other = try #require(Self.capture("data-page=\"([0-9a-f-]+:[0-9]+)\"[^>]*><td class=\"job\">[^\\n]*?<td class=\"file\">a_juminhyo-clean-02.png<", in: queue))
            .replacingOccurrences(of: ":", with: "/")
        let page = http.send("GET", "/pages/\(key)").body
        #expect(page.contains("<html lang=\"ja\">"))
        let csrf = try #require(Self.capture("name=\"csrf\" value=\"([0-9a-f]{64})\"", in: page))
        let version = try #require(Self.capture("name=\"version\" value=\"([0-9]+)\"", in: page))
        var form = ["csrf": csrf, "version": version]
        for name in Self.captures("<input name=\"field\\.([a-z_]+)\"", in: page) {
            form["field.\(name)"] = Self.capture("<input name=\"field\\.\(name)\" value=\"([^\"]*)\"", in: page) ?? ""
        }
        let address = try #require(form["field.address"], "address is doubtful on this scan")
        form["field.address"] = address + "号室"
        #expect(http.send("POST", "/pages/\(key)/approve", form: form.filter { $0.key != "csrf" }).status == 403)
        let approved = http.send("POST", "/pages/\(key)/approve", form: form)
        #expect(approved.status == 303 && approved.location == "/pages/\(other)", "the next waiting page opens")
        #expect(http.send("POST", "/pages/\(key)/approve", form: form).status == 409)
        let otherPage = http.send("GET", "/pages/\(other)").body
        let otherVersion = try #require(Self.capture("name=\"version\" value=\"([0-9]+)\"", in: otherPage))
        let rejected = http.send("POST", "/pages/\(other)/reject", form: ["csrf": csrf, "version": otherVersion, "reason": "記入漏れのため返却"])
        #expect(rejected.status == 303 && rejected.location == "/queue")
        #expect(http.send("GET", "/queue").body.contains("id=\"queue-empty\""))
        server.stop()

        let second = try job.run(json: true)
        #expect(second.status == 1, "a rejected input counts as invalid: \(second.stderr)")
        // The fields a person checked are keyed work, not automation, in the effect figures.
        let report = try #require(try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any])
        let effect = try #require(report["effect"] as? [String: Any])
        let checked = form.keys.count { $0.hasPrefix("field.") }
        let onPage = Self.captures("<div class=\"field (?:doubtful|accepted)\" data-field=\"([a-z_0-9]+)\"", in: page).count
        #expect(effect["fields_reviewed"] as? Int == checked)
        #expect(effect["fields_automated"] as? Int == onPage - checked)
        let rows = try job.importRows()
        #expect(rows.count == 1)
        #expect(rows.first?.contains(address + "号室") == true)
        #expect(job.files("done").flatMap { job.files("done/\($0)") + [$0] }.contains("a_juminhyo-degraded-03.jpg"))
        #expect(job.files("review").isEmpty)
        #expect(job.files("error").contains("a_juminhyo-clean-02.png"))
        let note = try String(contentsOfFile: job.root.appendingPathComponent("error/a_juminhyo-clean-02.png.error.txt").path, encoding: .utf8)
        #expect(note.contains("記入漏れのため返却") && note.contains("review_rejected"))
        let third = try job.run(json: false)
        #expect(third.status == 0)
        #expect(try job.importRows().count == 1, "exported once")
    }

    @Test("an approved value the import format cannot carry comes back to the queue with the reason; corrected, it is exported")
    func exportRefusedComesBack() throws {
        let job = try RunCommandTests.JobFolder(scans: ["a_juminhyo-degraded-03.jpg"])
        defer { try? FileManager.default.removeItem(at: job.root) }
        #expect(try job.run(json: false).status == 1)
        #expect(try CLIRunner.run(["users", "add", "sato", "--role", "reviewer", "--ledger", job.ledger, "--password-stdin"], input: "sato-password\n").status == 0)
        let server = try ReviewServer(job: job.job, ledger: job.ledger)
        defer { server.stop() }
        let http = HTTPClient(base: server.base)
        _ = http.send("POST", "/login", form: ["username": "sato", "password": "sato-password"])
        func approve(address: (String) -> String) throws {
            let queue = http.send("GET", "/queue").body
            let key = try #require(Self.capture("data-page=\"([0-9a-f-]+:[0-9]+)\"", in: queue)).replacingOccurrences(of: ":", with: "/")
            let page = http.send("GET", "/pages/\(key)").body
            var form = ["csrf": try #require(Self.capture("name=\"csrf\" value=\"([0-9a-f]{64})\"", in: page)),
                        "version": try #require(Self.capture("name=\"version\" value=\"([0-9]+)\"", in: page))]
            for name in Self.captures("<input name=\"field\\.([a-z_]+)\"", in: page) {
                form["field.\(name)"] = Self.capture("<input name=\"field\\.\(name)\" value=\"([^\"]*)\"", in: page) ?? ""
            }
            let read = try #require(form["field.address"])
            form["field.address"] = address(read)
            #expect(http.send("POST", "/pages/\(key)/approve", form: form).status == 303)
        }
        try approve { $0 + "😀" }  // CP932 has no emoji
        #expect(try job.run(json: false).status == 1, "back to review")
        #expect(try job.importRows().isEmpty)
        #expect(job.files("review") == ["a_juminhyo-degraded-03.jpg"], "the scan stays in the review folder, under its name")
        let queue = http.send("GET", "/queue").body
        let key = try #require(Self.capture("data-page=\"([0-9a-f-]+:[0-9]+)\"", in: queue)).replacingOccurrences(of: ":", with: "/")
        let page = http.send("GET", "/pages/\(key)").body
        #expect(page.contains("取込ファイルに書けない値があります"))
        #expect(page.contains("<input name=\"field.address\""))
        try approve { $0.replacingOccurrences(of: "😀", with: "") }
        server.stop()
        #expect(try job.run(json: false).status == 0)
        #expect(try job.importRows().count == 1)
        #expect(job.files("review").isEmpty)
    }

    /// c_tennyu-clean-04.png carries a 個人番号 whose check digit is wrong: a hard rule fails. The
    /// page must reach a person (who corrects a misread or rejects the application), not the error
    /// folder unseen.
    @Test("a page that breaks a hard rule waits in the review queue; its wrong value is refused; corrected, it is exported")
    func invalidPageIsReviewed() throws {
        let job = try RunCommandTests.JobFolder(scans: ["c_tennyu-clean-04.png"], form: "c_tennyu", mapping: "tennyu_fixed")
        defer { try? FileManager.default.removeItem(at: job.root) }
        let first = try job.run(json: false)
        #expect(first.status == 1, "\(first.stderr)")
        #expect(first.stderr.contains("1 invalid"), "counted as invalid: \(first.stderr)")
        #expect(job.files("review") == ["c_tennyu-clean-04.png"], "routed as review: \(job.files("error"))")
        #expect(job.files("error").isEmpty)

        #expect(try CLIRunner.run(["users", "add", "sato", "--role", "reviewer", "--ledger", job.ledger, "--password-stdin"], input: "sato-password\n").status == 0)
        let server = try ReviewServer(job: job.job, ledger: job.ledger)
        defer { server.stop() }
        let http = HTTPClient(base: server.base)
        _ = http.send("POST", "/login", form: ["username": "sato", "password": "sato-password"])
        let queue = http.send("GET", "/queue").body
        let key = try #require(Self.capture("data-page=\"([0-9a-f-]+:[0-9]+)\"", in: queue), "the invalid page is in the queue")
            .replacingOccurrences(of: ":", with: "/")
        let page = http.send("GET", "/pages/\(key)").body
        #expect(page.contains("data-field=\"my_number\""))
        var form = ["csrf": try #require(Self.capture("name=\"csrf\" value=\"([0-9a-f]{64})\"", in: page)),
                    "version": try #require(Self.capture("name=\"version\" value=\"([0-9]+)\"", in: page))]
        for name in Self.captures("<input name=\"field\\.([a-z_]+)\"", in: page) {
            form["field.\(name)"] = Self.capture("<input name=\"field\\.\(name)\" value=\"([^\"]*)\"", in: page) ?? ""
        }
        #expect(form["field.my_number"] != nil, "the 個人番号 is offered for correction")
        let unchanged = http.send("POST", "/pages/\(key)/approve", form: form)
        #expect(unchanged.status == 422, "the value as read still breaks the rule")
        form["field.my_number"] = "123456789018"  // a valid check digit
        #expect(http.send("POST", "/pages/\(key)/approve", form: form).status == 303)
        server.stop()

        #expect(try job.run(json: false).status == 0)
        #expect(job.files("review").isEmpty && job.files("error").isEmpty)
        #expect(job.files("out").count == 1, "exported: \(job.files("out"))")
    }

    @Test("serve --review runs the station beside the jobs and stops on SIGINT")
    func serveWithReview() throws {
        let job = try RunCommandTests.JobFolder(scans: [])
        defer { try? FileManager.default.removeItem(at: job.root) }
        let server = try ReviewServer(arguments: ["serve", job.job, "--ledger", job.ledger, "--lock-dir", job.locks, "--review", "127.0.0.1:0"])
        let http = HTTPClient(base: server.base)
        let login = http.send("GET", "/login")
        #expect(login.status == 200 && login.body.contains("id=\"login-form\""))
        server.stop()
        #expect(server.process.terminationStatus == 0)
    }

    // MARK: - Helpers

    static func capture(_ pattern: String, in text: String) -> String? {
        captures(pattern, in: text).first
    }

    static func captures(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}

/// `yomitori review --listen 127.0.0.1:0`, started and waited for until it prints its address.
final class ReviewServer {
    let process = Process()
    private(set) var base = ""

    convenience init(job: String, ledger: String) throws {
        try self.init(arguments: ["review", job, "--ledger", ledger, "--listen", "127.0.0.1:0"])
    }

    init(arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: CLIRunner.binary)
        process.arguments = arguments
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var seen = ""
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
            if let range = seen.range(of: "review station listening on ") {
                base = String(seen[range.upperBound...].prefix { !$0.isNewline })
                if seen[range.upperBound...].contains("\n") { break }
            }
        }
        guard base.hasPrefix("http://127.0.0.1:") else {
            process.terminate()
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "review station did not start: \(seen)"])
        }
    }

    func stop() {
        guard process.isRunning else { return }
        process.interrupt()
        process.waitUntilExit()
    }
}

/// A tiny synchronous HTTP client that keeps the session cookie and does not follow redirects.
final class HTTPClient: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    struct Response {
        var status: Int
        var location: String?
        var body: String
    }

    private final class ResponseBox: @unchecked Sendable {
        var response = Response(status: 0, location: nil, body: "")
        var cookie: String?
    }

    let base: String
    private var cookie: String?
    private lazy var session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil  // the cookie is sent by hand
        configuration.httpShouldSetCookies = false
        return URLSession(configuration: configuration, delegate: self, delegateQueue: nil)
    }()

    init(base: String) {
        self.base = base
    }

    func send(_ method: String, _ path: String, form: [String: String]? = nil) -> Response {
        var request = URLRequest(url: URL(string: base + path)!)
        request.httpMethod = method
        request.httpShouldHandleCookies = false
        if let cookie { request.setValue(cookie, forHTTPHeaderField: "Cookie") }
        if let form {
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~")
            request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(form.map {
                "\($0.key.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed)!)"
            }.joined(separator: "&").utf8)
        }
        let done = DispatchSemaphore(value: 0)
        let box = ResponseBox()
        session.dataTask(with: request) { data, response, _ in
            if let http = response as? HTTPURLResponse {
                box.response.status = http.statusCode
                box.response.location = http.value(forHTTPHeaderField: "Location")
                if let set = http.value(forHTTPHeaderField: "Set-Cookie") { box.cookie = String(set.split(separator: ";")[0]) }
            }
            box.response.body = String(decoding: data ?? Data(), as: UTF8.self)
            done.signal()
        }.resume()
        done.wait()
        if let cookie = box.cookie { self.cookie = cookie }
        return box.response
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}
