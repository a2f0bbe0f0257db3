import YomitoriYAML
import ArgumentParser
import YomitoriTemplate

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
            discussion: "Exit status: 0 no errors (warnings allowed); 2 at least one error."
        )

        @Argument(help: "Template YAML files.")
        var paths: [String]

        func run() throws {
            var errors = 0
            for path in paths {
                let diagnostics = TemplateLoader.check(path: path)
                for d in diagnostics { print(d.description) }
                let n = diagnostics.filter { $0.severity == .error }.count
                errors += n
                if n == 0 {
                    let w = diagnostics.count
                    print("\(path): OK" + (w > 0 ? " (\(w) warning\(w == 1 ? "" : "s"))" : ""))
                }
            }
            if errors > 0 { throw ExitCode(2) }
        }
    }
}
