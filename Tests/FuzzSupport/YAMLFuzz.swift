import Foundation
public import Testing
public import YomitoriYAML

/// The fuzz test shared by the YAML formats (templates, jobs, export mappings): damaged copies of
/// a good file either load or are refused with errors naming the file and a line inside it.
public enum YAMLFuzz {
    /// What loading one file gave: whether it loaded, and every diagnostic (errors and warnings).
    public struct Outcome {
        public var loaded: Bool
        public var diagnostics: [YAMLDiagnostic]
        public init(loaded: Bool, diagnostics: [YAMLDiagnostic]) {
            self.loaded = loaded
            self.diagnostics = diagnostics
        }
    }

    /// Writes damaged copies of `text` (``TextMutation``, seeded by `name`) one by one and checks
    /// what `load` (given each copy's path) makes of them: every diagnostic names that file and a
    /// line within it, a refused copy has at least one error, and both outcomes occur.
    public static func check(
        _ text: String, name: String, iterations: Int = FuzzSettings.iterations(default: 150),
        sourceLocation: SourceLocation = #_sourceLocation, load: (String) throws -> Outcome
    ) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yomitori-yaml-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var random = SplitMix64(seed: SplitMix64.seed(FuzzSettings.seed, for: name))
        var loaded = 0, refused = 0
        for index in 0..<iterations {
            let path = dir.appendingPathComponent("case-\(index).yaml").path
            let bytes = TextMutation.apply(to: text, random: &random)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).count
            let outcome = try load(path)
            for diagnostic in outcome.diagnostics {
                #expect(diagnostic.file == path, "case \(index): \(diagnostic)", sourceLocation: sourceLocation)
                let line = diagnostic.line ?? 0
                #expect((1...lines + 1).contains(line), "case \(index): no line in the file: \(diagnostic)", sourceLocation: sourceLocation)
            }
            if outcome.loaded {
                loaded += 1
            } else {
                refused += 1
                #expect(outcome.diagnostics.contains { $0.severity == .error }, "case \(index): refused without an error",
                        sourceLocation: sourceLocation)
            }
            try? FileManager.default.removeItem(atPath: path)
        }
        #expect(refused > 0 && loaded > 0, "\(name): \(refused) refused, \(loaded) loaded", sourceLocation: sourceLocation)
    }
}
