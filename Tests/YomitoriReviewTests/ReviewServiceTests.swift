import Foundation
import Synchronization
import Testing
import YomitoriLedger
import YomitoriResults
import YomitoriReview

@Suite("Review workflow over a real SQLite ledger")
struct ReviewServiceTests {
    @Test("the queue lists the page in review; opening it shows only the doubtful fields")
    func queueAndPage() async throws {
        let fixture = try await ReviewFixture()
        defer { fixture.remove() }
        let service = fixture.service()
        let queue = try await service.queue()
        #expect(queue.map(\.key) == [PageKey(inputID: fixture.inputID, page: 0)])
        #expect(queue.first?.job == "tennyu")
        let view = try await service.open(queue[0].key, user: "sato")
        #expect(Set(view.doubtfulFields.map(\.name)) == ReviewFixture.doubtful)
        #expect(view.isWaiting)
        #expect(view.filePath == fixture.reviewPath)
        // A second reviewer sees who holds the page.
        let other = try await service.open(queue[0].key, user: "suzuki")
        #expect(other.heldBy == "sato")
        #expect(try await service.queue().first?.leasedBy == "sato")
    }

    @Test("approving with a correction stores accepted values, audits masked, releases the input once")
    func approveReleases() async throws {
        let fixture = try await ReviewFixture()
        defer { fixture.remove() }
        let service = fixture.service()
        let key = PageKey(inputID: fixture.inputID, page: 0)
        let view = try await service.open(key, user: "sato")
        let outcome = try await service.approve(key, version: view.version, user: "sato",
                                                typed: ["name": "山田 花子", "my_number": "621498320257"])
        guard case .approved(let result) = outcome else { Issue.record("refused: \(outcome)"); return }
        #expect(result.released && result.inputState == .read)

        let input = try #require(try await fixture.ledger.input(id: fixture.inputID))
        #expect(input.state == .read && input.finishedAt == nil && input.claimedPath == fixture.reviewPath)
        #expect(try await fixture.ledger.pendingInputs(job: "tennyu").map(\.id) == [fixture.inputID])
        let page = try #require(try await fixture.ledger.pages(inputID: fixture.inputID).first)
        #expect(page.status == .accepted)
        let read = try JSONDecoder().decode(PageRead.self, from: Data(page.readJSON.utf8))
        #expect(read.status == .accepted)
        #expect(read[field: "my_number"]?.normalized?.string == "621498320257")
        #expect(read.fields.allSatisfy { $0.status == .accepted })
        #expect(try await service.queue().isEmpty)

        let audit = try await fixture.ledger.audit(limit: 10)
        let correction = try #require(audit.first { $0.field == "my_number" })
        #expect(correction.action == "correct" && correction.user == "sato")
        #expect(correction.from == "********9018" && correction.to == "********0257")
        #expect(audit.contains { $0.action == "approve" && $0.page == key })

        // The same approval again: the page is decided; nothing changes.
        await #expect(throws: ReviewError.self) {
            _ = try await service.approve(key, version: view.version, user: "suzuki", typed: [:])
        }
    }

    @Test("a correction that breaks a rule is refused with a Japanese reason and nothing is saved")
    func ruleBreakingCorrection() async throws {
        let fixture = try await ReviewFixture()
        defer { fixture.remove() }
        let service = fixture.service()
        let key = PageKey(inputID: fixture.inputID, page: 0)
        let view = try await service.open(key, user: "sato")
        let outcome = try await service.approve(key, version: view.version, user: "sato", typed: ["my_number": "123456789012"])
        guard case .refused(let refusal) = outcome else { Issue.record("approved a wrong check digit"); return }
        let messages = try #require(refusal.problems["my_number"])
        #expect(!messages.isEmpty)
        #expect(messages.allSatisfy { !$0.contains("123456789012") })
        #expect(messages.contains { $0.contains("個人番号") })
        #expect(try await fixture.ledger.pages(inputID: fixture.inputID).first?.status == .review)
        #expect(try await fixture.ledger.input(id: fixture.inputID)?.state == .review)
        #expect(try await fixture.ledger.audit(limit: 10).isEmpty)
    }

    @Test("two reviewers approve the same page: exactly one wins, the other gets a conflict")
    func concurrentApprovals() async throws {
        let fixture = try await ReviewFixture()
        defer { fixture.remove() }
        let service = fixture.service()
        let key = PageKey(inputID: fixture.inputID, page: 0)
        let version = try await service.open(key, user: "sato").version
        let results = await withTaskGroup(of: Bool.self) { group in
            for user in ["sato", "suzuki"] {
                group.addTask {
                    (try? await service.approve(key, version: version, user: user, typed: [:])).map {
                        if case .approved = $0 { true } else { false }
                    } ?? false
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.filter { $0 }.count == 1)
        #expect(try await fixture.ledger.audit(limit: 10).filter { $0.action == "approve" }.count == 1)
    }

    @Test("double entry: a mismatch asks again; the same value typed twice is kept")
    func doubleEntry() async throws {
        let fixture = try await ReviewFixture(doubleEntry: true)
        defer { fixture.remove() }
        let service = fixture.service()
        let key = PageKey(inputID: fixture.inputID, page: 0)
        let view = try await service.open(key, user: "sato")
        #expect(view.isDoubleEntry("my_number"))
        // Typed as read (after normalisation): accepted at once.
        let first = try await service.approve(key, version: view.version, user: "sato", typed: ["name": "山田花子", "my_number": "621498320257"])
        guard case .refused(let refusal) = first else { Issue.record("a mismatch was accepted"); return }
        #expect(refusal.retype == ["my_number"])
        #expect(refusal.problems["my_number"] == [ReviewServiceTests.retype])
        let second = try await service.approve(key, version: view.version, user: "sato", typed: ["name": "山田花子", "my_number": "621498320257"],
                                               firstEntries: refusal.firstEntries)
        guard case .approved = second else { Issue.record("the confirmed entry was refused: \(second)"); return }
        let read = try JSONDecoder().decode(PageRead.self, from: Data(try #require(try await fixture.ledger.pages(inputID: fixture.inputID).first).readJSON.utf8))
        #expect(read[field: "my_number"]?.normalized?.string == "621498320257")
    }

    @Test("double entry matching the reading is accepted the first time")
    func doubleEntryMatch() async throws {
        let fixture = try await ReviewFixture(doubleEntry: true)
        defer { fixture.remove() }
        let service = fixture.service()
        let key = PageKey(inputID: fixture.inputID, page: 0)
        let view = try await service.open(key, user: "sato")
        let outcome = try await service.approve(key, version: view.version, user: "sato", typed: ["my_number": "123456789018"])
        guard case .approved = outcome else { Issue.record("refused: \(outcome)"); return }
    }

    @Test("rejecting sends the input to invalid with the reason; two pages: one approval does not release")
    func rejectAndMultiPage() async throws {
        let fixture = try await ReviewFixture(pages: 2)
        defer { fixture.remove() }
        let service = fixture.service()
        let first = PageKey(inputID: fixture.inputID, page: 0), second = PageKey(inputID: fixture.inputID, page: 1)
        #expect(try await service.queue().map(\.key) == [first, second])
        guard case .approved(let result) = try await service.approve(first, version: 0, user: "sato", typed: [:]) else {
            Issue.record("refused"); return
        }
        #expect(!result.released && result.inputState == .review)
        #expect(try await service.next(after: first, job: "tennyu", user: "sato") == second)
        await #expect(throws: ReviewError.self) { _ = try await service.reject(second, version: 0, user: "sato", reason: "  ") }
        let rejected = try await service.reject(second, version: 0, user: "sato", reason: "印影が不鮮明")
        #expect(rejected.released && rejected.inputState == .invalid)
        let input = try #require(try await fixture.ledger.input(id: fixture.inputID))
        #expect(input.state == .invalid && input.reason?.code == "review_rejected" && input.reason?.message == "印影が不鮮明")
        #expect(input.finishedAt == nil && input.claimedPath == fixture.reviewPath)
        #expect(try await service.queue().isEmpty)
    }

    @Test("a page whose file the runner has not routed yet is not offered, and cannot be decided")
    func notRoutedYet() async throws {
        let fixture = try await ReviewFixture(routed: false)
        defer { fixture.remove() }
        let service = fixture.service()
        #expect(try await service.queue().isEmpty)
        await #expect(throws: ReviewError.self) {
            _ = try await service.approve(PageKey(inputID: fixture.inputID, page: 0), version: 0, user: "sato", typed: [:])
        }
        #expect(try await fixture.ledger.input(id: fixture.inputID)?.state == .review)
    }

    @Test("a lease lasts five minutes: then another reviewer takes the page")
    func leaseExpires() async throws {
        let time = Mutex(ReviewFixture.now)
        let fixture = try await ReviewFixture(clock: { time.withLock { $0 } })
        defer { fixture.remove() }
        let service = fixture.service()
        let key = PageKey(inputID: fixture.inputID, page: 0)
        _ = try await service.open(key, user: "sato")
        time.withLock { $0 += 299 }
        #expect(try await service.open(key, user: "suzuki").heldBy == "sato")
        #expect(try await service.next(after: nil, job: nil, user: "suzuki") == nil, "someone else's page is not offered next")
        time.withLock { $0 += 2 }
        #expect(try await service.queue().first?.leasedBy == nil)
        #expect(try await service.open(key, user: "suzuki").heldBy == nil)
        #expect(try await service.queue().first?.leasedBy == "suzuki")
    }

    @Test("signing out ends the reviewer's leases at once and is audited")
    func signOutReleases() async throws {
        let fixture = try await ReviewFixture()
        defer { fixture.remove() }
        let service = fixture.service()
        let key = PageKey(inputID: fixture.inputID, page: 0)
        _ = try await service.open(key, user: "sato")
        #expect(try await service.open(key, user: "suzuki").heldBy == "sato")
        try await service.signOut(user: "sato")
        #expect(try await service.queue().first?.leasedBy == nil)
        #expect(try await service.open(key, user: "suzuki").heldBy == nil)
        #expect(try await service.auditTrail().contains { $0.user == "sato" && $0.action == "logout" })
    }

    static let retype = "読取結果と一致しません。確認のため、もう一度入力してください。"
}

@Suite("Users and the audit trail")
struct UserAndAuditTests {
    @Test("users: bcrypt hashes, login check, password change, removal")
    func users() async throws {
        let fixture = try await ReviewFixture()
        defer { fixture.remove() }
        let users = UserDirectory(ledger: fixture.ledger, hasher: PasswordHasher(cost: 4))
        try await users.add(name: "admin", role: .administrator, password: "correct horse")
        let stored = try #require(try await fixture.ledger.user(name: "admin"))
        #expect(stored.passwordHash.hasPrefix("$2b$") && !stored.passwordHash.contains("correct horse"))
        #expect(try await users.authenticate(name: "admin", password: "correct horse")?.role == .administrator)
        #expect(try await users.authenticate(name: "admin", password: "wrong horse") == nil)
        #expect(try await users.authenticate(name: "nobody", password: "correct horse") == nil)
        await #expect(throws: ReviewError.self) { try await users.add(name: "admin", role: .reviewer, password: "another one") }
        await #expect(throws: ReviewError.self) { try await users.add(name: "short", role: .reviewer, password: "abc") }
        try await users.setPassword(name: "admin", password: "battery staple")
        #expect(try await users.authenticate(name: "admin", password: "battery staple") != nil)
        try await users.remove(name: "admin")
        #expect(try await users.list().isEmpty)
        let actions = try await fixture.ledger.audit(limit: 10).map(\.action)
        #expect(actions == ["user_removed", "password_changed", "user_added"])
    }

    @Test("the audit table refuses UPDATE and DELETE")
    func appendOnly() async throws {
        let fixture = try await ReviewFixture()
        defer { fixture.remove() }
        try await fixture.ledger.appendAudit([AuditEntry(time: Date(), user: "sato", action: "login")])
        await #expect(throws: (any Error).self) { try await fixture.ledger.executeForTesting("UPDATE audit SET user_name = 'x'") }
        await #expect(throws: (any Error).self) { try await fixture.ledger.executeForTesting("DELETE FROM audit") }
        #expect(try await fixture.ledger.audit(limit: 10).map(\.user) == ["sato"])
    }
}
