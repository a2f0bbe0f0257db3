import Foundation
import Testing
import WebDriverSupport

/// What a clerk does in the review station, in WebDriver steps (element ids and classes from the review
/// station's HTML contract).
extension BrowserSession {
    /// Logs in through `form#login-form` and waits for the queue.
    func login(_ station: ReviewStation, user: String, password: String) async throws {
        try await open(station.base + "/login")
        try await waitFor("form#login-form").find("#username").sendKeys(user)
        try await find("#password").sendKeys(password)
        try await find("button#login").click()
        try await waitUntil("the queue after logging in as \(user)", timeout: 15) {
            try await currentURL().contains("/queue")
        }
    }

    /// The queue's rows: `data-page` ("INPUTID:PAGE") and `data-job`.
    func queueRows() async throws -> [(page: String, job: String)] {
        var rows: [(page: String, job: String)] = []
        for row in try await findAll("table#queue tr.queue-item") {
            rows.append((try await row.attribute("data-page") ?? "", try await row.attribute("data-job") ?? ""))
        }
        return rows
    }

    /// Opens the queue and follows the first row's `a.open` link to the page view.
    @discardableResult
    func openFirstQueuedPage(_ station: ReviewStation) async throws -> String {
        try await open(station.base + "/queue")
        let row = try await waitFor("table#queue tr.queue-item")
        let page = try await row.attribute("data-page") ?? ""
        try await row.find("a.open").click()
        _ = try await waitFor("form#page-form", timeout: 15)
        return page
    }

    /// The `data-field` names of the elements matching `css`, in page order.
    func fieldNames(_ css: String) async throws -> [String] {
        var names: [String] = []
        for element in try await findAll(css) { names.append(try await element.attribute("data-field") ?? "") }
        return names
    }

    /// The correction input of a doubtful field.
    func input(_ field: String) async throws -> WebElement {
        try await find("form#page-form input[name=\"field.\(field)\"]")
    }

    /// Whether an `<img>` has loaded a real picture (natural width above zero).
    func imageLoaded(_ image: WebElement) async throws -> Bool {
        try await execute("return arguments[0].complete && arguments[0].naturalWidth > 0", [image.reference]).bool ?? false
    }

    /// Waits until the browser has left `url` (a form was submitted and answered).
    func waitToLeave(_ url: String, timeout: TimeInterval = 15) async throws {
        try await waitUntil("leaving \(url)", timeout: timeout) { try await currentURL() != url }
    }

    /// Waits for the answer to a page-form submission that stays on the same URL (422, 409): the
    /// document's navigation entry changes, so wait until an element of the answer shows up.
    func waitForAnswer(_ css: String, timeout: TimeInterval = 15) async throws -> WebElement {
        try await waitFor(css, timeout: timeout)
    }

    /// The text of every element matching `css`.
    func texts(_ css: String) async throws -> [String] {
        var texts: [String] = []
        for element in try await findAll(css) { texts.append(try await element.text()) }
        return texts
    }
}

/// The audit table of `/admin/audit`, one dictionary per `tr.audit-entry` (time, user, page, field, from,
/// to, action).
extension BrowserSession {
    func auditEntries() async throws -> [[String: String]] {
        let rows: JSONValue = try await execute("""
            return Array.from(document.querySelectorAll('table#audit tr.audit-entry')).map(tr => {
              const cell = (c) => { const td = tr.querySelector('td.' + c); return td ? td.textContent.trim() : ''; };
              return {time: cell('time'), user: cell('user'), page: cell('page'), field: cell('field'),
                      from: cell('from'), to: cell('to'), action: cell('action')};
            });
            """)
        return (rows.array ?? []).map { row in (row.object ?? [:]).compactMapValues(\.string) }
    }
}

/// Raw HTTP with a session cookie, for the requests a browser would never send (no session, a wrong CSRF
/// token).
struct ReviewHTTP {
    let station: ReviewStation
    var cookie: String?

    /// `name="csrf" value="…"` (either attribute order) of the first form in `html`.
    static func hidden(_ name: String, in html: String) -> String? {
        let pattern = #"<input[^>]*name="\#(name)"[^>]*>"#
        guard let tag = html.range(of: pattern, options: .regularExpression).map({ String(html[$0]) }),
              let value = tag.range(of: #"value="[^"]*""#, options: .regularExpression)
        else { return nil }
        return String(tag[value].dropFirst("value=\"".count).dropLast())
            .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#43;", with: "+").replacingOccurrences(of: "&#x2B;", with: "+")
    }

    /// The `name=value` part of a `Set-Cookie` header for `name`.
    static func cookie(_ name: String, in response: LoopbackHTTP.Response) -> String? {
        response.headers(named: "Set-Cookie").first { $0.hasPrefix(name + "=") }
            .map { String($0.prefix { $0 != ";" }) }
    }

    func get(_ path: String) async throws -> LoopbackHTTP.Response {
        try await LoopbackHTTP.send("GET", station.url(path), headers: cookie.map { ["Cookie": $0] } ?? [:])
    }

    func post(_ path: String, _ fields: [(String, String)], cookie override: String?? = .none) async throws
        -> LoopbackHTTP.Response
    {
        let jar: String? = switch override {
        case .none: cookie
        case .some(let given): given
        }
        return try await LoopbackHTTP.postForm(station.url(path), fields: fields, cookie: jar)
    }

    /// Logs in as a browser would: GET the form (its CSRF token and any pre-session cookie), POST it.
    mutating func login(user: String, password: String) async throws {
        let form = try await get("/login")
        var fields = [("username", user), ("password", password)]
        if let csrf = Self.hidden("csrf", in: form.text) { fields.append(("csrf", csrf)) }
        let preSession = form.headers(named: "Set-Cookie").map { String($0.prefix { $0 != ";" }) }
        let answer = try await post("/login", fields, cookie: preSession.isEmpty ? nil : preSession.joined(separator: "; "))
        try #require(answer.status == 303, "POST /login: \(answer.status) \(answer.text.prefix(300))")
        let session = Self.cookie("yomitori_session", in: answer)
        try #require(session != nil, "a session cookie: \(answer.headers)")
        cookie = session
    }
}
