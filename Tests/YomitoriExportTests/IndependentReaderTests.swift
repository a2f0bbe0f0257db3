import Foundation
import Testing
import YomitoriExport
import YomitoriResults

/// Files written here are read back by Python's `csv` module with its own `cp932` and `utf-8-sig`
/// codecs: another implementation must see exactly the records a clerk would have typed.
///
/// The expected records are written by hand in ``Fixtures`` and reach the script as JSON on stdin;
/// the file path is an argument. No shell is involved.
@Suite("Independent readers")
struct IndependentReaderTests {
    /// Reads the file with `csv.reader` and compares with the expected rows; prints what differs.
    static let script = """
        import csv, json, sys
        path, codec, delimiter = sys.argv[1], sys.argv[2], sys.argv[3]
        expected = json.load(sys.stdin)
        with open(path, encoding=codec, errors="strict", newline="") as f:
            rows = list(csv.reader(f, delimiter=delimiter, strict=True))
        raw = open(path, "rb").read()
        if codec == "cp932" and raw.startswith(b"\\xef\\xbb\\xbf"):
            sys.exit("cp932 file starts with a BOM")
        if rows != expected:
            print(json.dumps({"got": rows, "expected": expected}, ensure_ascii=False))
            sys.exit(1)
        print(len(rows))
        """

    static func read(_ bytes: [UInt8], codec: String, delimiter: String = ",", expected: [[String]]) throws {
        let python = try #require(python3(), "python3 is needed for this test (Debian: apt-get install python3)")
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path + "/file"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let result = try runProcess(python, ["-c", script, path, codec, delimiter], input: try JSONEncoder().encode(expected))
        #expect(result.status == 0, "\(String(decoding: result.stdout, as: UTF8.self))\(result.stderr)")
        #expect(String(decoding: result.stdout, as: UTF8.self) == "\(expected.count)\n")
    }

    static func render(_ yaml: String) throws -> [UInt8] {
        try ImportFileBuilder.render(Fixtures.pages, mapping: mapping(yaml), context: testContext).bytes
    }

    @Test("CP932 CSV (review policy): header and the two writable records")
    func cp932Review() throws {
        try Self.read(Self.render(Fixtures.delimited(encoding: "cp932")), codec: "cp932",
                      expected: [Fixtures.header, Fixtures.record1, Fixtures.record2])
    }

    @Test("CP932 CSV (substitute policy): substitutions as declared, 〜 as CP932's ～")
    func cp932Substitute() throws {
        let extra = "on_unencodable: substitute\nsubstitutions: {\"𠮷\": \"吉\", \"㋿\": \"令和\"}"
        try Self.read(Self.render(Fixtures.delimited(encoding: "cp932", extra: extra)), codec: "cp932",
                      expected: [Fixtures.header, Fixtures.record1, Fixtures.record2, Fixtures.record3Substituted])
    }

    @Test("UTF-8 with BOM CSV (what Excel opens): every character as read")
    func utf8BOM() throws {
        try Self.read(Self.render(Fixtures.delimited(encoding: "utf-8-bom")), codec: "utf-8-sig",
                      expected: [Fixtures.header, Fixtures.record1, Fixtures.record2, Fixtures.record3])
    }

    @Test("UTF-8 TSV, LF, quoted cells")
    func tsv() throws {
        try Self.read(Self.render(Fixtures.delimited("tsv", encoding: "utf-8", extra: "newline: lf\nquote: all")), codec: "utf-8",
                      delimiter: "\t", expected: [Fixtures.header, Fixtures.record1, Fixtures.record2, Fixtures.record3])
    }

    @Test("the golden CSV files read back as the same records")
    func goldenFiles() throws {
        for (name, codec, expected) in [
            ("csv_cp932_review.csv", "cp932", [Fixtures.header, Fixtures.record1, Fixtures.record2]),
            ("csv_cp932_substitute.csv", "cp932", [Fixtures.header, Fixtures.record1, Fixtures.record2, Fixtures.record3Substituted]),
            ("csv_utf8_crlf.csv", "utf-8", [Fixtures.header, Fixtures.record1, Fixtures.record2, Fixtures.record3]),
        ] {
            let bytes = try #require(FileManager.default.contents(atPath: goldenFolder.appendingPathComponent(name).path))
            try Self.read([UInt8](bytes), codec: codec, expected: expected)
        }
    }

    @Test("a 全銀 file from the sample mapping passes the published layout check")
    func zenginFromSampleMapping() throws {
        let mapping = try ExportMapping.load(path: repositoryRoot.appendingPathComponent("samples/mappings/jido_koza_zengin.yaml").path)
        let pages = (0..<50).map { index in
            page("scan\(index).png", template: "b_jido_koza", [
                field("bank_code", "0009"), field("branch_code", "001"), field("account_type", "普通"),
                field("account_number", String(1000 + index)), field("account_holder", "ヤマダ・ハナコ"),
            ])
        }
        let (bytes, report) = try ImportFileBuilder.render(pages, mapping: mapping, context: testContext)
        #expect(report.recordsWritten == 50)
        try ZenginLayoutCheck.check(bytes, lineBreaks: true, expectedTotal: 50 * 15000)
        #expect(CP932Check.decode(Array(bytes[(122 + 50)..<(122 + 80)])) == "ﾔﾏﾀﾞ.ﾊﾅｺ" + String(repeating: " ", count: 22))
    }
}

/// CP932 decoding for checks, through Foundation (decoding is safe; only encoding has traps).
enum CP932Check {
    static func decode(_ bytes: [UInt8]) -> String? {
        String(data: Data(bytes), encoding: .shiftJIS)
    }
}
