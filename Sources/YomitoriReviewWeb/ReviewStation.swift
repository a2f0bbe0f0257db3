public import Foundation
public import Hummingbird
public import Logging
import HTTPTypes
import NIOCore
import YomitoriLedger
public import YomitoriReview

/// The review station's web app: login, the queue, the page view with scan image and crops,
/// approve and reject, and the audit trail for administrators. Routes, status codes and element
/// ids follow `docs/review.md` (the contract the browser tests drive).
///
/// Every page but `/login` needs a session (GET without one → 303 `/login`, POST → 401); every
/// POST carries the session's CSRF token (missing or wrong → 403, nothing changes).
public struct ReviewStation: Sendable {
    public let service: ReviewService
    public let users: UserDirectory
    let sessions: SessionStore
    let throttle = LoginThrottle()
    let images: PageImages
    let prefetcher: ImagePrefetcher
    let logger: Logger
    /// Adds `Secure` to the session cookie (set when a TLS proxy is in front).
    public var secureCookies = false

    static let cookieName = "yomitori_session"

    public init(service: ReviewService, users: UserDirectory, sessionIdleTimeout: TimeInterval = 8 * 3600,
                logger: Logger = Logger(label: "yomitori.review")) {
        self.service = service
        self.users = users
        self.sessions = SessionStore(idleTimeout: sessionIdleTimeout)
        self.images = PageImages()
        self.prefetcher = ImagePrefetcher(images: images)
        self.logger = logger
    }

    /// The application listening on `host:port` (port 0: any free port). `onListening` gets the
    /// address actually bound, once connections are accepted.
    public func application(
        host: String = "127.0.0.1", port: Int = 8080,
        onListening: @escaping @Sendable (String, Int) async -> Void = { _, _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router(),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            services: [prefetcher],
            onServerRunning: { channel in
                await onListening(host, channel.localAddress?.port ?? port)
            },
            logger: logger
        )
    }

    /// The routes, for the server and for in-process tests.
    public func router() -> Router<BasicRequestContext> {
        // HEAD answers as GET does, without the body (link checkers, monitoring probes, curl -I).
        let router = Router(context: BasicRequestContext.self, options: .autoGenerateHeadEndpoints)
        router.get("/") { request, _ in await session(request) == nil ? redirect("/login") : redirect("/queue") }
        router.get("/login") { _, _ in html(ReviewPages.login(error: nil)) }
        router.get("/assets/review.js") { _, _ in asset(ReviewScript.page, type: "text/javascript; charset=utf-8") }
        router.get("/assets/review.css") { _, _ in asset(HTML.style, type: "text/css; charset=utf-8") }
        router.post("/login") { request, _ in try await login(request) }
        router.post("/logout") { request, _ in
            try await withPost(request) { session, _ in
                await sessions.remove(session.id)
                try await service.signOut(user: session.user)
                var response = redirect("/login")
                response.headers[.setCookie] = "\(Self.cookieName)=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"
                return response
            }
        }
        router.get("/queue") { request, _ in
            try await withGet(request) { session in
                let job = request.uri.queryParameters.get("job")
                let entries = try await service.queue(job: job)
                return html(ReviewPages.queue(entries, job: job, session: session, now: Date()))
            }
        }
        router.get("/pages/:input/:page") { request, context in
            try await withGet(request) { session in
                guard let key = pageKey(context) else { return notFound(session) }
                return try await showPage(key, session: session)
            }
        }
        router.get("/pages/:input/:page/image.png") { request, context in
            try await withGet(request) { session in
                guard let key = pageKey(context), let rendered = try await rendered(key, session: session) else { return notFound(session) }
                return png(rendered.page)
            }
        }
        router.get("/pages/:input/:page/crops/:crop") { request, context in
            try await withGet(request) { session in
                guard let key = pageKey(context), let crop = context.parameters.get("crop"), crop.hasSuffix(".png"),
                      let rendered = try await rendered(key, session: session),
                      let data = rendered.crops[String(crop.dropLast(4))]
                else { return notFound(session) }
                return png(data)
            }
        }
        router.post("/pages/:input/:page/approve") { request, context in
            try await withPost(request) { session, form in
                guard let key = pageKey(context) else { return notFound(session) }
                return try await approve(key, form: form, session: session)
            }
        }
        router.post("/pages/:input/:page/reject") { request, context in
            try await withPost(request) { session, form in
                guard let key = pageKey(context) else { return notFound(session) }
                return try await reject(key, form: form, session: session)
            }
        }
        router.get("/admin/audit") { request, _ in
            try await withGet(request) { session in
                guard session.role == .administrator else {
                    return html(ReviewPages.message("権限がありません", "監査ログは管理者だけが閲覧できます。", session: session), status: .forbidden)
                }
                return html(ReviewPages.audit(try await service.auditTrail(), session: session))
            }
        }
        return router
    }

    // MARK: - Sessions and CSRF

    func session(_ request: Request) async -> Session? {
        guard let id = request.cookies[Self.cookieName]?.value, !id.isEmpty else { return nil }
        return await sessions.session(id)
    }

    func withGet(_ request: Request, _ body: (Session) async throws -> Response) async throws -> Response {
        guard let session = await session(request) else { return redirect("/login") }
        return try await body(session)
    }

    func withPost(_ request: Request, _ body: (Session, FormBody) async throws -> Response) async throws -> Response {
        guard let session = await session(request) else {
            return html(ReviewPages.message("ログインしてください", "セッションがないか、期限が切れています。", session: nil), status: .unauthorized)
        }
        let form = try await formBody(request)
        guard let token = form["csrf"], SessionStore.constantTimeEqual(token, session.csrf) else {
            logger.warning("POST refused: missing or wrong CSRF token", metadata: ["user": "\(session.user)", "path": "\(request.uri.path)"])
            return html(ReviewPages.message("送信を受け付けません", "フォームの確認用トークンが正しくありません。ページを開き直してください。", session: session), status: .forbidden)
        }
        return try await body(session, form)
    }

    func formBody(_ request: Request) async throws -> FormBody {
        let buffer = try await request.body.collect(upTo: 1 << 20)
        return FormBody(String(buffer: buffer))
    }

    // MARK: - Handlers

    func login(_ request: Request) async throws -> Response {
        let form = try await formBody(request)
        let name = form["username"] ?? "", password = form["password"] ?? ""
        // Only a well-formed name goes into the audit trail (not a password typed in the wrong box).
        let shown = UserDirectory.isWellFormed(name: name) ? name : "(不正な名前)"
        guard await !throttle.isLocked(name) else {
            try await service.audit(user: shown, action: "login_locked")
            return html(ReviewPages.login(error: "ログインの失敗が続いたため、しばらくログインできません。5分ほど待ってから試してください。"),
                        status: .tooManyRequests)
        }
        guard let user = try await users.authenticate(name: name, password: password) else {
            let locked = await throttle.failed(name)
            try await service.audit(user: shown, action: "login_failed", detail: locked ? "locked for 5 minutes" : "")
            return html(ReviewPages.login(error: "ユーザー名またはパスワードが違います。"), status: .unauthorized)
        }
        await throttle.succeeded(name)
        let session = await sessions.create(user: user.name, role: user.role)
        try await service.audit(user: user.name, action: "login")
        var response = redirect("/queue")
        response.headers[.setCookie] = "\(Self.cookieName)=\(session.id); Path=/; HttpOnly; SameSite=Strict\(secureCookies ? "; Secure" : "")"
        return response
    }

    func showPage(_ key: PageKey, session: Session, status: HTTPResponse.Status = .ok) async throws -> Response {
        let view: ReviewPageView
        do {
            view = try await service.open(key, user: session.user)
        } catch let error as ReviewError where error.code == .notFound {
            return notFound(session)
        }
        let image = await pageImage(of: view, page: key.page)
        if view.isWaiting, let next = try await service.next(after: key, job: view.job, user: session.user),
           let upcoming = try? await service.peek(next, user: session.user) {
            prefetcher.enqueue(.init(view: upcoming, page: next.page))
        }
        return html(ReviewPages.page(view, image: image, session: session), status: status)
    }

    /// The page's scan and its doubtful fields' crops; nil when the scan cannot be decoded (the
    /// page is shown without it).
    func pageImage(of view: ReviewPageView, page: Int) async -> PageImages.Rendered? {
        try? await images.rendered(view, page: page)
    }

    func rendered(_ key: PageKey, session: Session) async throws -> PageImages.Rendered? {
        guard let view = try? await service.peek(key, user: session.user) else { return nil }
        return await pageImage(of: view, page: key.page)
    }

    func approve(_ key: PageKey, form: FormBody, session: Session) async throws -> Response {
        guard let version = form["version"].flatMap(Int.init) else { return try await conflict(key, session: session) }
        var typed: [String: String] = [:]
        for (name, value) in form.values where name.hasPrefix("field.") { typed[String(name.dropFirst(6))] = value }
        let outcome: ApprovalOutcome
        do {
            outcome = try await service.approve(key, version: version, user: session.user, typed: typed,
                                                firstEntries: session.firstEntries[key] ?? [:])
        } catch let error as ReviewError where error.code == .conflict {
            return try await conflict(key, session: session)
        } catch let error as ReviewError where error.code == .notFound {
            return notFound(session)
        } catch let error as ReviewError where error.code == .unavailable {
            return html(ReviewPages.message("確認できません", "この様式の定義が読み込まれていないため、入力値を確認できません。管理者に連絡してください。", session: session),
                        status: .serviceUnavailable)
        }
        switch outcome {
        case .approved:
            await sessions.setFirstEntries(session.id, page: key, entries: [:])
            logger.info("page approved", metadata: ["page": "\(key)", "user": "\(session.user)"])
            return try await next(after: key, session: session)
        case .refused(let refusal):
            var first = session.firstEntries[key] ?? [:]
            first.merge(refusal.firstEntries) { _, new in new }
            await sessions.setFirstEntries(session.id, page: key, entries: first)
            let view = try await service.open(key, user: session.user)
            let image = await pageImage(of: view, page: key.page)
            let page = ReviewPages.page(view, image: image, session: session, typed: typed, problems: refusal.problems, retype: refusal.retype)
            return html(page, status: .unprocessableContent)
        }
    }

    func reject(_ key: PageKey, form: FormBody, session: Session) async throws -> Response {
        guard let version = form["version"].flatMap(Int.init) else { return try await conflict(key, session: session) }
        let reason = (form["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if reason.isEmpty {
            let view = try await service.open(key, user: session.user)
            let image = await pageImage(of: view, page: key.page)
            return html(ReviewPages.page(view, image: image, session: session, rejectError: "差し戻しの理由を入力してください。"),
                        status: .unprocessableContent)
        }
        do {
            _ = try await service.reject(key, version: version, user: session.user, reason: reason)
        } catch let error as ReviewError where error.code == .conflict {
            return try await conflict(key, session: session)
        } catch let error as ReviewError where error.code == .notFound {
            return notFound(session)
        }
        logger.info("page rejected", metadata: ["page": "\(key)", "user": "\(session.user)"])
        return try await next(after: key, session: session)
    }

    func next(after key: PageKey, session: Session) async throws -> Response {
        let job = try await service.ledger.reviewPage(key)?.input.job
        guard let next = try await service.next(after: key, job: job, user: session.user) else { return redirect("/queue") }
        return redirect(ReviewPages.pagePath(next))
    }

    func conflict(_ key: PageKey, session: Session) async throws -> Response {
        let next = try await service.next(after: key, job: nil, user: session.user)
        return html(ReviewPages.conflict(session: session, next: next), status: .conflict)
    }

    func notFound(_ session: Session) -> Response {
        html(ReviewPages.message("見つかりません", "指定されたページはありません。", session: session), status: .notFound)
    }

    func pageKey(_ context: BasicRequestContext) -> PageKey? {
        guard let input = context.parameters.get("input"), let page = context.parameters.get("page").flatMap(Int.init), page >= 0 else {
            return nil
        }
        return PageKey(inputID: input, page: page)
    }
}
