import ArgumentParser
import Foundation
import YomitoriOCR
import YomitoriReader
import YomitoriResults
import YomitoriValidation

/// `yomitori calibrate`: accuracy of accepted fields, share to review and suggested thresholds
/// per field type, from labelled scans.
struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Measure decisions on labelled scans and suggest confidence thresholds per field type.",
        discussion: """
        The truth file has one JSON object per page: {"file": NAME, "page": N, "quality": Q, \
        "fields": {name: value}, "invalid": {name: reason}} (the format of samples/scans/expected.jsonl); \
        files are matched by name (a path in "file" is reduced to its name), "page" counts from 0, \
        "quality" is optional (for --quality). Fields listed under "invalid" are checked to be never \
        accepted. When no scan page has a truth record, calibrate says why and exits with 2.
        """
    )

    @Option(name: .customLong("template"), help: "Template YAML file (repeat for mixed stacks).") var templates: [String]
    @Option(help: "Truth file (JSON Lines).") var truth: String
    @Option(help: "Largest tolerated share of wrong values among accepted fields.") var target = 0.001
    @Option(help: "Only pages whose truth has this quality (e.g. degraded).") var quality: String?
    @Flag(help: "List every accepted value that differs from the truth (sensitive fields masked).") var listWrong = false
    @Argument(help: "Labelled scans.") var files: [String]

    struct TruthPage: Decodable {
        var file: String
        var page: Int
        var quality: String?
        var fields: [String: Calibration.Truth]
        var invalid: [String: String]?
    }

    /// A value (read or truth) as the wrong-values list shows it.
    static func quoted(_ value: FieldValue?) -> String {
        switch value {
        case .text(let t)?: "\"\(t)\""
        case .list(let l)?: "[" + l.joined(separator: ", ") + "]"
        case .bool(let b)?: b ? "true" : "false"
        case nil: "nothing"
        }
    }

    func run() throws {
        var pages: [String: TruthPage] = [:]
        let text = try String(contentsOfFile: truth, encoding: .utf8)
        for (n, line) in text.split(separator: "\n").enumerated() {
            do {
                var p = try JSONDecoder().decode(TruthPage.self, from: Data(line.utf8))
                p.file = (p.file as NSString).lastPathComponent  // scans are matched by name
                pages["\(p.file)#\(p.page)"] = p
            } catch {
                Console.error("\(truth):\(n + 1): not a truth record (\(error))")
                throw ExitCode(2)
            }
        }
        let reader = FormReader(templates: try loadTemplates(templates))
        var observations: [Calibration.Observation] = []
        var wrongLines: [String] = []
        var invalidAccepted = 0, invalidTotal = 0, unread = 0, pagesRead = 0, pagesAccepted = 0, matched = 0
        var unknownFields: Set<String> = []
        for path in files {
            let scan: ScanFile
            do { scan = try ScanFile(path: path) } catch { Console.error("\(error)"); unread += 1; continue }
            for index in 0..<scan.pageCount {
                let name = (path as NSString).lastPathComponent
                guard let truthPage = pages["\(name)#\(index)"], quality == nil || truthPage.quality == quality else { continue }
                matched += 1
                let read: PageRead
                switch reader.read(try scan.page(index), id: PageID(file: name, page: index)) {
                case .read(let page):
                    read = page
                case .unknownForm(_, let scores, let markersNotFound):
                    Console.error("\(name): page \(index + 1) not read: it " + UnknownFormText.english(scores: scores, markersNotFound: markersNotFound))
                    unread += 1
                    continue
                case .failed(_, let error):
                    Console.error("\(name): page \(index + 1) not read: \(error.message)")
                    unread += 1
                    continue
                }
                pagesRead += 1
                if read.status == .accepted { pagesAccepted += 1 }
                for (field, expected) in truthPage.fields {
                    guard let got = read[field: field] else {
                        if unknownFields.insert(field).inserted {
                            Console.error("\(truth): field '\(field)' is not a field of template '\(read.template)'; it is not counted")
                        }
                        continue
                    }
                    if truthPage.invalid?[field] != nil {
                        invalidTotal += 1
                        if got.status == .accepted { invalidAccepted += 1 }
                        continue
                    }
                    let type = got.type == "choice" ? "checkbox" : got.type
                    if listWrong, got.status == .accepted, !expected.matches(got.value) {
                        let shown = got.sensitive ? "(masked)" : "read \(Self.quoted(got.value)), truth \(Self.quoted(expected.fieldValue))"
                        wrongLines.append("wrong: \(name) page \(index + 1) \(field): \(shown)")
                    }
                    observations.append(.init(
                        type: type, confidence: got.confidence, accepted: got.status == .accepted,
                        otherReasons: got.reasons.contains { $0.code != "low_confidence" }, correct: expected.matches(got.value)
                    ))
                }
            }
        }
        guard matched > 0 else {
            // Nothing to measure: say why rather than print figures of nothing.
            let names = Set(files.map { ($0 as NSString).lastPathComponent })
            let named = pages.values.filter { names.contains($0.file) }
            var problem = "no page of the scans given has a truth record"
            if named.isEmpty {
                let example = pages.values.min { ($0.file, $0.page) < ($1.file, $1.page) }
                problem += example.map { "; the truth names files like '\($0.file)' (page \($0.page), counted from 0)" } ?? "; the truth file is empty"
            } else if let quality {
                let qualities = Set(named.compactMap(\.quality)).sorted()
                problem += "; none of their truth records has \"quality\": \"\(quality)\" (found: "
                    + (qualities.isEmpty ? "no quality key" : qualities.joined(separator: ", ")) + ")"
            } else {
                problem += "; check the truth's \"page\" numbers (counted from 0)"
            }
            Console.error("\(truth): \(problem)")
            throw ExitCode(2)
        }
        wrongLines.forEach { print($0) }
        let calibration = Calibration(observations: observations, target: target)
        print(calibration.table)
        let t = calibration.total
        print(String(format: "accepted: %.1f%% of %d fields; %.2f%% of accepted fields right; deliberately invalid values accepted: %d of %d; pages not read: %d",
                     t.fields == 0 ? 0 : Double(t.accepted) / Double(t.fields) * 100, t.fields, t.acceptedPrecision * 100,
                     invalidAccepted, invalidTotal, unread))
        // A page goes into the import file only when every field of it is accepted: fields accepted
        // say little about the pages nobody has to look at.
        print(String(format: "pages accepted whole (nothing to check): %d of %d (%.1f%%)",
                     pagesAccepted, pagesRead, pagesRead == 0 ? 0 : Double(pagesAccepted) / Double(pagesRead) * 100))
        // What the decisions cost: Tesseract recognitions (every read, confirming reads included).
        print(String(format: "recognitions: %.1f per page (%d pages)",
                     pagesRead == 0 ? 0 : Double(reader.engines.recognitions) / Double(pagesRead), pagesRead))
    }
}
