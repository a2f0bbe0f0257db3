/// A mapping that cannot be used, with every problem found in it.
public struct ExportMappingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong overall.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The mapping has errors (see ``ExportMappingError/diagnostics``).
        public static let invalidMapping = Code(rawValue: "invalid-mapping")
    }

    /// What went wrong overall.
    public let code: Code
    /// Every problem, in file order.
    public let diagnostics: [MappingDiagnostic]

    /// An error listing `diagnostics`.
    public init(code: Code = .invalidMapping, diagnostics: [MappingDiagnostic]) {
        self.code = code
        self.diagnostics = diagnostics
    }

    /// One `file:line:column: error: …` line per problem.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
