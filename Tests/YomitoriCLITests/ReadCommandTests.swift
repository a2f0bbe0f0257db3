import Foundation
import Testing

@Suite("yomitori read / template: end to end", .serialized)
struct ReadCommandTests {
    static let templateB = CLIRunner.sample("samples/templates/b_jido_koza.yaml")

    @Test("Bad inputs: one line each naming the file and problem, non-zero exit, good files still read")
    func badInputs() throws {
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        let good = CLIRunner.sample("samples/scans/b_jido_koza-clean-01.png")
        let goodData = try Data(contentsOf: URL(fileURLWithPath: good))
        let files: [(String, Data, String)] = [
            ("zero.png", Data(), "empty"),
            ("truncated.png", goodData.prefix(goodData.count / 3), "corrupt or truncated"),
            ("text.png", Data("not an image\n".utf8), "not an image"),
            ("broken.pdf", Data("%PDF-1.4\ngarbage\n".utf8), "PDF is broken"),
        ]
        var paths: [String] = []
        for (name, data, _) in files {
            let path = dir.appendingPathComponent(name).path
            fm.createFile(atPath: path, contents: data)
            paths.append(path)
        }
        let fixtures = CLIRunner.root.appendingPathComponent("Tests/YomitoriOCRTests/Fixtures")
        let huge = fixtures.appendingPathComponent("huge-30000x30000.png").path
        let encrypted = fixtures.appendingPathComponent("encrypted.pdf").path
        let result = try CLIRunner.run(["read", "--template", Self.templateB] + paths + [huge, encrypted, good])
        #expect(result.status == 1)
        let errors = result.stderrLines
        for (i, (_, _, phrase)) in files.enumerated() {
            #expect(errors.contains { $0.contains(paths[i]) && $0.contains(phrase) }, "stderr: \(result.stderr)")
        }
        #expect(errors.contains { $0.contains(huge) && $0.contains("30000×30000") })
        #expect(errors.contains { $0.contains(encrypted) && $0.contains("encrypted") })
        // The good file after them was still read.
        let pages = result.stdoutLines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(pages.contains { ($0["file"] as? String) == good && ($0["template"] as? String) == "b_jido_koza" })
    }

    @Test("A template with a zone off the page: file:line error and exit 2")
    func badTemplate() throws {
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("off.yaml").path
        try """
        template: off_page
        page:
          size: A4
          fields:
            - name: name
              type: text
              zone: [200, 20, 30, 10]
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let check = try CLIRunner.run(["template", "check", path])
        #expect(check.status == 2)
        #expect(check.stdout.contains("\(path):7:"), "\(check.stdout)")
        #expect(check.stdout.contains("off the page") || check.stdout.contains("outside"), "\(check.stdout)")
        let read = try CLIRunner.run(["read", "--template", path, CLIRunner.sample("samples/scans/b_jido_koza-clean-01.png")])
        #expect(read.status == 2)
        #expect(read.stderr.contains("\(path):7:"))
    }

    @Test("Sample templates check clean")
    func checkSamples() throws {
        let paths = ["a_juminhyo", "b_jido_koza", "c_tennyu"].map { CLIRunner.sample("samples/templates/\($0).yaml") }
        let result = try CLIRunner.run(["template", "check"] + paths)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdoutLines.filter { $0.hasSuffix("OK") }.count == 3)
    }

    @Test("Sensitive values are masked unless asked for")
    func masking() throws {
        let scan = CLIRunner.sample("samples/scans/c_tennyu-clean-01.png")
        let t = CLIRunner.sample("samples/templates/c_tennyu.yaml")
        let masked = try CLIRunner.run(["read", "--template", t, scan])
        let line = try #require(masked.stdoutLines.first)
        let page = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let fields = try #require(page["fields"] as? [[String: Any]])
        let myNumber = try #require(fields.first { ($0["name"] as? String) == "my_number" })
        let value = try #require(myNumber["value"] as? String)
        #expect(value.hasPrefix("********"))
    }
}
