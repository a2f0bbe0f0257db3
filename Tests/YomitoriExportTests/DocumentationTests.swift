import Foundation
import Testing
import YomitoriExport

/// The examples in `docs/export.md` are real.
@Suite("docs/export.md")
struct DocumentationTests {
    static func guide() throws -> String {
        try String(contentsOf: repositoryRoot.appendingPathComponent("docs/export.md"), encoding: .utf8)
    }

    /// Every fenced block of `language`.
    static func blocks(_ language: String, in text: String) -> [String] {
        text.components(separatedBy: "```\(language)\n").dropFirst().compactMap { $0.components(separatedBy: "\n```").first }
    }

    @Test("every YAML mapping in the guide loads")
    func mappingsLoad() throws {
        let yaml = Self.blocks("yaml", in: try Self.guide())
        #expect(!yaml.isEmpty)
        for block in yaml {
            do {
                _ = try ExportMapping.parse(yaml: block, file: "docs/export.md")
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    @Test("every mapping key and normaliser the loader knows is documented")
    func keysDocumented() throws {
        let guide = try Self.guide()
        let words = ["format", "encoding", "newline", "header", "quote", "on_unencodable", "substitutions", "columns",
                     "fixed", "zengin", "include_fields", "delivery", "pad_left", "width", "derive", "align", "pad",
                     "file_name", "manifest", "done_marker", "write_empty", "nakaguro", "profile", "allow_zero_amount"]
            + ColumnNormalizer.allCases.map(\.rawValue) + ZenginDataField.allCases.map(\.rawValue)
            + ExportDateFormat.allCases.map(\.rawValue) + DerivedValue.allCases.map(\.rawValue)
        for word in words {
            #expect(guide.contains("`\(word)`"), "`\(word)` is not in docs/export.md")
        }
    }

    @Test("the report example decodes as an ExportReport")
    func reportExample() throws {
        let json = try #require(Self.blocks("json", in: try Self.guide()).first)
        let report = try JSONDecoder().decode(ExportReport.self, from: Data(json.utf8))
        #expect(report.recordsWritten + report.skipped.count + report.review.count == report.pagesRead)
        #expect(report.review.first?.problems.first?.code == .unencodable)
    }
}
