import ArgumentParser
import Foundation
import YomitoriOCR
import YomitoriReader
import YomitoriResults
import YomitoriTemplate

/// `yomitori read`: prints one JSON object per page (JSON Lines).
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Read scanned forms and print each page's fields as JSON Lines.",
        discussion: """
        Each page is registered to the template(s) and every field is read. With several \
        --template options each page is matched to the form it shows; a page that matches \
        none is reported as unknown. Problems with a file are printed on stderr, one line each, \
        and the other files are still read.

        Exit status: 0 all pages read; 1 some files or pages could not be read or matched; \
        2 usage or template error.
        """
    )

    @Option(name: .customLong("template"), help: "Template YAML file (repeat for mixed stacks).")
    var templates: [String]

    @Option(help: "Resolution for rasterising PDF pages.")
    var dpi: Int = 300

    @Flag(help: "Show sensitive values (個人番号) unmasked.")
    var showSensitive = false

    @Argument(help: "Scans: PNG, JPEG, TIFF (multi-page too) or PDF.")
    var files: [String]

    func validate() throws {
        if templates.isEmpty { throw ValidationError("give at least one --template") }
        if files.isEmpty { throw ValidationError("give at least one scan file") }
        if !(72...600).contains(dpi) { throw ValidationError("--dpi must be between 72 and 600") }
    }

    func run() throws {
        let prepared = try loadTemplates(templates)
        let reader = FormReader(templates: prepared)
        do {
            try reader.preload(threads: ProcessInfo.processInfo.activeProcessorCount)
        } catch {
            Console.error("\(error)")
            throw ExitCode(2)
        }
        var limits = ScanLimits()
        limits.pdfDPI = dpi
        let output = JSONLinesWriter()
        var failures = 0
        for path in files {
            let scan: ScanFile
            do {
                scan = try ScanFile(path: path, limits: limits)
            } catch {
                Console.error("\(error)")
                output.write(ErrorRecord(file: path, page: nil, error: error))
                failures += 1
                continue
            }
            for index in 0..<scan.pageCount {
                let id = PageID(file: path, page: index)
                let outcome: PageOutcome
                do {
                    outcome = reader.read(try scan.page(index), id: id)
                } catch {
                    outcome = .failed(id, error as? OCRError ?? OCRError(code: .corrupt, file: path, message: "\(error)"))
                }
                switch outcome {
                case .read(var page):
                    if !showSensitive { page = page.maskingSensitive() }
                    output.write(page)
                case .unknownForm(let id, let scores, let markersNotFound):
                    let message = "page \(id.page + 1) " + UnknownFormText.english(scores: scores, markersNotFound: markersNotFound)
                    Console.error("\(path): \(message)")
                    output.write(ErrorRecord(file: path, page: index, code: "unknown_form", message: message))
                    failures += 1
                case .failed(_, let error):
                    Console.error("\(path): page \(index + 1): \(error.message)")
                    output.write(ErrorRecord(file: path, page: index, error: error))
                    failures += 1
                }
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }
}

func loadTemplates(_ paths: [String]) throws -> [PreparedTemplate] {
    var prepared: [PreparedTemplate] = []
    for path in paths {
        do {
            prepared.append(try PreparedTemplate(TemplateLoader.load(path: path)))
        } catch let error as TemplateError {
            Console.error("\(error)")
            throw ExitCode(2)
        } catch {
            Console.error("\(path): \(error)")
            throw ExitCode(2)
        }
    }
    return prepared
}

/// A page or file that could not be read, as a JSON Lines record.
struct ErrorRecord: Encodable {
    struct Detail: Encodable {
        var code: String
        var message: String
    }
    var file: String
    var page: Int?
    var error: Detail

    init(file: String, page: Int?, error: any Error) {
        self.file = file
        self.page = page
        if let e = error as? OCRError {
            self.error = Detail(code: e.code.description, message: e.message)
        } else {
            self.error = Detail(code: "error", message: "\(error)")
        }
    }

    init(file: String, page: Int?, code: String, message: String) {
        self.file = file
        self.page = page
        self.error = Detail(code: code, message: message)
    }
}
