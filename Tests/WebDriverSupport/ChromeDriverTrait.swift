public import Testing

/// A suite trait that starts one chromedriver for the whole suite and stops it (with every browser) after
/// the suite's last test: `@Suite(.chromeDriver)`, then `try ChromeDriverTrait.driver()` in a test.
///
/// When chromium or chromedriver is missing, starting fails and so does the suite — pair it with
/// `.enabled(if: Chromium.shouldRun, …)` so that outside CI the suite is skipped instead.
public struct ChromeDriverTrait: SuiteTrait, TestScoping {
    @TaskLocal static var current: ChromeDriver?

    public var isRecursive: Bool { false }

    public func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        if Self.current != nil {
            try await function()
            return
        }
        let driver = try await ChromeDriver.start()
        defer { driver.stop() }
        try await Self.$current.withValue(driver) { try await function() }
    }

    /// The suite's driver; inside a suite without the trait, a failure that says so.
    public static func driver() throws -> ChromeDriver {
        guard let current else {
            throw WebDriverError(code: WebDriverError.driverStart, message: "no chromedriver: add .chromeDriver to the suite")
        }
        return current
    }
}

extension Trait where Self == ChromeDriverTrait {
    /// One chromedriver for the suite, stopped after it.
    public static var chromeDriver: Self { ChromeDriverTrait() }
}
