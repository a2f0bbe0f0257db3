import YomitoriYAML
import Foundation
import Testing
@testable import YomitoriTemplate

/// The path used for templates given as strings; it does not exist, so tests that need
/// `reference_image` write real files with ``TemporaryDirectory``.
let virtualPath = "/virtual/t.yaml"

/// Every diagnostic for a template given as a string.
func diagnostics(_ yaml: String, path: String = virtualPath) -> [TemplateDiagnostic] {
    TemplateLoader.check(yaml: yaml, path: path)
}

/// The one diagnostic with `code`, failing the test when there is not exactly one.
func single(
    _ code: TemplateDiagnostic.Code, in yaml: String, sourceLocation: SourceLocation = #_sourceLocation
) throws -> TemplateDiagnostic {
    let all = diagnostics(yaml)
    let matching = all.filter { $0.code == code }
    try #require(matching.count == 1, "expected one \(code), got:\n\(all.map(\.description).joined(separator: "\n"))",
                 sourceLocation: sourceLocation)
    return matching[0]
}

/// A one-page A4 template around the given field lines, which start at line 8.
///
/// The header has registration marks so it raises no warning of its own.
func page(fields: String) -> String {
    """
    template: t
    title: テスト
    page:
      size: A4
      registration:
        marks: [[8, 8, 6, 6], [196, 8, 6, 6]]
      fields:
    \(fields)
    """
}

/// The repository root, found from this file's path.
let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A fresh directory under the system temporary directory, removed by ``remove()``.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("yomitori-template-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `text` to `name` inside the directory and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
