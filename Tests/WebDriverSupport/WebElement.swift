/// An element of the page a `BrowserSession` shows; stale once that page is left.
public struct WebElement: Sendable {
    /// The W3C key under which elements travel in JSON.
    static let referenceKey = "element-6066-11e4-a52e-4f735466cecf"

    public let id: String
    let session: BrowserSession

    init(reference: JSONValue, session: BrowserSession) throws {
        guard let id = reference[Self.referenceKey]?.string else {
            throw WebDriverError(code: WebDriverError.protocol, message: "not an element reference: \(reference)")
        }
        self.id = id
        self.session = session
    }

    /// This element as a script argument.
    public var reference: JSONValue { [Self.referenceKey: .string(id)] }

    @discardableResult
    private func command(_ method: String, _ path: String, _ body: JSONValue? = nil) async throws -> JSONValue {
        try await session.command(method, "/element/\(id)\(path)", body)
    }

    public func click() async throws { try await command("POST", "/click") }

    /// Focuses the element and types `keys` into it (`Key.tab`, `Key.enter` … included).
    public func sendKeys(_ keys: String) async throws { try await command("POST", "/value", ["text": .string(keys)]) }

    public func clear() async throws { try await command("POST", "/clear") }

    /// The rendered text.
    public func text() async throws -> String { try await command("GET", "/text").string ?? "" }

    /// An HTML attribute, or nil when it is absent.
    public func attribute(_ name: String) async throws -> String? {
        try await command("GET", "/attribute/\(name)").string
    }

    /// A DOM property (`value`, `checked`, `naturalWidth`, …).
    public func property(_ name: String) async throws -> JSONValue { try await command("GET", "/property/\(name)") }

    /// The current `value` of an input.
    public func value() async throws -> String { try await property("value").string ?? "" }

    public func tagName() async throws -> String { try await command("GET", "/name").string ?? "" }

    public func isDisplayed() async throws -> Bool { try await command("GET", "/displayed").bool ?? false }

    /// The first descendant matching a CSS selector.
    public func find(_ css: String) async throws -> WebElement {
        let value = try await command("POST", "/element", ["using": "css selector", "value": .string(css)])
        return try WebElement(reference: value, session: session)
    }

    /// Every descendant matching a CSS selector.
    public func findAll(_ css: String) async throws -> [WebElement] {
        let value = try await command("POST", "/elements", ["using": "css selector", "value": .string(css)])
        return try (value.array ?? []).map { try WebElement(reference: $0, session: session) }
    }

    /// Whether this element has the keyboard focus.
    public func isFocused() async throws -> Bool {
        try await session.execute("return document.activeElement === arguments[0]", [reference]).bool ?? false
    }
}
