import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HTTPTypes
import NIOCore
import ServiceLifecycle
import YomitoriReviewWeb

/// The station's real server on a free loopback port for the duration of `body`, with a small
/// HTTP client (no redirects followed, cookies only as the test sends them).
///
/// Deliberately not HummingbirdTesting: it links AsyncHTTPClient and BoringSSL, minutes of every
/// cold CI build, for what URLSession against the real server does as well.
enum LiveStation {
    struct NotListening: Error {}

    static func run(_ station: ReviewStation, _ body: @Sendable (LiveClient) async throws -> Void) async throws {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = station.application(host: "127.0.0.1", port: 0) { _, port in continuation.yield(port) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw NotListening() }
            do {
                try await body(LiveClient(base: "http://127.0.0.1:\(port)"))
            } catch {
                group.cancelAll()
                throw error
            }
            group.cancelAll()
        }
    }
}

/// What a request returned.
struct LiveResponse: Sendable {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: ByteBuffer
}

/// Requests to the live station, answered as they are (a 303 is not followed).
final class LiveClient: NSObject, URLSessionTaskDelegate, Sendable {
    let base: String
    private let session: URLSession

    init(base: String) {
        self.base = base
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil  // each test sends its session's cookie itself
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        session = URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
    }

    func execute(uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil) async throws -> LiveResponse {
        var request = URLRequest(url: URL(string: base + uri)!)
        request.httpMethod = method.rawValue
        request.httpShouldHandleCookies = false
        for field in headers { request.addValue(field.value, forHTTPHeaderField: field.name.rawName) }
        if let body { request.httpBody = Data(body.readableBytesView) }
        return try await withCheckedThrowingContinuation { continuation in
            session.dataTask(with: request) { data, response, error in
                guard let http = response as? HTTPURLResponse else {
                    continuation.resume(throwing: error ?? URLError(.badServerResponse))
                    return
                }
                var fields = HTTPFields()
                for (key, value) in http.allHeaderFields {
                    if let name = HTTPField.Name("\(key)") { fields.append(HTTPField(name: name, value: "\(value)")) }
                }
                continuation.resume(returning: LiveResponse(
                    status: HTTPResponse.Status(code: http.statusCode), headers: fields, body: ByteBuffer(bytes: data ?? Data())
                ))
            }.resume()
        }
    }

    private final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
        func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
            completionHandler(nil)
        }
    }
}
