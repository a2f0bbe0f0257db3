public import Foundation

/// One browser (a W3C WebDriver session): navigation, elements by CSS selector, keys, scripts, cookies.
///
/// Each session is its own browser with its own cookies, so two sessions are two clerks.
public final class BrowserSession: Sendable {
    public let id: String
    let wire: WireClient

    init(id: String, wire: WireClient) {
        self.id = id
        self.wire = wire
    }

    @discardableResult
    func command(_ method: String, _ path: String, _ body: JSONValue? = nil) async throws -> JSONValue {
        try await wire.send(method, "/session/\(id)\(path)", body)
    }

    // MARK: - Navigation

    /// Opens `url` and waits for the page to load.
    public func open(_ url: String) async throws { try await command("POST", "/url", ["url": .string(url)]) }

    public func currentURL() async throws -> String { try await command("GET", "/url").string ?? "" }

    public func title() async throws -> String { try await command("GET", "/title").string ?? "" }

    public func back() async throws { try await command("POST", "/back") }

    /// The page's HTML as the browser holds it now.
    public func source() async throws -> String { try await command("GET", "/source").string ?? "" }

    /// The HTTP status of the document now shown (Navigation Timing's `responseStatus`; 0 when unknown).
    public func responseStatus() async throws -> Int {
        try await execute("return performance.getEntriesByType('navigation')[0]?.responseStatus ?? 0").int ?? 0
    }

    // MARK: - Elements

    /// The first element matching a CSS selector; throws `no such element` when there is none.
    public func find(_ css: String) async throws -> WebElement {
        let value = try await command("POST", "/element", ["using": "css selector", "value": .string(css)])
        return try WebElement(reference: value, session: self)
    }

    /// Every element matching a CSS selector (possibly none).
    public func findAll(_ css: String) async throws -> [WebElement] {
        let value = try await command("POST", "/elements", ["using": "css selector", "value": .string(css)])
        return try (value.array ?? []).map { try WebElement(reference: $0, session: self) }
    }

    /// Whether an element matches a CSS selector now.
    public func exists(_ css: String) async throws -> Bool { try await !findAll(css).isEmpty }

    /// Waits until an element matches a CSS selector and returns it.
    public func waitFor(_ css: String, timeout: TimeInterval = 10) async throws -> WebElement {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let element = try await findAll(css).first { return element }
            if Date() >= deadline {
                throw WebDriverError(
                    code: WebDriverError.waitTimeout,
                    message: "no \(css) after \(timeout) s at \((try? await currentURL()) ?? "?")")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// Waits until `condition` holds (polled every 100 ms).
    public func waitUntil(
        _ what: String, timeout: TimeInterval = 10, _ condition: () async throws -> Bool
    ) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while try await !condition() {
            if Date() >= deadline {
                throw WebDriverError(code: WebDriverError.waitTimeout, message: "\(what) after \(timeout) s")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// The element that has the keyboard focus.
    public func activeElement() async throws -> WebElement {
        try WebElement(reference: try await command("GET", "/element/active"), session: self)
    }

    // MARK: - Keyboard

    /// Types `keys` into whatever has the focus, as a person at the keyboard would. `Key.control` and the other
    /// modifiers stay down until the end of `keys`: `Key.control + Key.enter` is Ctrl+Enter.
    public func type(_ keys: String) async throws {
        var actions: [JSONValue] = []
        var held: [String] = []
        for character in keys {
            let key = String(character)
            if Key.modifiers.contains(key) {
                actions.append(["type": "keyDown", "value": .string(key)])
                held.append(key)
            } else {
                actions.append(["type": "keyDown", "value": .string(key)])
                actions.append(["type": "keyUp", "value": .string(key)])
            }
        }
        for key in held.reversed() { actions.append(["type": "keyUp", "value": .string(key)]) }
        try await command("POST", "/actions", [
            "actions": [["type": "key", "id": "keyboard", "actions": .array(actions)]]
        ])
        try await command("DELETE", "/actions")
    }

    // MARK: - Scripts, cookies, screenshots

    /// Runs JavaScript in the page (`return …` gives a value); `arguments` may hold elements' references.
    @discardableResult
    public func execute(_ script: String, _ arguments: [JSONValue] = []) async throws -> JSONValue {
        try await command("POST", "/execute/sync", ["script": .string(script), "args": .array(arguments)])
    }

    /// The cookies the browser holds for the current page: name → value.
    public func cookies() async throws -> [String: String] {
        var cookies: [String: String] = [:]
        for cookie in try await command("GET", "/cookie").array ?? [] {
            if let name = cookie["name"]?.string { cookies[name] = cookie["value"]?.string ?? "" }
        }
        return cookies
    }

    /// The raw cookie objects (name, value, httpOnly, sameSite, …).
    public func cookieDetails() async throws -> [JSONValue] { try await command("GET", "/cookie").array ?? [] }

    /// A PNG of the viewport.
    public func screenshot() async throws -> Data {
        guard let base64 = try await command("GET", "/screenshot").string, let data = Data(base64Encoded: base64) else {
            throw WebDriverError(code: WebDriverError.protocol, message: "screenshot: not base64")
        }
        return data
    }

    /// Ends the session and closes its browser.
    public func quit() async throws { _ = try await wire.send("DELETE", "/session/\(id)") }
}
