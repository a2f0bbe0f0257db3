import YomitoriYAML
import ArgumentParser
import Foundation
import YomitoriExport
import YomitoriText

/// `yomitori export`: turns recorded page results into an import file for a back-office system.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write an import file (CSV, TSV, JSON Lines, fixed-width, 全銀) from page results.",
        discussion: """
        Reads the JSON Lines that `yomitori read` prints once validation has set each page's \
        status, and writes the pages with status accepted as records, following the mapping. \
        The file appears atomically under its final name in --out and never replaces an existing \
        file. Every page that is not exported is listed on stderr (--json: the full report on \
        stdout). Re-running on recorded results re-emits an earlier batch's file.

        Exit status: 0 every page exported; 1 some pages were not accepted or their records went \
        to review (the others were exported); 2 usage, mapping, input or output error (no file).
        """
    )

    // Required, but declared optional so that a missing one exits with 2 like other usage errors.
    @Option(help: "Export mapping YAML file (required).")
    var mapping: String?

    @Option(help: "Page results as JSON Lines, `-` for standard input (required).")
    var input: String?

    @Option(help: "Folder the import file is delivered into (required).")
    var out: String?

    @Option(help: "Job name for the file name ({job}); default: the mapping file's name.")
    var job: String?

    @Option(name: .customLong("run"), help: "Run identifier ({run}, derive: run_id); default: the date and time.")
    var runID: String?

    @Option(help: "Export date YYYY-MM-DD ({date}, derive: today), e.g. to re-emit an earlier batch.")
    var date: String?

    @Option(help: "振込指定日 MMDD for a 全銀 file, overriding the mapping.")
    var transferDate: String?

    @Flag(help: "Print the full report as JSON on stdout.")
    var json = false

    func validate() throws {
        var problems: [String] = []
        for (value, option) in [(mapping, "--mapping"), (input, "--input"), (out, "--out")] where value == nil {
            problems.append("missing \(option)")
        }
        if let date, parsedDate(date) == nil { problems.append("--date must be YYYY-MM-DD, got '\(date)'") }
        if let transferDate, transferDate.count != 4 || !transferDate.allSatisfy({ $0.isASCII && $0.isNumber }) {
            problems.append("--transfer-date must be MMDD, got '\(transferDate)'")
        }
        guard problems.isEmpty else {
            Console.error(problems.joined(separator: "; ") + " (see yomitori export --help)")
            throw ExitCode(2)
        }
    }

    func run() throws {
        guard let mapping, let input, let out else { throw ExitCode(2) }
        let loaded: ExportMapping
        do {
            loaded = try ExportMapping.load(path: mapping)
        } catch {
            for diagnostic in error.diagnostics { Console.error(diagnostic.description) }
            throw ExitCode(2)
        }
        let now = date.flatMap(parsedDate) ?? Date()
        let context = ExportContext(job: job ?? defaultJob(mapping), run: runID ?? defaultRun(now), now: now, transferDate: transferDate)
        let report: ExportReport
        do {
            var source = try ResultsFile(path: input)
            report = try Exporter.export(&source, mapping: loaded, context: context, directory: out)
        } catch {
            Console.error(error.description)
            throw ExitCode(2)
        }
        FileHandle.standardError.write(Data((report.summary() + "\n").utf8))
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            if let data = try? encoder.encode(report) {
                FileHandle.standardOutput.write(data + Data([0x0A]))
            }
        }
        if !report.isComplete { throw ExitCode(1) }
    }

    // MARK: - Defaults

    /// The mapping file's name without folder and extension.
    private func defaultJob(_ mapping: String) -> String {
        let name = URL(fileURLWithPath: mapping).deletingPathExtension().lastPathComponent
        return name.isEmpty ? "export" : name
    }

    /// `20260610-093000` in 日本標準時.
    private func defaultRun(_ now: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = JapaneseDate.japanStandardTime
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return formatter.string(from: now)
    }

    /// Midnight 日本標準時 of a `YYYY-MM-DD` date.
    private func parsedDate(_ text: String) -> Date? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]),
              let day = Int(parts[2]), JapaneseDate(year: year, month: month, day: day) != nil
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = JapaneseDate.japanStandardTime
        return calendar.date(from: DateComponents(year: year, month: month, day: day))
    }
}
