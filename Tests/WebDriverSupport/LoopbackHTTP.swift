public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One HTTP/1.1 exchange over a plain socket to a server on this machine (127.0.0.1 / localhost only).
///
/// Not URLSession: swift-corelibs-foundation's URLSession refuses chromedriver's responses ("Failed writing
/// header": chromedriver writes `Content-Length:249` with no space after the colon). A raw exchange also
/// lets tests see what a browser would hide: the status of a redirect, every `Set-Cookie`, no cookie jar.
public enum LoopbackHTTP {
    /// An HTTP response: status, headers in order, body (chunked bodies decoded).
    public struct Response: Sendable {
        public var status: Int
        public var headers: [(name: String, value: String)]
        public var body: Data

        /// The first header of that name (case-insensitive).
        public func header(_ name: String) -> String? { headers(named: name).first }

        /// Every header of that name (case-insensitive), e.g. each `Set-Cookie`.
        public func headers(named name: String) -> [String] {
            headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
        }

        public var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// Sends one request (`Connection: close`) and reads the whole response; redirects are not followed.
    public static func send(
        _ method: String, _ url: URL, headers: [String: String] = [:], body: Data? = nil, timeout: TimeInterval = 60
    ) async throws -> Response {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try exchange(method, url, headers: headers, body: body, timeout: timeout) })
            }
        }
    }

    /// A form post (`application/x-www-form-urlencoded`) with the given cookie header.
    public static func postForm(
        _ url: URL, fields: [(String, String)], cookie: String? = nil
    ) async throws -> Response {
        var headers = ["Content-Type": "application/x-www-form-urlencoded"]
        if let cookie { headers["Cookie"] = cookie }
        return try await send("POST", url, headers: headers, body: Data(formEncode(fields).utf8))
    }

    /// `a=1&b=%E5%B1%B1`: names and values percent-encoded as a browser does for a form.
    public static func formEncode(_ fields: [(String, String)]) -> String {
        let allowed = CharacterSet(charactersIn: "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-._*")
        func encode(_ s: String) -> String {
            s.addingPercentEncoding(withAllowedCharacters: allowed)!.replacingOccurrences(of: "%20", with: "+")
        }
        return fields.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
    }

    // MARK: - The exchange

    static func exchange(
        _ method: String, _ url: URL, headers: [String: String], body: Data?, timeout: TimeInterval
    ) throws -> Response {
        guard url.scheme == "http", let host = url.host else { throw failure("\(url): only http:// URLs") }
        guard host == "localhost" || host.hasPrefix("127.") else { throw failure("\(host): loopback addresses only") }
        let port = url.port ?? 80
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw failure("socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var time = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, host == "localhost" ? "127.0.0.1" : host, &address.sin_addr)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw failure("connect \(host):\(port): \(String(cString: strerror(errno)))") }

        var path = url.path.isEmpty ? "/" : url.path
        if let query = url.query { path += "?" + query }
        var head = "\(method) \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if body != nil || method == "POST" { head += "Content-Length: \(body?.count ?? 0)\r\n" }
        head += "\r\n"
        try writeAll(fd, Data(head.utf8) + (body ?? Data()))

        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n > 0 {
                received.append(contentsOf: buffer[0..<n])
                if let response = try? parse(received, complete: false) { return response }
            } else if n == 0 {
                break
            } else if errno != EINTR {
                throw failure("read from \(host):\(port): \(String(cString: strerror(errno)))")
            }
        }
        return try parse(received, complete: true)
    }

    private static func writeAll(_ fd: Int32, _ data: Data) throws {
        var offset = 0
        let bytes = [UInt8](data)
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw failure("write: \(String(cString: strerror(errno)))")
            }
            offset += n
        }
    }

    private struct Incomplete: Error {}

    /// Parses a response; with `complete: false`, throws `Incomplete` until the body is all there.
    static func parse(_ data: Data, complete: Bool) throws -> Response {
        let bytes = [UInt8](data)
        guard let end = find([13, 10, 13, 10], in: bytes, from: 0) else {
            if complete { throw failure("no HTTP header in \(bytes.count) bytes") }
            throw Incomplete()
        }
        let lines = String(decoding: bytes[0..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw failure("bad status line \(lines[0])") }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        var response = Response(status: status, headers: headers, body: Data())
        let rest = Array(bytes[(end + 4)...])
        if response.header("Transfer-Encoding")?.lowercased().contains("chunked") == true {
            var body: [UInt8] = []
            var index = 0
            while true {
                guard let lineEnd = find([13, 10], in: rest, from: index) else {
                    if complete { throw failure("truncated chunked body") }
                    throw Incomplete()
                }
                let sizeText = String(decoding: rest[index..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
                guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
                    throw failure("bad chunk size \(sizeText)")
                }
                if size == 0 { break }
                let start = lineEnd + 2
                guard rest.count >= start + size + 2 else {
                    if complete { throw failure("truncated chunk") }
                    throw Incomplete()
                }
                body += rest[start..<start + size]
                index = start + size + 2
            }
            response.body = Data(body)
        } else if let length = response.header("Content-Length").flatMap({ Int($0) }) {
            guard rest.count >= length else {
                if complete { throw failure("body has \(rest.count) of \(length) bytes") }
                throw Incomplete()
            }
            response.body = Data(rest[0..<length])
        } else {
            if !complete && !(100..<200).contains(status) && status != 204 && status != 304 { throw Incomplete() }
            response.body = Data(rest)
        }
        return response
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        for i in start...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if Array(haystack[i..<i + needle.count]) == needle { return i }
        }
        return nil
    }

    private static func failure(_ message: String) -> WebDriverError {
        WebDriverError(code: WebDriverError.transport, message: message)
    }
}
