/// `transform:` — simple changes to a page's fields before export, applied in the order written.
///
/// ```yaml
/// - transform:
///     set: {office: "みどり市"}                      # a constant
///     copy: {applicant_name: name}                  # target: source field
///     derive: {address_full: "{prefecture}{city}{address}"}   # text built from fields
/// ```
public struct TransformConfig: Sendable, Equatable {
    public enum Rule: Sendable, Equatable {
        /// `field` becomes `value`.
        case set(field: String, value: String)
        /// `field` becomes the value of `from` (nothing when `from` has none).
        case copy(field: String, from: String)
        /// `field` becomes `template` with each `{field}` replaced by that field's value (empty when missing).
        case derive(field: String, template: String)
    }

    public var rules: [Rule]

    public init(rules: [Rule]) {
        self.rules = rules
    }

    /// The fields after applying every rule in order (later rules see earlier results).
    public func apply(to fields: [String: String]) -> [String: String] {
        var result = fields
        for rule in rules {
            switch rule {
            case .set(let field, let value):
                result[field] = value
            case .copy(let field, let source):
                result[field] = result[source]
            case .derive(let field, let template):
                result[field] = Self.fill(template, with: result)
            }
        }
        return result
    }

    private static func fill(_ template: String, with fields: [String: String]) -> String {
        var output = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            output += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            output += fields[String(rest[rest.index(after: open)..<close])] ?? ""
            rest = rest[rest.index(after: close)...]
        }
        return output + rest
    }
}
