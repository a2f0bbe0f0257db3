public import Yams
import YomitoriYAML

extension ExportMapping {
    /// Loads a mapping file.
    ///
    /// - Throws: ``ExportMappingError`` listing every problem with `file:line:column`.
    public static func load(path: String) throws(ExportMappingError) -> ExportMapping {
        switch YAMLSource.readText(path: path, kind: "an export mapping YAML file", name: "the mapping") {
        case .success(let yaml): try parse(yaml: yaml, file: path)
        case .failure(let diagnostic): throw ExportMappingError(diagnostics: [diagnostic])
        }
    }

    /// Parses mapping YAML that was read elsewhere; `file` names it in messages.
    public static func parse(yaml: String, file: String) throws(ExportMappingError) -> ExportMapping {
        let emptyHint = "a mapping starts with `format: csv` (or tsv, jsonl, fixed, zengin)"
        switch YAMLSource.compose(yaml: yaml, path: file, emptyHint: emptyHint) {
        case .success(let root): return try parse(node: root, file: file)
        case .failure(let diagnostic): throw ExportMappingError(diagnostics: [diagnostic])
        }
    }

    /// Parses a mapping from a YAML node, e.g. the `export` step of a job definition.
    ///
    /// - Parameters:
    ///   - node: the mapping's node (composed with its marks, so messages carry line and column).
    ///   - file: the file the node comes from, for messages.
    /// - Throws: ``ExportMappingError`` listing every problem, in file order.
    public static func parse(node: Node, file: String) throws(ExportMappingError) -> ExportMapping {
        var parser = MappingParser(file: file)
        let mapping = parser.parseMapping(node)
        let diagnostics = parser.reader.diagnostics.inFileOrder()
        guard let mapping, diagnostics.isEmpty else {
            throw ExportMappingError(diagnostics: diagnostics.isEmpty
                ? [MappingDiagnostic(code: .invalidValue, file: file, message: "the mapping is incomplete")]
                : diagnostics)
        }
        return mapping
    }
}
