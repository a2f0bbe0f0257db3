import Foundation
import HTTPTypes
import NIOCore
import Testing
import YomitoriLedger
import YomitoriReview
import YomitoriReviewWeb

@Suite("Review station routes (live server on loopback)")
struct ReviewWebTests {
    /// The station over the fixture, with a reviewer `sato`, a reviewer `suzuki` and an administrator `admin`.
    static func station(_ fixture: ReviewFixture) async throws -> ReviewStation {
        let users = UserDirectory(ledger: fixture.ledger, hasher: PasswordHasher(cost: 4))
        try await users.add(name: "sato", role: .reviewer, password: "sato-password")
        try await users.add(name: "suzuki", role: .reviewer, password: "suzuki-password")
        try await users.add(name: "admin", role: .administrator, password: "admin-password")
        return ReviewStation(service: fixture.service(), users: users)
    }

    static func form(_ values: [String: String]) -> ByteBuffer {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let text = values.map { "\($0.key.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed)!)" }
            .joined(separator: "&")
        return ByteBuffer(string: text)
    }

    static let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    /// Logs in and returns the cookie header value.
    static func login(_ client: LiveClient, _ user: String) async throws -> String {
        let response = try await client.execute(uri: "/login", method: .post, headers: formHeaders,
                                                body: form(["username": user, "password": "\(user)-password"]))
        #expect(response.status == .seeOther)
        #expect(response.headers[.location] == "/queue")
        let cookie = try #require(response.headers[.setCookie])
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
        return String(cookie.split(separator: ";")[0])
    }

    static func capture(_ pattern: String, in text: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range(at: 1), in: text) else { return nil }
        return String(text[range])
    }

    @Test("no session: GET redirects to /login, POST is refused; wrong password shows .error")
    func sessionRequired() async throws {
        let fixture = try await ReviewFixture()
        defer { fixture.remove() }
        let station = try await Self.station(fixture)
        try await LiveStation.run(station) { client in
            let queue = try await client.execute(uri: "/queue", method: .get)
            #expect(queue.status == .seeOther && queue.headers[.location] == "/login")
            let head = try await client.execute(uri: "/queue", method: .head)
            #expect(head.status == .seeOther && head.headers[.location] == "/login", "HEAD answers as GET")
            let approve = try await client.execute(uri: "/pages/\(fixture.inputID)/0/approve", method: .post, headers: Self.formHeaders,
                                                   body: Self.form(["version": "0", "csrf": "x"]))
            #expect(approve.status == .unauthorized)
            let wrong = try await client.execute(uri: "/login", method: .post, headers: Self.formHeaders,
                                                 body: Self.form(["username": "sato", "password": "nope-nope"]))
            #expect(String(buffer: wrong.body).contains("class=\"error\""))
            let forged = try await client.execute(uri: "/queue", method: .get, headers: [.cookie: "yomitori_session=\(String(repeating: "0", count: 64))"])
            #expect(forged.status == .seeOther)
        }
        #expect(try await fixture.ledger.pages(inputID: fixture.inputID).first?.status == .review)
    }

    @Test("five wrong passwords lock the name for a while, even with the right password next")
    func lockout() async throws {
        let fixture = try await ReviewFixture()
        defer { fixture.remove() }
        let station = try await Self.station(fixture)
        try await LiveStation.run(station) { client in
            for _ in 0..<5 {
                let wrong = try await client.execute(uri: "/login", method: .post, headers: Self.formHeaders,
                                                     body: Self.form(["username": "sato", "password": "guess-guess"]))
                #expect(wrong.status == .unauthorized)
            }
            let locked = try await client.execute(uri: "/login", method: .post, headers: Self.formHeaders,
                                                  body: Self.form(["username": "sato", "password": "sato-password"]))
            #expect(locked.status == .tooManyRequests && locked.headers[.setCookie] == nil)
            _ = try await Self.login(client, "suzuki")  // other names are not affected
        }
        let actions = try await fixture.ledger.audit(limit: 20).map(\.action)
        #expect(actions.filter { $0 == "login_failed" }.count == 5 && actions.contains("login_locked"))
    }

    /// The page image and the crops a reviewer sees of a sheet scanned upside down are those of
    /// the same sheet scanned upright, byte for byte: the station turns the scan as the reader did.
    @Test("A sheet scanned upside down is shown upright: the same page image and crops")
    func turnedSheetShownUpright() async throws {
        @Sendable func images(scannedTurn: Int) async throws -> [Data] {
            let fixture = try await ReviewFixture(scannedTurn: scannedTurn)
            defer { fixture.remove() }
            let station = try await Self.station(fixture)
            let collected = Collected()
            try await LiveStation.run(station) { client in
                let cookie = try await Self.login(client, "sato")
                for path in ["image.png", "crops/my_number.png", "crops/name.png"] {
                    let response = try await client.execute(uri: "/pages/\(fixture.inputID)/0/\(path)", method: .get, headers: [.cookie: cookie])
                    #expect(response.status == .ok, "\(path) of the sheet turned \(scannedTurn)°")
                    await collected.append(Data(response.body.readableBytesView))
                }
            }
            return await collected.items
        }
        let upright = try await images(scannedTurn: 0)
        let upsideDown = try await images(scannedTurn: 180)
        #expect(upright.count == 3 && upright.allSatisfy { $0.count > 100 })
        #expect(upsideDown == upright)
    }

    actor Collected {
        var items: [Data] = []
        func append(_ data: Data) { items.append(data) }
    }

    @Test("queue, page view, CSRF refused, rule-breaking correction 422, approval 303, images, audit")
    func reviewFlow() async throws {
        let fixture = try await ReviewFixture()
        defer { fixture.remove() }
        let station = try await Self.station(fixture)
        try await LiveStation.run(station) { client in
            let cookie = try await Self.login(client, "sato")
            let queue = String(buffer: try await client.execute(uri: "/queue", method: .get, headers: [.cookie: cookie]).body)
            #expect(queue.contains("<html lang=\"ja\">"))
            #expect(queue.contains("class=\"queue-item\" data-page=\"\(fixture.inputID):0\" data-job=\"tennyu\""))

            let pageURI = "/pages/\(fixture.inputID)/0"
            let page = try await client.execute(uri: pageURI, method: .get, headers: [.cookie: cookie])
            #expect(page.status == .ok)
            let head = try await client.execute(uri: pageURI, method: .head, headers: [.cookie: cookie])
            #expect(head.status == .ok && head.body.readableBytes == 0, "HEAD: GET's answer without the body")
            #expect(head.headers[.contentType] == page.headers[.contentType])
            let html = String(buffer: page.body)
            #expect(html.contains("class=\"field doubtful\" data-field=\"my_number\""))
            #expect(html.contains("class=\"field accepted\" data-field=\"householder\""))
            #expect(html.contains("name=\"field.name\" value=\"山田花子\""))
            #expect(html.contains("class=\"zone-box\" data-field=\"name\""))
            #expect(!html.contains("<script>") && !html.contains("style=\""), "no inline script or style: the CSP forbids them")
            #expect(page.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
            let script = try await client.execute(uri: "/assets/review.js", method: .get)
            #expect(script.status == .ok && String(buffer: script.body).contains("F9"))
            #expect(html.contains("<span class=\"read-value\">********9018</span>"))
            let csrf = try #require(Self.capture("name=\"csrf\" value=\"([0-9a-f]{64})\"", in: html))
            let version = try #require(Self.capture("name=\"version\" value=\"([0-9]+)\"", in: html))

            let image = try await client.execute(uri: pageURI + "/image.png", method: .get, headers: [.cookie: cookie])
            #expect(image.headers[.contentType] == "image/png")
            #expect(Array(image.body.readableBytesView.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
            let crop = try await client.execute(uri: pageURI + "/crops/my_number.png", method: .get, headers: [.cookie: cookie])
            #expect(crop.status == .ok && crop.body.readableBytes > 100)

            let headers: HTTPFields = [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"]
            let noToken = try await client.execute(uri: pageURI + "/approve", method: .post, headers: headers,
                                                   body: Self.form(["version": version, "field.name": "山田花子"]))
            #expect(noToken.status == .forbidden)
            let wrongToken = try await client.execute(uri: pageURI + "/approve", method: .post, headers: headers,
                                                      body: Self.form(["version": version, "csrf": String(repeating: "a", count: 64)]))
            #expect(wrongToken.status == .forbidden)

            let broken = try await client.execute(uri: pageURI + "/approve", method: .post, headers: headers,
                                                  body: Self.form(["csrf": csrf, "version": version, "field.name": "山田花子", "field.my_number": "123456789012"]))
            #expect(broken.status == .unprocessableContent)
            let brokenHTML = String(buffer: broken.body)
            #expect(brokenHTML.contains("class=\"field-error\" data-field=\"my_number\""))
            #expect(brokenHTML.contains("name=\"field.my_number\" value=\"123456789012\""))
            #expect(try await fixture.ledger.pages(inputID: fixture.inputID).first?.status == .review)

            let approved = try await client.execute(uri: pageURI + "/approve", method: .post, headers: headers,
                                                    body: Self.form(["csrf": csrf, "version": version, "field.name": "山田 花子", "field.my_number": "621498320257"]))
            #expect(approved.status == .seeOther && approved.headers[.location] == "/queue")
            #expect(try await fixture.ledger.input(id: fixture.inputID)?.state == .read)

            let reviewerAudit = try await client.execute(uri: "/admin/audit", method: .get, headers: [.cookie: cookie])
            #expect(reviewerAudit.status == .forbidden)
            let admin = try await Self.login(client, "admin")
            let audit = String(buffer: try await client.execute(uri: "/admin/audit", method: .get, headers: [.cookie: admin]).body)
            #expect(audit.contains("<td class=\"from\">********9018</td><td class=\"to\">********0257</td><td class=\"action\">correct</td>"))
            #expect(!audit.contains("621498320257"))
        }
    }

    @Test("two sessions approve the same page: one 303, one 409 with #conflict")
    func twoSessions() async throws {
        let fixture = try await ReviewFixture()
        defer { fixture.remove() }
        let station = try await Self.station(fixture)
        try await LiveStation.run(station) { client in
            var forms: [(HTTPFields, ByteBuffer)] = []
            for user in ["sato", "suzuki"] {
                let cookie = try await Self.login(client, user)
                let html = String(buffer: try await client.execute(uri: "/pages/\(fixture.inputID)/0", method: .get, headers: [.cookie: cookie]).body)
                let csrf = try #require(Self.capture("name=\"csrf\" value=\"([0-9a-f]{64})\"", in: html))
                forms.append(([.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
                              Self.form(["csrf": csrf, "version": "0", "field.name": "山田花子", "field.my_number": "123456789018"])))
            }
            var statuses: [HTTPResponse.Status] = []
            for (headers, body) in forms {
                statuses.append(try await client.execute(uri: "/pages/\(fixture.inputID)/0/approve", method: .post, headers: headers, body: body).status)
            }
            #expect(statuses == [.seeOther, .conflict])
            let again = try await client.execute(uri: "/pages/\(fixture.inputID)/0/approve", method: .post, headers: forms[1].0, body: forms[1].1)
            #expect(String(buffer: again.body).contains("id=\"conflict\""))
        }
        #expect(try await fixture.ledger.audit(limit: 20).filter { $0.action == "approve" }.count == 1)
    }
}
