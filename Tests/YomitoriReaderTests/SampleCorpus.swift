import Foundation
import YomitoriOCR
import YomitoriReader
import YomitoriResults
import YomitoriTemplate
import YomitoriVision

/// The committed sample scans with their expected values (`samples/scans/expected.jsonl`).
struct SampleCorpus {
    struct Page: Decodable {
        var file: String
        var page: Int
        var form: String
        var quality: String
        var fields: [String: Expected]
        var invalid: [String: String]?
    }

    /// An expected value: a string (text, date, comb, choice) or a list (multi-select checkbox).
    enum Expected: Decodable, Equatable {
        case text(String)
        case list([String])
        case none

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .none }
            else if let l = try? c.decode([String].self) { self = .list(l) }
            else { self = .text(try c.decode(String.self)) }
        }

        func matches(_ value: FieldValue?) -> Bool {
            switch (self, value) {
            case (.none, nil): true
            case (.text(let e), .text(let v)?): e == v
            case (.text(let e), nil): e.isEmpty
            case (.list(let e), .list(let v)?): e == v
            case (.text(let e), .bool(let b)?): e == (b ? "true" : "false")
            default: false
            }
        }
    }

    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let scans = root.appendingPathComponent("samples/scans")
    static let templates = ["a_juminhyo", "b_jido_koza", "c_tennyu"].map {
        root.appendingPathComponent("samples/templates/\($0).yaml").path
    }

    static func load() throws -> [Page] {
        let text = try String(contentsOf: scans.appendingPathComponent("expected.jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Page.self, from: Data($0.utf8)) }
    }

    /// The three sample templates, prepared (reference images decoded), in `templates` order.
    static func prepared() throws -> [PreparedTemplate] {
        try templates.map { try PreparedTemplate(TemplateLoader.load(path: $0)) }
    }

    static func reader() throws -> FormReader {
        FormReader(templates: try prepared())
    }

    /// Reads every expected page (files opened once each).
    static func readAll(_ pages: [Page], with reader: FormReader) throws -> [(Page, PageOutcome)] {
        var out: [(Page, PageOutcome)] = []
        var files: [String: ScanFile] = [:]
        for page in pages {
            let path = scans.appendingPathComponent(page.file).path
            let file = try files[path] ?? ScanFile(path: path)
            files[path] = file
            out.append((page, reader.read(try file.page(page.page), id: PageID(file: page.file, page: page.page))))
        }
        return out
    }
}

/// Field accuracy tallied by a key (field type, scan quality …).
struct Tally {
    private(set) var right: [String: Int] = [:]
    private(set) var total: [String: Int] = [:]
    private(set) var misses: [String] = []

    mutating func add(_ key: String, _ ok: Bool, miss: @autoclosure () -> String = "") {
        total[key, default: 0] += 1
        if ok { right[key, default: 0] += 1 } else if !miss().isEmpty { misses.append(miss()) }
    }

    func rate(_ key: String) -> Double {
        guard let t = total[key], t > 0 else { return 1 }
        return Double(right[key] ?? 0) / Double(t)
    }

    var keys: [String] { total.keys.sorted() }
}
