public import YomitoriYAML

/// One problem in a mapping, with where it is: `jido.yaml:7:5: error: unknown key 'widht' …`.
public typealias MappingDiagnostic = YAMLDiagnostic

/// The mapping format's own diagnostic codes (the shared ones are in ``YAMLDiagnostic/Code``).
extension YAMLDiagnostic.Code {
    /// A key that does not apply to the chosen format, or keys that exclude each other.
    public static let conflict = Self(rawValue: "conflict")
    /// A fixed text (header name, constant, code) the output encoding cannot carry.
    public static let unencodable = Self(rawValue: "unencodable")
}
