import ArgumentParser

struct Yomitori: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "yomitori",
        abstract: "Offline AI-OCR + RPA batch runner for Japanese municipal forms.",
        subcommands: [
            ReadCommand.self, RunCommand.self, ServeCommand.self, StatusCommand.self, JobsCommand.self, ExportCommand.self, CalibrateCommand.self,
            TemplateCommand.self, ZoneCommand.self, ReviewCommand.self, UsersCommand.self,
        ]
    )
}
