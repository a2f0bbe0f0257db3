/// A WebDriver command that failed, or a browser that could not be started.
///
/// `code` is the W3C error code (`no such element`, `timeout`, …) for errors the driver reported, or one
/// of this module's own codes (`browser missing`, `driver start`, `transport`, `protocol`) otherwise.
public struct WebDriverError: Error, Sendable, CustomStringConvertible {
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "WebDriver \(code): \(message)" }

    /// W3C: no element matches the selector.
    public static let noSuchElement = "no such element"
    /// This module: chromium or chromedriver is not installed.
    public static let browserMissing = "browser missing"
    /// This module: chromedriver did not start or did not become ready.
    public static let driverStart = "driver start"
    /// This module: the HTTP request to chromedriver failed.
    public static let transport = "transport"
    /// This module: chromedriver answered something that is not a W3C response.
    public static let `protocol` = "protocol"
    /// This module: a wait for a condition ran out of time.
    public static let waitTimeout = "wait timeout"
}
