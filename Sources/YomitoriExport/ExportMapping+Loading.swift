import Foundation
public import Yams

extension ExportMapping {
    /// Loads a mapping file.
    ///
    /// - Throws: ``ExportMappingError`` listing every problem with `file:line:column`.
    public static func load(path: String) throws(ExportMappingError) -> ExportMapping {
        var isDirectory: ObjCBool = false
        let problem: String?
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            problem = "no such file; expected an export mapping YAML file"
        } else if isDirectory.boolValue {
            problem = "is a directory; expected an export mapping YAML file"
        } else if let data = FileManager.default.contents(atPath: path) {
            guard let yaml = String(data: data, encoding: .utf8) else {
                throw single(.unreadableFile, path, "is not UTF-8 text; save the mapping as UTF-8")
            }
            return try parse(yaml: yaml, file: path)
        } else {
            problem = "cannot be read (check its permissions)"
        }
        throw single(.unreadableFile, path, problem ?? "cannot be read")
    }

    /// Parses mapping YAML that was read elsewhere; `file` names it in messages.
    public static func parse(yaml: String, file: String) throws(ExportMappingError) -> ExportMapping {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw yamlError(error, file: file)
        } catch {
            throw single(.malformedYAML, file, "malformed YAML: \(error)")
        }
        guard let root else {
            throw single(.notAMapping, file, "the file is empty; a mapping starts with `format: csv` (or tsv, jsonl, fixed, zengin)")
        }
        return try parse(node: root, file: file)
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
        let diagnostics = parser.reader.sortedDiagnostics
        guard let mapping, diagnostics.isEmpty else {
            throw ExportMappingError(diagnostics: diagnostics.isEmpty
                ? [MappingDiagnostic(code: .invalidValue, file: file, line: nil, column: nil, message: "the mapping is incomplete")]
                : diagnostics)
        }
        return mapping
    }

    // MARK: - Helpers

    private static func single(_ code: MappingDiagnostic.Code, _ file: String, _ message: String, line: Int? = nil, column: Int? = nil) -> ExportMappingError {
        ExportMappingError(diagnostics: [MappingDiagnostic(code: code, file: file, line: line, column: column, message: message)])
    }

    private static func yamlError(_ error: YamlError, file: String) -> ExportMappingError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let prefix = context.map { "\($0.text) at line \($0.mark.line), " } ?? ""
            return single(.malformedYAML, file, "malformed YAML: \(prefix)\(problem)", line: mark.line, column: mark.column)
        case let .duplicatedKeysInMapping(duplicates, context):
            return single(.malformedYAML, file, "duplicate key " + duplicates.map { "'\($0)'" }.joined(separator: ", ") + " in a mapping",
                          line: context.mark.line, column: context.mark.column)
        default:
            return single(.malformedYAML, file, "malformed YAML: \(error)")
        }
    }
}
