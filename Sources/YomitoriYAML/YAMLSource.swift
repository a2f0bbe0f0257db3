public import Foundation
public import Yams

/// Reads a YAML file and composes its node tree, turning every way that can fail — missing file,
/// a folder, no permission, not UTF-8, malformed YAML, an empty file — into one ``YAMLDiagnostic``
/// at the line Yams points at.
public enum YAMLSource {
    /// The file's text, or an `unreadable-file` diagnostic. `kind` names what was expected
    /// (`a job YAML file`), `name` what to save as UTF-8 (`the job file`).
    public static func readText(path: String, kind: String, name: String) -> Result<String, YAMLDiagnostic> {
        func problem(_ message: String) -> Result<String, YAMLDiagnostic> {
            .failure(YAMLDiagnostic(code: .unreadableFile, file: path, message: message))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return problem("no such file; expected \(kind)")
        }
        guard !isDirectory.boolValue else { return problem("is a directory; expected \(kind)") }
        guard let data = FileManager.default.contents(atPath: path) else {
            return problem("cannot be read (check its permissions)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let (line, column) = firstInvalidUTF8(in: [UInt8](data))
            return .failure(YAMLDiagnostic(
                code: .unreadableFile, file: path, line: line, column: column,
                message: "is not UTF-8 text from here on (saved as Shift_JIS?); save \(name) as UTF-8"
            ))
        }
        return .success(text)
    }

    /// Line and column (1-based, the column in bytes) of the first byte that does not belong to
    /// valid UTF-8; (1, 1) when the whole text is valid.
    static func firstInvalidUTF8(in bytes: [UInt8]) -> (line: Int, column: Int) {
        var parser = Unicode.UTF8.ForwardParser()
        var input = bytes.makeIterator()
        var line = 1, lineStart = 0, offset = 0
        while case .valid(let encoded) = parser.parseScalar(from: &input) {
            if encoded.count == 1, encoded.first == UInt8(ascii: "\n") {
                line += 1
                lineStart = offset + 1
            }
            offset += encoded.count
        }
        return offset < bytes.count ? (line, offset - lineStart + 1) : (1, 1)
    }

    /// The root node of `yaml`, or a `malformed-yaml` diagnostic (or `not-a-mapping` for an empty
    /// document, with `emptyHint` saying how the file should start). `hint` may add advice for a
    /// parse error at a given line (a format's common pitfalls).
    public static func compose(
        yaml: String, path: String, emptyHint: String, hint: (_ yaml: String, _ line: Int) -> String = { _, _ in "" }
    ) -> Result<Node, YAMLDiagnostic> {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            return .failure(diagnostic(error, yaml: yaml, file: path, hint: hint))
        }
        guard let root, root.tagName != .null else {
            return .failure(YAMLDiagnostic(
                code: .notAMapping, file: path, line: 1, column: 1, message: "the file is empty; \(emptyHint)"
            ))
        }
        return .success(root)
    }

    /// A Yams parse error as a diagnostic at the line Yams points at.
    static func diagnostic(
        _ error: any Error, yaml: String, file: String, hint: (_ yaml: String, _ line: Int) -> String
    ) -> YAMLDiagnostic {
        func make(line: Int?, column: Int?, _ message: String) -> YAMLDiagnostic {
            YAMLDiagnostic(code: .malformedYAML, file: file, line: line, column: column, message: message)
        }
        func explain(_ context: YamlError.Context?, _ problem: String) -> String {
            guard let context else { return "malformed YAML: \(problem)" }
            return "malformed YAML: \(context.text) at line \(context.mark.line), \(problem)"
        }
        guard let error = error as? YamlError else { return make(line: nil, column: nil, "malformed YAML: \(error)") }
        switch error {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            return make(line: mark.line, column: mark.column, explain(context, problem) + hint(yaml, mark.line))
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return make(line: context.mark.line, column: context.mark.column,
                        "malformed YAML: key \(keys) appears more than once in the same mapping; each key may appear once")
        case let .reader(problem, offset, _, _):
            let line = offset.map { offset in yaml.utf8.prefix(offset).count { $0 == UInt8(ascii: "\n") } + 1 }
            return make(line: line, column: nil, "malformed YAML: \(problem)")
        default:
            return make(line: nil, column: nil, "malformed YAML: \(error)")
        }
    }
}
