import YomitoriYAML
import ArgumentParser
import YomitoriTemplate
import YomitoriReader

/// `yomitori template …`: check and preview templates.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Check a template, preview where its zones land on a scan, or list a blank form's printed cells.",
        subcommands: [Check.self, PreviewCommand.self, CellsCommand.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate template files and say exactly what is wrong (file:line:column).",
            discussion: """
                Also reads each page's form_marker on the template's reference image, as it will be \
                read on scans, and warns when it is not found there.

                Exit status: 0 no errors (warnings allowed); 2 at least one error.
                """
        )

        @Argument(help: "Template YAML files.")
        var paths: [String]

        func run() throws {
            var errors = 0
            for path in paths {
                let report = TemplateLoader.report(path: path)
                let diagnostics = report.diagnostics
                for d in diagnostics { print(d.description) }
                let n = diagnostics.filter { $0.severity == .error }.count
                errors += n
                if n == 0 {
                    let markerWarnings = report.template.map { Self.markerWarnings($0, path: path) } ?? []
                    for warning in markerWarnings { print(warning) }
                    let w = diagnostics.count + markerWarnings.count
                    print("\(path): OK" + (w > 0 ? " (\(w) warning\(w == 1 ? "" : "s"))" : ""))
                }
            }
            if errors > 0 { throw ExitCode(2) }
        }

        /// The form markers not found on their reference images (see ``FormMarkerAudit``).
        static func markerWarnings(_ template: Template, path: String) -> [String] {
            do {
                return try FormMarkerAudit.check(template).filter { !$0.found }.map { finding in
                    let zone = template.pages[finding.page].formMarker?.zone.templateText ?? ""
                    return "\(path): warning: form_marker '\(finding.marker)' of page \(finding.page + 1) is not read in its zone \(zone) "
                        + "on the reference image; scans of this form would be reported as another form (unknown_form). "
                        + "Check that the zone covers the printed text with a couple of mm to spare, and that the text is as printed."
                }
            } catch {
                return ["\(path): warning: form_marker not checked on the reference image: \(error)"]
            }
        }
    }
}
