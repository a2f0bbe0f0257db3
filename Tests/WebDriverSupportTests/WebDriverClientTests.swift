import Foundation
import Testing
import WebDriverSupport
#if canImport(Glibc)
import Glibc
#endif

/// The WebDriver client against real headless Chromium, on a `data:` URL and a small static site.
@Suite(
    "WebDriver client (headless Chromium)", .serialized, .chromeDriver,
    .enabled(if: Chromium.shouldRun, "chromium and chromedriver are not installed: run scripts/setup")
)
struct WebDriverClientTests {
    static func dataURL(_ html: String) -> String {
        "data:text/html;charset=utf-8," + html.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    }

    @Test("A data: page: text, attributes, properties, several elements, scripts, a missing element")
    func dataPage() async throws {
        let driver = try ChromeDriverTrait.driver()
        try await driver.withSession { browser in
            try await browser.open(Self.dataURL("""
                <html lang="ja"><head><title>読取</title></head><body>
                <p id="x" data-field="name" class="field doubtful">山田 太郎</p>
                <ul><li>一</li><li>二</li><li>三</li></ul>
                <input id="i" value="既定値"></body></html>
                """))
            #expect(try await browser.title() == "読取")
            let p = try await browser.find("#x")
            #expect(try await p.text() == "山田 太郎")
            #expect(try await p.attribute("data-field") == "name")
            #expect(try await p.attribute("nothing") == nil)
            #expect(try await p.tagName() == "p")
            #expect(try await browser.findAll("ul > li").count == 3)
            #expect(try await browser.find("ul").findAll("li").count == 3)
            #expect(try await browser.find("#i").value() == "既定値")
            #expect(try await browser.execute("return 6 * 7").int == 42)
            #expect(try await browser.execute("return arguments[0].id", [p.reference]).string == "x")
            #expect(try await !browser.exists("#missing"))
            do {
                _ = try await browser.find("#missing")
                Issue.record("found an element that does not exist")
            } catch let error as WebDriverError {
                #expect(error.code == WebDriverError.noSuchElement)
            }
            await #expect(throws: WebDriverError.self) { try await browser.waitFor("#missing", timeout: 0.3) }
            let png = try await browser.screenshot()
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG")
        }
    }

    @Test("Typing: Japanese text, Tab and Enter move the focus, F9, Ctrl+Enter submits the form")
    func keyboard() async throws {
        let driver = try ChromeDriverTrait.driver()
        let site = try StaticSite(pages: ["index.html": StaticSite.keyboardPage, "done.html": StaticSite.donePage])
        defer { site.stop() }
        try await driver.withSession { browser in
            try await browser.open(site.base + "/index.html")
            #expect(try await browser.responseStatus() == 200)
            let a = try await browser.find("#a")
            try await a.sendKeys("山田 太郎")
            #expect(try await a.value() == "山田 太郎")
            #expect(try await a.isFocused())
            try await browser.type(Key.tab)
            #expect(try await browser.find("#b").isFocused(), "Tab moved on")
            try await browser.type("12")
            try await browser.type(Key.f9)
            #expect(try await browser.find("#reason").isFocused(), "F9 went to the reason")
            try await a.click()
            try await browser.type(Key.control + "a")
            try await browser.type("鈴木 美穂")
            #expect(try await a.value() == "鈴木 美穂", "Ctrl+A selected the old text and typing replaced it")
            try await browser.type(Key.enter)
            #expect(try await browser.find("#b").isFocused(), "Enter moved on")
            let log = try await browser.findAll("#log li")
            var keys: [String] = []
            for item in log { keys.append(try await item.text()) }
            #expect(keys.contains("Tab") && keys.contains("F9") && keys.contains("Enter"), "\(keys)")
            #expect(try await browser.cookies()["visited"] != nil)
            try await browser.type(Key.control + Key.enter)
            _ = try await browser.waitFor("#done")
            let url = try await browser.currentURL()
            #expect(url.contains("done.html?"), "\(url)")
            #expect(url.contains("b=12"), "\(url)")
            #expect(url.contains("a=%E9%88%B4%E6%9C%A8"), "the Japanese value was submitted: \(url)")
            try await browser.open(site.base + "/missing.html")
            #expect(try await browser.responseStatus() == 404)
        }
    }

    @Test("Two sessions are two browsers: separate cookies")
    func twoSessions() async throws {
        let driver = try ChromeDriverTrait.driver()
        let site = try StaticSite(pages: ["index.html": StaticSite.keyboardPage, "done.html": StaticSite.donePage])
        defer { site.stop() }
        try await driver.withSession { first in
            try await driver.withSession { second in
                try await first.open(site.base + "/index.html")
                try await second.open(site.base + "/done.html")
                #expect(try await first.cookies()["visited"] != nil)
                #expect(try await second.cookies()["visited"] == nil, "the second browser never ran the page's script")
            }
        }
    }

    @Test("stop() kills the driver and every browser it started; a quit session is gone")
    func teardown() async throws {
        let driver = try await ChromeDriver.start()
        let session = try await driver.newSession()
        try await session.open("data:text/html,<p>x</p>")
        #expect(driver.isAlive)
        #expect(!driver.browserProcessIDs().isEmpty, "the browser runs with the driver's profile")
        driver.stop()
        #expect(!driver.isAlive, "no process of the driver's group is left")
        #expect(driver.browserProcessIDs().isEmpty, "no browser is left")
        await #expect(throws: WebDriverError.self) { try await session.title() }
        driver.stop()  // twice is fine
    }

    @Test("LoopbackHTTP: a redirect is returned, not followed; headers, bodies and refused hosts")
    func loopbackHTTP() async throws {
        let site = try StaticSite(pages: ["index.html": StaticSite.donePage])
        defer { site.stop() }
        try FileManager.default.createDirectory(
            at: site.folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let redirect = try await LoopbackHTTP.send("GET", URL(string: site.base + "/sub")!)
        #expect(redirect.status == 301)
        #expect(redirect.header("location") == "/sub/")
        let page = try await LoopbackHTTP.send("GET", URL(string: site.base + "/index.html")!)
        #expect(page.status == 200)
        #expect(page.text.contains("送信しました"))
        #expect(page.header("Content-Type")?.hasPrefix("text/html") == true)
        let post = try await LoopbackHTTP.postForm(URL(string: site.base + "/index.html")!, fields: [("a", "山 田")])
        #expect(post.status == 501, "python's http.server has no POST")
        #expect(LoopbackHTTP.formEncode([("field.name", "鈴木 美穂"), ("csrf", "a+b/c=")])
            == "field.name=%E9%88%B4%E6%9C%A8+%E7%BE%8E%E7%A9%82&csrf=a%2Bb%2Fc%3D")
        await #expect(throws: WebDriverError.self) {
            try await LoopbackHTTP.send("GET", URL(string: "http://192.0.2.1/")!)
        }
    }
}
