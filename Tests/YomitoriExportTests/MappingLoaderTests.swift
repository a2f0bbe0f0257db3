import YomitoriYAML
import Foundation
import Testing
import Yams
import YomitoriExport

/// The mapping loader: sample mappings load, every mistake is reported with file:line:column.
@Suite("Mapping loader")
struct MappingLoaderTests {
    @Test(arguments: ["juminhyo_csv.yaml", "jido_koza_zengin.yaml", "tennyu_fixed.yaml"])
    func sampleMappingsLoad(name: String) throws {
        let path = repositoryRoot.appendingPathComponent("samples/mappings/\(name)").path
        do {
            _ = try ExportMapping.load(path: path)
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test("sample mappings use only fields the sample templates have")
    func sampleFieldsExist() throws {
        for (mappingName, templateName) in [("juminhyo_csv", "a_juminhyo"), ("jido_koza_zengin", "b_jido_koza"),
                                            ("tennyu_fixed", "c_tennyu")] {
            let mapping = try ExportMapping.load(path: repositoryRoot.appendingPathComponent("samples/mappings/\(mappingName).yaml").path)
            let template = try String(contentsOf: repositoryRoot.appendingPathComponent("samples/templates/\(templateName).yaml"), encoding: .utf8)
            let names = Set(template.split(separator: "\n").compactMap { line -> String? in
                let trimmed = line.drop { $0 == " " }
                return trimmed.hasPrefix("- name: ") ? String(trimmed.dropFirst(8)) : nil
            })
            var columns = mapping.columns
            if let zengin = mapping.zengin { columns += zengin.fields.values }
            for column in columns {
                if case .field(let name) = column.source {
                    #expect(names.contains(name), "\(mappingName): \(name) is not a field of \(templateName)")
                }
            }
        }
    }

    @Test("the sample 全銀 mapping reproduces the header of jp-formats §1.6")
    func sampleZenginHeader() throws {
        let mapping = try ExportMapping.load(path: repositoryRoot.appendingPathComponent("samples/mappings/jido_koza_zengin.yaml").path)
        var builder = ImportFileBuilder(mapping: mapping, context: testContext)
        let header = try builder.start()
        let vector = try #require(FileManager.default.contents(atPath: goldenFolder.appendingPathComponent("zengin_crlf.txt").path))
        #expect(header == Array(vector.prefix(122)))
    }

    @Test("an unknown key names the place and the nearest key")
    func unknownKey() {
        let errors = mappingErrors("""
            format: csv
            encoding: cp932
            columns:
              - {name: 氏名, field: name, normalise: [nfkc]}
            """)
        #expect(errors.map(\.description) == [
            "test.yaml:4:29: error: unknown key 'normalise' in column 1; did you mean 'normalize'?",
        ])
    }

    @Test("a key in the wrong section says where it belongs")
    func misplacedKey() {
        let errors = mappingErrors("format: csv\nencoding: utf-8\nalign: left\ncolumns: [{name: a, value: x}]")
        #expect(errors.map(\.message) == ["unknown key 'align' in the mapping; 'align' belongs in a fixed entry mapping"])
        #expect(errors.first?.line == 3 && errors.first?.column == 1)
    }

    @Test("misspelt values get a suggestion too")
    func misspeltValue() {
        let errors = mappingErrors("format: cvs\nencoding: cp932")
        #expect(errors.map(\.message) == ["format must be one of csv, tsv, jsonl, fixed, zengin, got 'cvs'; did you mean 'csv'?"])
    }

    @Test("all problems are reported at once, in file order")
    func everyProblem() {
        let errors = mappingErrors("""
            format: fixed
            header: true
            columns:
              - {name: 氏名, field: name, pad_left: "0"}
              - {name: 氏名, value: "𠮷"}
              - {name: 区分, field: a, value: b}
              - {name: 日付, value: "1", format: iso}
            fixed:
              - {column: 氏名, width: 0}
            """)
        #expect(errors.map(\.code) == [.missingKey, .conflict, .missingKey, .invalidValue, .conflict, .conflict,
                                       .missingKey, .missingKey, .invalidValue])
        #expect(errors.map(\.line) == [1, 2, 4, 5, 6, 7, 9, 9, 9])
        #expect(errors.map(\.message) == [
            "format fixed needs `encoding:` (utf-8, utf-8-bom or cp932); the receiving system decides",
            "'header' applies to format csv, tsv only, not fixed",
            "column '氏名': pad_left needs a width to pad to",
            "column name '氏名' is used twice (first at line 4)",
            "column '区分' has field and value; give only one source",
            "column '日付': format applies to date fields and `derive: today` only",
            "column '氏名' has no fixed entry (every column needs a byte width)",
            "column '日付' has no fixed entry (every column needs a byte width)",
            "fixed entry 1 width must be at least 1, got 0",
        ])
    }

    @Test("CP932: header names and constants that cannot be written are found when loading")
    func unencodableConfiguration() {
        let errors = mappingErrors("format: csv\nencoding: cp932\ncolumns:\n  - {name: 𠮷野, value: \"㋿\"}")
        #expect(errors.map(\.code) == [.unencodable, .unencodable])
        #expect(errors.first?.message == "column name '𠮷野' cannot be written in cp932: '𠮷' (U+20BB7) at 0")
    }

    @Test("substitutions need on_unencodable: substitute, and may not drop characters")
    func substitutions() {
        #expect(mappingErrors("format: csv\nencoding: cp932\nsubstitutions: {a: b}\ncolumns: [{name: a, value: x}]").map(\.code)
                == [.conflict])
        let errors = mappingErrors("""
            format: csv
            encoding: cp932
            on_unencodable: substitute
            substitutions: {"𠮷": "", "ab": "c", "髙": "𠮷"}
            columns: [{name: a, value: x}]
            """)
        #expect(errors.map(\.code) == [.invalidValue, .invalidValue, .unencodable])
    }

    @Test("file name patterns may not leave the folder or hide the file")
    func fileNames() {
        for (pattern, expected) in [
            ("../{job}.csv", "file_name: '/' is not allowed in a file name; use A–Z, a–z, 0–9, '.', '_' or '-'"),
            (".{job}.csv", "file_name: a file name may not start with '.' (hidden and temporary files do)"),
            ("{job}_{day}.csv", "file_name: unknown variable {day}; known: {job}, {date}, {time}, {seq}, {run}, {template}"),
            ("{job}.tmp", "file_name: '.tmp' is reserved for files being written"),
            ("{date}_{job}", nil),
        ] as [(String, String?)] {
            let errors = mappingErrors("format: jsonl\ndelivery: {file_name: \"\(pattern)\"}")
            #expect(errors.first?.message == expected, "\(pattern)")
        }
    }

    @Test("全銀 header values are checked when loading")
    func zenginHeader() {
        let yaml = ZenginTests.vectorMapping()
            .replacingOccurrences(of: "requester_code: \"1234567890\"", with: "requester_code: \"12345678901\"")
            .replacingOccurrences(of: "requester_name: ｻﾝﾌﾟﾙｼ ｺﾄﾞﾓｶﾃｲｶ", with: "requester_name: 見本市こども家庭課")
            .replacingOccurrences(of: "transfer_date: \"0610\"", with: "transfer_date: \"0631\"")
            .replacingOccurrences(of: "    recipient_name: account_holder\n", with: "")
        let errors = mappingErrors(yaml)
        #expect(errors.map(\.line) == [6, 7, 8, 16])
        #expect(errors.map(\.code) == [.invalidValue, .invalidValue, .invalidValue, .missingKey])
        #expect(errors[3].message == "zengin.fields is missing required key 'recipient_name'")
    }

    @Test("columns do not apply to 全銀 files; their data items do")
    func zenginColumns() {
        let errors = mappingErrors(ZenginTests.vectorMapping() + "\ncolumns: [{name: a, value: b}]")
        #expect(errors.map(\.message) == ["'columns' applies to format csv, tsv, jsonl, fixed only, not zengin; 全銀 data items go under zengin.fields"])
    }

    @Test("embedded in a job definition: parse(node:) reports lines of the job file")
    func embedded() throws {
        let job = """
            job: jido_koza
            steps:
              - read: {template: b_jido_koza}
              - export:
                  format: csv
                  encoding: cp932
                  columns:
                    - {name: 氏名, feild: claimant_name}
            """
        let root = try #require(try Yams.compose(yaml: job))
        let step = try #require(root["steps"]?[1]?["export"])
        #expect(throws: ExportMappingError.self) { try ExportMapping.parse(node: step, file: "jobs/jido.yaml") }
        do {
            _ = try ExportMapping.parse(node: step, file: "jobs/jido.yaml")
        } catch {
            #expect(error.description == """
                jobs/jido.yaml:8:22: error: unknown key 'feild' in column 1; did you mean 'field'?
                """)
        }
    }

    @Test("malformed YAML and missing files are mapping errors too")
    func unreadable() {
        #expect(mappingErrors("format: csv\n  encoding: [").first?.code == .malformedYAML)
        do {
            _ = try ExportMapping.load(path: "/nonexistent/m.yaml")
            Issue.record("loaded a missing file")
        } catch {
            #expect(error.diagnostics.map(\.code) == [.unreadableFile])
        }
    }
}
