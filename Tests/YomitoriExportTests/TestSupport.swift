import YomitoriYAML
import Foundation
import Testing
import YomitoriExport
import YomitoriResults
import YomitoriVision

// MARK: - Pages

/// A field as validation leaves it: the value, and the normalised value when given.
func field(_ name: String, _ value: String?, normalized: String? = nil, sensitive: Bool = false) -> FieldRead {
    FieldRead(name: name, type: "text", value: value.map(FieldValue.text), raw: value ?? "", confidence: 0.99,
              zone: PixelRect(x: 0, y: 0, width: 10, height: 10), sensitive: sensitive,
              normalized: normalized.map(FieldValue.text), status: .accepted)
}

/// A page of `template` with the given fields and status.
func page(
    _ file: String, _ index: Int = 0, template: String = "t", status: Status? = .accepted, _ fields: [FieldRead],
    reasons: [Reason] = []
) -> PageRead {
    PageRead(file: file, page: index, template: template,
             registration: RegistrationSummary(method: "marks", residualMM: 0.1, rotationDegrees: 0, pixelsPerMM: 11.81,
                                               matchScore: 0.95, transform: .identity),
             fields: fields, status: status, reasons: reasons)
}

/// A fixed export context: job `test`, run `R1`, 2026-06-10 09:30:00 JST.
let testContext = ExportContext(job: "test", run: "R1", now: Date(timeIntervalSince1970: 1_781_051_400))

// MARK: - Files

/// The package's root folder (two levels above this file's folder).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The golden files' folder.
let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

/// Compares `bytes` with the golden file `name`, byte for byte.
///
/// With `YOMITORI_UPDATE_GOLDEN=1` the file is (re)written instead; review the diff before committing.
func expectGolden(_ bytes: [UInt8], _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = goldenFolder.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["YOMITORI_UPDATE_GOLDEN"] == "1" {
        try Data(bytes).write(to: url)
        return
    }
    let golden = try #require(FileManager.default.contents(atPath: url.path), "missing golden file \(name)",
                              sourceLocation: sourceLocation)
    #expect([UInt8](golden) == bytes, "\(name) differs from the golden file", sourceLocation: sourceLocation)
}

/// A fresh folder under the system's temporary folder, removed by `remove()`.
struct TemporaryFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "yomitori-export-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The names in the folder, sorted.
    func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    func contents(_ name: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path + "/" + name).map { [UInt8]($0) }
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }
}

// MARK: - Mappings

/// A mapping parsed from YAML, failing the test with the loader's messages when it does not load.
func mapping(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> ExportMapping {
    do {
        return try ExportMapping.parse(yaml: yaml, file: "test.yaml")
    } catch {
        Issue.record("mapping does not load:\n\(error.description)", sourceLocation: sourceLocation)
        throw error
    }
}

/// The loader's messages for a mapping that should not load.
func mappingErrors(_ yaml: String) -> [MappingDiagnostic] {
    do {
        _ = try ExportMapping.parse(yaml: yaml, file: "test.yaml")
        return []
    } catch {
        return error.diagnostics
    }
}

// MARK: - Processes

/// The result of running a program.
struct ProcessResult {
    var status: Int32
    var stdout: Data
    var stderr: String
}

/// Runs `executable` with `arguments` (no shell), feeding `input` on stdin.
func runProcess(_ executable: String, _ arguments: [String], input: Data = Data(),
                environment: [String: String]? = nil) throws -> ProcessResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let environment { process.environment = environment }
    let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    let feeder = Thread {
        stdin.fileHandleForWriting.write(input)
        try? stdin.fileHandleForWriting.close()
    }
    feeder.start()
    let errorData = LockedData()
    let errorReader = Thread { errorData.set(stderr.fileHandleForReading.readDataToEndOfFile()) }
    errorReader.start()
    let out = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !errorData.isSet { Thread.sleep(forTimeInterval: 0.01) }
    return ProcessResult(status: process.terminationStatus, stdout: out,
                         stderr: String(decoding: errorData.get(), as: UTF8.self))
}

/// Data handed from one thread to another.
final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    func set(_ value: Data) { lock.withLock { data = value } }
    func get() -> Data { lock.withLock { data ?? Data() } }
    var isSet: Bool { lock.withLock { data != nil } }
}

/// `python3` from the system or PATH, nil when there is none.
func python3() -> String? {
    var candidates = ["/usr/bin/python3", "/usr/local/bin/python3"]
    for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
        candidates.append(String(folder) + "/python3")
    }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// The built `yomitori` executable: `YOMITORI_BIN`, else next to the test bundle (`swift build`
/// puts it there), else in the package's `.build-exp` or `.build` folder; nil when not built.
func yomitoriExecutable() -> String? {
    var candidates: [String] = []
    if let path = ProcessInfo.processInfo.environment["YOMITORI_BIN"] { candidates.append(path) }
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
        candidates.append(folder.appendingPathComponent("yomitori").path)
        folder = folder.deletingLastPathComponent()
    }
    candidates += [".build-exp/debug/yomitori", ".build/debug/yomitori"].map { repositoryRoot.appendingPathComponent($0).path }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// Hex of bytes, for messages.
func hex(_ bytes: some Collection<UInt8>) -> String {
    bytes.map { String(format: "%02x", $0) }.joined(separator: " ")
}
