import Foundation

/// JSON over HTTP to chromedriver: W3C WebDriver's wire format (`{"value": …}` in both directions).
struct WireClient: Sendable {
    let base: URL

    /// Sends one command and returns its `value`; a W3C error response throws its code and message.
    func send(_ method: String, _ path: String, _ body: JSONValue? = nil) async throws -> JSONValue {
        let url = URL(string: base.absoluteString + path)!
        var headers: [String: String] = [:]
        var data: Data?
        if method == "POST" {
            headers["Content-Type"] = "application/json; charset=utf-8"
            data = try (body ?? [:]).data()
        }
        let response: LoopbackHTTP.Response
        do {
            response = try await LoopbackHTTP.send(method, url, headers: headers, body: data, timeout: 90)
        } catch let error as WebDriverError {
            throw WebDriverError(code: error.code, message: "\(method) \(path): \(error.message)")
        }
        let json: JSONValue
        do {
            json = try JSONValue(data: response.body)
        } catch {
            throw WebDriverError(
                code: WebDriverError.protocol,
                message: "\(method) \(path): HTTP \(response.status), not JSON: \(String(response.text.prefix(300)))")
        }
        let value = json["value"] ?? .null
        if response.status != 200 || value["error"]?.string != nil {
            throw WebDriverError(
                code: value["error"]?.string ?? "HTTP \(response.status)",
                message: "\(method) \(path): \(value["message"]?.string ?? "(no message)")")
        }
        return value
    }
}
