public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Decides whether a `notify: post:` URL stays on the local network. yomitori never posts to the
/// internet: forms carry personal data.
///
/// Allowed hosts: IPv4 loopback 127/8 and private 10/8, 172.16/12, 192.168/16; IPv6 loopback `::1`
/// and unique-local fc00::/7 (also IPv4-mapped forms of the allowed IPv4 ranges); and single-label
/// host names such as `kikan-gw` or `localhost`, which name machines on the office network.
/// Dotted names (`hooks.example.jp`) are refused, and so are numbers written any way but a.b.c.d.
/// The check is on the URL's text: a single-label name is trusted to resolve locally.
public enum LocalNetworkAddress {
    /// Nil when the URL may be used; otherwise why not, for an error message.
    public static func problem(with url: URL) -> String? {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            return "only http:// and https:// URLs can be posted to, got '\(url.absoluteString)'"
        }
        guard var host = url.host, !host.isEmpty else {
            return "the URL '\(url.absoluteString)' has no host"
        }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if isAllowed(host: host) { return nil }
        return "'\(host)' is not a loopback or private address (127/8, 10/8, 172.16/12, 192.168/16, ::1, fc00::/7) "
            + "or a single-label host name; yomitori never posts outside the local network"
    }

    /// Whether a host (name or address literal, IPv6 without brackets) is allowed.
    public static func isAllowed(host: String) -> Bool {
        if let octets = ipv4(host) { return isAllowed(ipv4: octets) }
        if host.contains(":") { return ipv6(host).map(isAllowed(ipv6:)) ?? false }
        return isSingleLabel(host)
    }

    private static func isAllowed(ipv4 o: [UInt8]) -> Bool {
        o[0] == 127 || o[0] == 10 || (o[0] == 172 && (16...31).contains(o[1])) || (o[0] == 192 && o[1] == 168)
    }

    private static func isAllowed(ipv6 bytes: [UInt8]) -> Bool {
        let loopback = bytes[0..<15].allSatisfy { $0 == 0 } && bytes[15] == 1
        let uniqueLocal = bytes[0] & 0xFE == 0xFC
        let mapped = bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF
        return loopback || uniqueLocal || (mapped && isAllowed(ipv4: Array(bytes[12..<16])))
    }

    /// Strict dotted-quad: four decimal numbers 0–255 without leading zeros.
    static func ipv4(_ text: String) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var octets: [UInt8] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy({ $0.isASCII && $0.isNumber }),
                  part == "0" || !part.hasPrefix("0"), let value = UInt8(part) else { return nil }
            octets.append(value)
        }
        return octets
    }

    static func ipv6(_ text: String) -> [UInt8]? {
        var address = in6_addr()
        guard inet_pton(AF_INET6, text, &address) == 1 else { return nil }
        return withUnsafeBytes(of: &address) { Array($0) }
    }

    /// Letters, digits and inner hyphens, no dot, and not a number in disguise (`2130706433`, `0x7f000001`).
    private static func isSingleLabel(_ host: String) -> Bool {
        guard !host.isEmpty, host.count <= 63, !host.contains(".") else { return false }
        guard host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }),
              !host.hasPrefix("-"), !host.hasSuffix("-") else { return false }
        let lowered = host.lowercased()
        if lowered.allSatisfy(\.isNumber) { return false }
        if lowered.hasPrefix("0x"), lowered.dropFirst(2).allSatisfy(\.isHexDigit) { return false }
        return true
    }
}
