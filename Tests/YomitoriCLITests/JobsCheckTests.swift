import Foundation
import Testing

/// `yomitori jobs check` loads what a job names, as `yomitori run` does when it starts.
@Suite("jobs check")
struct JobsCheckTests {
    /// A newcomer's job passed `jobs check` ("OK") with a typo in its mapping; `run` then stopped
    /// with the mapping's error.
    @Test("A job whose mapping or template has an error fails the check, with the file's line")
    func referencedFiles() throws {
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let root = dir.path
        let mapping = try String(contentsOfFile: CLIRunner.sample("samples/mappings/juminhyo_csv.yaml"), encoding: .utf8)
        let typo = mapping.replacingOccurrences(of: "field: name", with: "feild: name")
        #expect(typo != mapping)
        try typo.write(toFile: "\(root)/typo.yaml", atomically: true, encoding: .utf8)
        var job = TestJob("juminhyo", root: root, templates: ["a_juminhyo"])
        job.export = ("juminhyo_csv", "{job}_{seq}.csv")
        let yaml = job.yaml.replacingOccurrences(of: CLIRunner.sample("samples/mappings/juminhyo_csv.yaml"), with: "\(root)/typo.yaml")
        try yaml.write(toFile: "\(root)/juminhyo.yaml", atomically: true, encoding: .utf8)
        let bad = try CLIRunner.run(["jobs", "check", "\(root)/juminhyo.yaml"])
        #expect(bad.status == 3, "\(bad.stdout)")
        #expect(bad.stdout.contains("\(root)/typo.yaml:"), "\(bad.stdout)")
        #expect(bad.stdout.contains("unknown key 'feild'"), "\(bad.stdout)")
        #expect(!bad.stdout.contains("juminhyo.yaml: OK"), "\(bad.stdout)")

        // The same job with the sample mapping passes; with a broken template it fails again.
        try job.write(to: "\(root)/juminhyo.yaml")
        let good = try CLIRunner.run(["jobs", "check", "\(root)/juminhyo.yaml"])
        #expect(good.status == 0, "\(good.stdout)")
        #expect(good.stdout.contains("juminhyo.yaml: OK"), "\(good.stdout)")
        try "page:\n  size: A4\n".write(toFile: "\(root)/broken.yaml", atomically: true, encoding: .utf8)
        let withBroken = try String(contentsOfFile: "\(root)/juminhyo.yaml", encoding: .utf8)
            .replacingOccurrences(of: CLIRunner.sample("samples/templates/a_juminhyo.yaml"), with: "\(root)/broken.yaml")
        try withBroken.write(toFile: "\(root)/juminhyo.yaml", atomically: true, encoding: .utf8)
        let template = try CLIRunner.run(["jobs", "check", "\(root)/juminhyo.yaml"])
        #expect(template.status == 3, "\(template.stdout)")
        #expect(template.stdout.contains("\(root)/broken.yaml:"), "\(template.stdout)")
    }
}
