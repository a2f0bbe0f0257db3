import Foundation
import Testing
import WebDriverSupport

/// Issue 7's acceptance: the real `yomitori review` server, driven in real headless Chromium over WebDriver,
/// on pages that a real `yomitori run` of committed sample scans sent to review. Each test builds its own
/// job folder, ledger and server; one chromedriver serves the whole suite.
///
/// Under CI (`CI=true`) a missing chromium or chromedriver fails the suite; elsewhere it is skipped with a
/// message. Run only these: `swift test --skip-build --filter ReviewStationBrowserTests`.
@Suite(
    "Review station in headless Chromium", .serialized, .chromeDriver,
    .enabled(if: Chromium.shouldRun, "chromium and chromedriver are not installed: run scripts/setup"),
    .timeLimit(.minutes(3))
)
struct ReviewStationBrowserTests {
    static let password = "kakunin-2026"
    static let adminPassword = "kanri-nin-2026"

    /// A station with the given scans read, `reviewers` (reviewer role) and `kanri` (administrator) added,
    /// and the server started. Every scan must have gone to review.
    static func station(
        scans: [String], review: [String], doubleEntry: [String] = [], reviewers: [String] = ["suzuki"],
        form: String = "a_juminhyo", mapping: String = "juminhyo_csv"
    ) throws -> ReviewStation {
        let station = try ReviewStation(
            scans: scans, review: review, doubleEntry: doubleEntry, form: form, mapping: mapping)
        let result = try station.run()
        try #require(station.files("review") == scans.sorted(), "every scan went to review: \(result.stdout) \(result.stderr)")
        try #require(try station.importRows().isEmpty, "nothing exported before review")
        for reviewer in reviewers { try station.addUser(reviewer, role: "reviewer", password: password) }
        try station.addUser("kanri", role: "administrator", password: adminPassword)
        try station.startServer()
        return station
    }

    /// Runs `body`; a failure carries the server's log and the browser's page for diagnosis.
    static func diagnosing(
        _ station: ReviewStation, _ browser: BrowserSession?, _ body: () async throws -> Void
    ) async throws {
        do {
            try await body()
        } catch {
            let log = (try? String(contentsOf: station.serverLog, encoding: .utf8)) ?? ""
            var page = ""
            if let browser {
                page = "\(try await browser.currentURL()) (HTTP \(try await browser.responseStatus())): "
                page += String(try await browser.source().prefix(1500))
            }
            Issue.record("server log: \(log.suffix(1500))\nbrowser at \(page)")
            throw error
        }
    }

    // MARK: - Correct, approve, export, audit

    @Test("Log in, open the queue and the page, correct two doubtful fields by keyboard, approve; the next run exports the corrected values; the audit log holds the change")
    func correctApproveExportAudit() async throws {
        let driver = try ChromeDriverTrait.driver()
        // clean-02's 氏名 鈴木 美穂 is read 鉛木 美穂 by Tesseract; 通数 is read right (1) and corrected to 2.
        let scan = "a_juminhyo-clean-02.png"
        let station = try Self.station(scans: [scan], review: ["name", "copies"])
        var readName = ""
        try await driver.withSession { browser in
            try await Self.diagnosing(station, browser) {
                // Without a session every page leads to the login form.
                try await browser.open(station.base + "/queue")
                _ = try await browser.waitFor("form#login-form")
                #expect(try await browser.currentURL().hasSuffix("/login"))
                #expect(try await browser.find("html").attribute("lang") == "ja")

                // Wrong password: the form again with an error, status 401.
                try await browser.find("#username").sendKeys("suzuki")
                try await browser.find("#password").sendKeys("wrong-password")
                try await browser.find("button#login").click()
                _ = try await browser.waitFor(".error")
                #expect(try await browser.responseStatus() == 401)
                #expect(try await browser.exists("form#login-form"))

                try await browser.login(station, user: "suzuki", password: Self.password)
                let session = try await browser.cookieDetails().first { $0["name"]?.string == "yomitori_session" }
                #expect(session?["httpOnly"]?.bool == true, "session cookie is HttpOnly")
                #expect(session?["sameSite"]?.string == "Strict", "session cookie is SameSite=Strict")

                // The queue: one page of job "review", page index 0.
                let rows = try await browser.queueRows()
                #expect(rows.count == 1)
                #expect(rows.first?.job == "review")
                #expect(rows.first?.page.hasSuffix(":0") == true, "\(rows)")

                // The page view: whole scan with highlighted zones, the two doubtful fields with crop,
                // value read, reasons in Japanese and a prefilled input; accepted fields without input.
                // Keyboard only from here: the queue's first link has the focus, Enter opens the page.
                let opened = Date()
                let queueURL = try await browser.currentURL()
                try await browser.type(Key.enter)
                try await browser.waitToLeave(queueURL)
                _ = try await browser.waitFor("form#page-form")
                let pageURL = try await browser.currentURL()
                #expect(pageURL.contains("/pages/"))
                #expect(try await browser.imageLoaded(try await browser.find("img#page-image")), "the registered scan")
                #expect(Set(try await browser.fieldNames(".zone-box")) == ["name", "copies"])
                #expect(try await browser.fieldNames("div.field.doubtful") == ["name", "copies"])
                for field in ["name", "copies"] {
                    let box = try await browser.find("div.field.doubtful[data-field=\"\(field)\"]")
                    #expect(try await browser.imageLoaded(try await box.find("img.crop")), "crop of \(field)")
                    let reasons = try await box.findAll("ul.reasons > li")
                    #expect(!reasons.isEmpty, "reasons for \(field)")
                    for reason in reasons {
                        let text = try await reason.text()
                        #expect(text.unicodeScalars.contains { $0.value >= 0x3040 }, "a Japanese reason: \(text)")
                    }
                    let read = try await box.find(".read-value").text()
                    #expect(try await browser.input(field).value() == read, "\(field)'s input holds the value read")
                }
                readName = try await browser.find("div.field.doubtful[data-field=\"name\"] .read-value").text()
                #expect(try await browser.find("div.field.doubtful[data-field=\"copies\"] .read-value").text() == "1")
                let accepted = try await browser.fieldNames("div.field.accepted")
                #expect(accepted.contains("request_date") && accepted.contains("address"), "\(accepted)")
                #expect(try await browser.findAll("div.field.accepted input").isEmpty, "accepted fields are read-only")
                #expect(try await browser.exists("form#page-form input[name=csrf]"))
                #expect(try await browser.exists("form#page-form input[name=version]"))

                // Keyboard: replace the name, Tab to 通数, replace it, Enter in the last field approves.
                #expect(try await browser.input("name").isFocused(), "the first doubtful input has the focus")
                try await browser.type(Key.control + "a")
                try await browser.type("鈴木 美穂")
                try await browser.type(Key.tab)
                #expect(try await browser.input("copies").isFocused(), "Tab moves to the next doubtful field")
                try await browser.type(Key.control + "a")
                try await browser.type("2")
                try await browser.type(Key.enter)
                try await browser.waitToLeave(pageURL)
                // Nothing is left: the queue, empty.
                _ = try await browser.waitFor("#queue-empty")
                #expect(try await browser.currentURL().contains("/queue"))
                let handled = Date().timeIntervalSince(opened)
                #expect(handled < 15, "a page with two doubtful fields in under 15 s (the checks included): \(handled) s")

                // A reviewer may not read the audit log.
                try await browser.open(station.base + "/admin/audit")
                #expect(try await browser.responseStatus() == 403)
                #expect(try await !browser.exists("table#audit tr.audit-entry"))

                // Logging out ends the session.
                try await browser.find("form#logout-form button#logout").click()
                _ = try await browser.waitFor("form#login-form")
                try await browser.open(station.base + "/queue")
                #expect(try await browser.currentURL().hasSuffix("/login"), "no session after logout")
            }
        }

        // The next run exports the corrected page and moves its scan to the accepted folder.
        let second = try station.run()
        let rows = try station.importRows()
        #expect(rows.count == 1, "the page is exported once: \(second.stdout)")
        let row = try #require(rows.first)
        #expect(row["請求者氏名"] == "鈴木 美穂", "the corrected name: \(row)")
        #expect(row["通数"] == "2", "the corrected 通数: \(row)")
        #expect(row["郵便番号"] == "0309830", "an accepted field as read: \(row)")
        #expect(row["画像"]?.contains("a_juminhyo-clean-02") == true, "\(row)")
        #expect(station.files("done") == [scan], "the scan moved to the accepted folder")
        #expect(!station.files("review").contains(scan))

        // The administrator sees who changed which field from what to what.
        try await driver.withSession { browser in
            try await Self.diagnosing(station, browser) {
                try await browser.login(station, user: "kanri", password: Self.adminPassword)
                try await browser.open(station.base + "/admin/audit")
                #expect(try await browser.responseStatus() == 200)
                let entries = try await browser.auditEntries()
                let corrections = entries.filter { $0["action"] == "correct" }
                let copies = corrections.first { $0["field"]?.contains("copies") == true || $0["field"]?.contains("通数") == true }
                #expect(copies?["from"] == "1" && copies?["to"] == "2", "通数 1 → 2: \(entries)")
                #expect(copies?["user"] == "suzuki")
                #expect(copies?["time"]?.isEmpty == false)
                if readName != "鈴木 美穂" {
                    let name = corrections.first { $0["field"]?.contains("name") == true || $0["field"]?.contains("氏名") == true }
                    #expect(name?["from"] == readName && name?["to"] == "鈴木 美穂", "氏名 \(readName) → 鈴木 美穂: \(entries)")
                }
                #expect(entries.contains { $0["action"] == "approve" && $0["user"] == "suzuki" }, "\(entries)")
                #expect(entries.contains { $0["action"] == "login_failed" }, "the wrong password is logged")
                #expect(entries.contains { $0["action"] == "logout" && $0["user"] == "suzuki" }, "the logout is logged")
            }
        }
    }

    // MARK: - Rules

    @Test("A correction that breaks a rule cannot be saved: 422, .field-error, the typed value kept, nothing exported")
    func ruleBreakingCorrection() async throws {
        let driver = try ChromeDriverTrait.driver()
        let station = try Self.station(scans: ["a_juminhyo-clean-01.png"], review: ["copies"])
        try await driver.withSession { browser in
            try await Self.diagnosing(station, browser) {
                try await browser.login(station, user: "suzuki", password: Self.password)
                _ = try await browser.openFirstQueuedPage(station)
                #expect(try await browser.fieldNames("div.field.doubtful") == ["copies"])
                try await browser.input("copies").click()
                try await browser.type(Key.control + "a")
                try await browser.type("99")  // 通数 must be 1–20
                try await browser.type(Key.control + Key.enter)
                let error = try await browser.waitForAnswer(".field-error[data-field=\"copies\"]")
                #expect(try await browser.responseStatus() == 422)
                let message = try await error.text()
                #expect(message.unicodeScalars.contains { $0.value >= 0x3040 }, "a Japanese message: \(message)")
                #expect(!message.contains("99"), "the message does not quote the value")
                #expect(try await browser.input("copies").value() == "99", "the typed value is kept")
                try await browser.open(station.base + "/queue")
                #expect(try await browser.queueRows().count == 1, "the page still waits")
            }
        }
        try station.run()
        #expect(try station.importRows().isEmpty, "nothing exported")
        #expect(station.files("review") == ["a_juminhyo-clean-01.png"])
        #expect(station.files("done").isEmpty)
    }

    // MARK: - Sessions and CSRF

    @Test("A POST without a session, or with a missing or wrong CSRF token, is refused and changes nothing")
    func refusedWithoutSessionOrCSRF() async throws {
        let station = try Self.station(scans: ["a_juminhyo-clean-01.png"], review: ["copies"])
        try await Self.diagnosing(station, nil) {
            var http = ReviewHTTP(station: station)
            // Without a session: pages lead to the login form.
            let anonymous = try await http.get("/queue")
            #expect(anonymous.status == 303)
            #expect(anonymous.header("Location")?.hasSuffix("/login") == true)

            try await http.login(user: "suzuki", password: Self.password)
            let queue = try await http.get("/queue")
            #expect(queue.status == 200)
            let page = try #require(
                queue.text.range(of: #"data-page="[^"]+""#, options: .regularExpression).map {
                    String(queue.text[$0].dropFirst("data-page=\"".count).dropLast())
                })
            let parts = page.split(separator: ":")
            let path = "/pages/\(parts[0])/\(parts[1])"
            let view = try await http.get(path)
            #expect(view.status == 200)
            let csrf = try #require(ReviewHTTP.hidden("csrf", in: view.text), "the page form's CSRF token")
            let version = ReviewHTTP.hidden("version", in: view.text) ?? ""
            let fields = [("field.copies", "5"), ("version", version)]

            let noSession = try await http.post(path + "/approve", fields + [("csrf", csrf)], cookie: .some(nil))
            #expect(noSession.status == 401 || (noSession.status == 303 && noSession.header("Location")?.hasSuffix("/login") == true),
                    "no session: \(noSession.status)")
            let noToken = try await http.post(path + "/approve", fields)
            #expect(noToken.status == 403, "no CSRF token: \(noToken.status)")
            let wrongToken = try await http.post(path + "/approve", fields + [("csrf", String(csrf.reversed()) + "x")])
            #expect(wrongToken.status == 403, "wrong CSRF token: \(wrongToken.status)")
            let wrongReject = try await http.post(path + "/reject", [("reason", "test"), ("csrf", "0"), ("version", version)])
            #expect(wrongReject.status == 403, "reject with a wrong CSRF token: \(wrongReject.status)")

            // Nothing changed: the page still waits, and the next run exports nothing.
            #expect(try await http.get("/queue").text.contains("data-page=\"\(page)\""))
            try station.run()
            #expect(try station.importRows().isEmpty)
            #expect(station.files("review") == ["a_juminhyo-clean-01.png"])

            // The same request with the right token is taken: the refusals were for the session and token.
            // A crafted value for an accepted (read-only) field is ignored.
            let right = try await http.post(path + "/approve", fields + [("csrf", csrf), ("field.address", "改ざん住所")])
            #expect(right.status == 303, "with the right token: \(right.status) \(right.text.prefix(300))")
            try station.run()
            let rows = try station.importRows()
            #expect(rows.map { $0["通数"] } == ["5"])
            #expect(rows.first?["住所"]?.hasPrefix("広島県広島市中区") == true, "an accepted field cannot be changed: \(rows)")
        }
    }

    // MARK: - Two reviewers

    @Test("Two reviewers approve the same page at once: exactly one succeeds and gets the next page, the other sees #conflict; exported once")
    func twoReviewersOneApproval() async throws {
        let driver = try ChromeDriverTrait.driver()
        let scans = ["a_juminhyo-clean-01.png", "a_juminhyo-clean-03.png"]
        let station = try Self.station(scans: scans, review: ["copies"], reviewers: ["sato", "tanaka"])
        try await driver.withSession { sato in
            try await driver.withSession { tanaka in
                try await Self.diagnosing(station, sato) {
                    try await sato.login(station, user: "sato", password: Self.password)
                    try await tanaka.login(station, user: "tanaka", password: Self.password)
                    let first = try await sato.openFirstQueuedPage(station)
                    #expect(try await tanaka.openFirstQueuedPage(station) == first, "both on the oldest page")
                    let url = try await sato.currentURL()
                    #expect(try await tanaka.currentURL() == url)

                    // Both press Ctrl+Enter at the same moment.
                    async let a: Void = sato.type(Key.control + Key.enter)
                    async let b: Void = tanaka.type(Key.control + Key.enter)
                    _ = try await (a, b)
                    var outcomes: [String] = []
                    for browser in [sato, tanaka] {
                        try await browser.waitUntil("an answer", timeout: 15) {
                            if try await browser.exists("#conflict") { return true }
                            return try await browser.currentURL() != url
                        }
                        if try await browser.exists("#conflict") {
                            #expect(try await browser.responseStatus() == 409)
                            outcomes.append("conflict")
                        } else {
                            // The next waiting page opens at once.
                            let next = try await browser.currentURL()
                            #expect(next.contains("/pages/") && !next.hasSuffix("/approve"), "\(next)")
                            #expect(next != url, "another page than the one approved")
                            #expect(try await browser.exists("form#page-form"))
                            outcomes.append("approved")
                        }
                    }
                    #expect(outcomes.sorted() == ["approved", "conflict"], "\(outcomes)")
                }
            }
        }
        try station.run()
        let rows = try station.importRows()
        #expect(rows.count == 1, "the page is in the import file once: \(rows)")
        #expect(station.files("done").count == 1)
        #expect(station.files("review").count == 1, "the other page still waits")
    }

    // MARK: - Double entry

    @Test("Double entry: the input starts empty without the OCR value; a mismatch is asked again; the OCR value, or the same entry twice, is taken")
    func doubleEntry() async throws {
        let driver = try ChromeDriverTrait.driver()
        // 郵便番号 on the paper (and as Tesseract reads it) by the 通数 prefilled on the page.
        let postalByCopies = ["3": (file: "a_juminhyo-clean-01.png", postal: "6033922"),
                              "2": (file: "a_juminhyo-clean-03.png", postal: "4058044")]
        let station = try Self.station(
            scans: postalByCopies.values.map(\.file), review: ["postal_code", "copies"], doubleEntry: ["postal_code"])
        var first = (file: "", postal: ""), second = (file: "", postal: "")
        try await driver.withSession { browser in
            try await Self.diagnosing(station, browser) {
                try await browser.login(station, user: "suzuki", password: Self.password)
                _ = try await browser.openFirstQueuedPage(station)
                let pageURL = try await browser.currentURL()
                #expect(try await browser.fieldNames("div.field.doubtful") == ["postal_code", "copies"])
                let postal = try await browser.input("postal_code")
                #expect(try await postal.value() == "", "a double-entry input starts empty")
                #expect(try await postal.attribute("data-double-entry") != nil)
                let copies = try await browser.input("copies").value()
                first = try #require(postalByCopies[copies], "a plain field is prefilled with the value read: \(copies)")
                second = try #require(postalByCopies.values.first { $0.file != first.file })
                let box = try await browser.find("div.field.doubtful[data-field=\"postal_code\"]")
                #expect(try await !box.text().contains(first.postal), "the OCR value is not shown")
                #expect(try await !browser.source().contains(first.postal), "nor anywhere in the page")

                // A mismatching entry; Enter moves to 通数, Enter there approves → asked again.
                try await postal.click()
                try await browser.type(String(first.postal.dropLast()) + (first.postal.hasSuffix("1") ? "2" : "1"))
                try await browser.type(Key.enter)
                #expect(try await browser.input("copies").isFocused(), "Enter moves to the next doubtful field")
                try await browser.type(Key.enter)
                _ = try await browser.waitForAnswer(".field-error[data-field=\"postal_code\"]")
                #expect(try await browser.responseStatus() == 422)
                #expect(try await browser.input("postal_code").value() == "", "the input is emptied")

                // The value on the paper (which the OCR read too) is taken; the next page opens at once.
                try await browser.input("postal_code").click()
                try await browser.type(first.postal)
                let refusedURL = try await browser.currentURL()
                try await browser.type(Key.control + Key.enter)
                try await browser.waitToLeave(refusedURL)
                let nextForm = try await browser.waitFor("form#page-form input[data-double-entry]", timeout: 15)
                let nextURL = try await browser.currentURL()
                #expect(nextURL != pageURL && !nextURL.hasSuffix("/approve"), "the next page: \(nextURL)")

                // On the next page the clerk types another value than the OCR's twice: two entries agree.
                try await nextForm.click()
                try await browser.type("1000001")
                try await browser.type(Key.control + Key.enter)
                _ = try await browser.waitForAnswer(".field-error[data-field=\"postal_code\"]")
                #expect(try await browser.input("postal_code").value() == "")
                try await browser.input("postal_code").click()
                try await browser.type("1000001")
                try await browser.type(Key.control + Key.enter)
                _ = try await browser.waitFor("#queue-empty", timeout: 15)
            }
        }
        try station.run()
        let rows = try station.importRows()
        #expect(rows.count == 2, "\(rows)")
        let postalByFile = Dictionary(rows.map { ($0["画像"] ?? "", $0["郵便番号"] ?? "") }, uniquingKeysWith: { a, _ in a })
        #expect(postalByFile.first { $0.key.contains(first.file) }?.value == first.postal, "\(rows)")
        #expect(postalByFile.first { $0.key.contains(second.file) }?.value == "1000001", "\(rows)")
    }

    // MARK: - Sensitive fields

    @Test("個人番号: masked on the page and in the audit log, a wrong check digit refused, the real value exported")
    func sensitiveField() async throws {
        let driver = try ChromeDriverTrait.driver()
        let station = try Self.station(
            scans: ["c_tennyu-clean-01.png"], review: ["my_number"], form: "c_tennyu", mapping: "all_forms_jsonl")
        let corrected = "123456789018"  // a valid 個人番号 (check digit 8)
        var read = ""
        try await driver.withSession { browser in
            try await Self.diagnosing(station, browser) {
                try await browser.login(station, user: "suzuki", password: Self.password)
                _ = try await browser.openFirstQueuedPage(station)
                #expect(try await browser.fieldNames("div.field.doubtful").contains("my_number"))
                read = try await browser.input("my_number").value()
                #expect(read.count == 12, "the input holds the value read, to be confirmed: \(read.count) characters")
                let shown = try await browser.find("div.field.doubtful[data-field=\"my_number\"] .read-value").text()
                #expect(shown == "********" + read.suffix(4), "the read value is masked")
                let visible = try await browser.execute("return document.body.innerText").string ?? ""
                #expect(!visible.contains(read), "the full number is nowhere in the page's text")

                // A wrong check digit cannot be saved.
                try await browser.input("my_number").click()
                try await browser.type(Key.control + "a")
                try await browser.type("123456789012")
                try await browser.type(Key.control + Key.enter)
                let error = try await browser.waitForAnswer(".field-error[data-field=\"my_number\"]")
                #expect(try await browser.responseStatus() == 422)
                #expect(try await !error.text().contains("123456789012"), "the message does not quote the number")

                try await browser.input("my_number").click()
                try await browser.type(Key.control + "a")
                try await browser.type(corrected)
                try await browser.type(Key.control + Key.enter)
                _ = try await browser.waitFor("#queue-empty", timeout: 15)
            }
        }
        try station.run()
        let objects = try station.importObjects()
        #expect(objects.count == 1)
        let fields = try #require(objects.first?["fields"] as? [String: Any], "\(objects)")
        #expect(fields["my_number"] as? String == corrected, "the import file holds the real value")

        try await driver.withSession { browser in
            try await Self.diagnosing(station, browser) {
                try await browser.login(station, user: "kanri", password: Self.adminPassword)
                try await browser.open(station.base + "/admin/audit")
                let entries = try await browser.auditEntries()
                let change = entries.first { $0["action"] == "correct" && $0["field"] == "my_number" }
                #expect(change?["from"] == "********" + read.suffix(4), "\(entries)")
                #expect(change?["to"] == "********9018", "\(entries)")
                let text = try await browser.execute("return document.body.innerText").string ?? ""
                #expect(!text.contains(corrected) && !text.contains(read), "no 個人番号 in the audit page")
            }
        }
    }

    // MARK: - Reject

    @Test("F9 goes to the reject reason; an empty reason is refused; Enter rejects; the next run moves the scan to the error folder")
    func rejectWithReason() async throws {
        let driver = try ChromeDriverTrait.driver()
        let scan = "a_juminhyo-clean-01.png"
        let station = try Self.station(scans: [scan], review: ["copies"])
        try await driver.withSession { browser in
            try await Self.diagnosing(station, browser) {
                try await browser.login(station, user: "suzuki", password: Self.password)
                _ = try await browser.openFirstQueuedPage(station)
                try await browser.input("copies").click()
                try await browser.type(Key.f9)
                #expect(try await browser.find("input#reject-reason").isFocused(), "F9 focuses the reject reason")
                try await browser.type(Key.enter)
                _ = try await browser.waitForAnswer(".field-error[data-field=\"reason\"]")
                #expect(try await browser.responseStatus() == 422)
                try await browser.type(Key.f9)
                try await browser.type("申請者の署名がありません")
                try await browser.type(Key.enter)
                _ = try await browser.waitFor("#queue-empty", timeout: 15)
            }
        }
        try station.run()
        #expect(try station.importRows().isEmpty, "a rejected page is not exported")
        #expect(station.files("error").contains(scan), "\(station.files("error"))")
        let note = try String(contentsOfFile: "\(station.path)/error/\(scan).error.txt", encoding: .utf8)
        #expect(note.contains("review_rejected"), "\(note)")
        #expect(station.files("review").isEmpty)
    }
}
