import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Only this station's own scripts, styles, images and forms; no framing, no referrer.
let securityHeaders: HTTPFields = [
    .contentSecurityPolicy: "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    HTTPField.Name("X-Content-Type-Options")!: "nosniff",
    HTTPField.Name("Referrer-Policy")!: "no-referrer",
]

func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
    var headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"]
    headers.append(contentsOf: securityHeaders)
    return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
}

func asset(_ text: String, type: String) -> Response {
    var headers: HTTPFields = [.contentType: type, .cacheControl: "max-age=3600"]
    headers.append(contentsOf: securityHeaders)
    return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
}

func png(_ data: Data) -> Response {
    Response(
        status: .ok, headers: [.contentType: "image/png", .cacheControl: "private, no-store"],
        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data))
    )
}

func redirect(_ location: String) -> Response {
    Response(status: .seeOther, headers: [.location: location])
}
