import YomitoriHashing
import Foundation
import Testing
import YomitoriExport
import YomitoriResults
#if canImport(Glibc)
import Glibc
#endif

/// `kill -9` during an export leaves either no file under the final name or a complete one, and
/// the next run removes the temporary file the killed run left.
///
/// The built `yomitori export` writes a large batch (100,000 pages by default,
/// `YOMITORI_KILL_TEST_PAGES` to change it) while the test SIGKILLs it at random moments of a
/// full run's duration, again and again in the same folder.
@Suite("Kill during export", .serialized)
struct KillDuringExportTests {
    static let pageCount = Int(ProcessInfo.processInfo.environment["YOMITORI_KILL_TEST_PAGES"] ?? "") ?? 100_000
    static let rounds = 12

    /// One results line per page, as `yomitori read` prints them (accepted, eight fields).
    static func writeInput(to path: String, count: Int) throws {
        let sample = page("batch/scan-XXXXXX.png", template: "b_jido_koza", [
            field("apply_date", "令和8年6月10日", normalized: "2026-06-10"), field("claimant_name", "山田　太郎"),
            field("bank_code", "0009"), field("branch_code", "001"), field("account_type", "普通"),
            field("account_number", "NNNNNNN"), field("account_holder", "ヤマダ　タロウ"), field("child_name", "山田　花子"),
        ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let line = String(decoding: try encoder.encode(sample), as: UTF8.self)
        guard let handle = FileHandle(forWritingAtPath: path) ?? {
            FileManager.default.createFile(atPath: path, contents: nil)
            return FileHandle(forWritingAtPath: path)
        }() else { throw CocoaError(.fileWriteUnknown) }
        defer { try? handle.close() }
        var chunk = ""
        for index in 0..<count {
            let number = String(index)
            let six = String(repeating: "0", count: max(0, 6 - number.count)) + number
            let seven = String(repeating: "0", count: max(0, 7 - number.count)) + number
            chunk += line.replacingOccurrences(of: "XXXXXX", with: six).replacingOccurrences(of: "NNNNNNN", with: seven) + "\n"
            if index % 5000 == 4999 || index == count - 1 {
                handle.write(Data(chunk.utf8))
                chunk = ""
            }
        }
    }

    /// What the folder holds: final files (not hidden) and our temporary files.
    static func survey(_ folder: String) throws -> (finals: [String], temporaries: [String]) {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        return (names.filter { !$0.hasPrefix(".") },
                names.filter { $0.hasPrefix(".yomitori-export-") && $0.hasSuffix(".tmp") })
    }

    @Test("SIGKILL at random moments: no file or a complete one; leftovers removed by the next run",
          .timeLimit(.minutes(30)))
    func killLoop() throws {
        let executable = try #require(yomitoriExecutable(), "build the yomitori executable first (swift build)")
        let workspace = try TemporaryFolder()
        defer { workspace.remove() }
        let input = workspace.path + "/pages.jsonl", out = workspace.path + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try Self.writeInput(to: input, count: Self.pageCount)
        let mappingPath = try workspace.write("kill.yaml", """
            format: csv
            encoding: cp932
            columns:
              - {name: 申請日, field: apply_date, format: wareki}
              - {name: 氏名, field: claimant_name, normalize: [nfkc, collapse_spaces]}
              - {name: 金融機関, field: bank_code}
              - {name: 支店, field: branch_code}
              - {name: 種目, field: account_type, map: {普通: "1", 当座: "2"}}
              - {name: 口座番号, field: account_number, pad_left: "0", width: 7}
              - {name: 画像, derive: source_file}
            delivery: {file_name: "kill_{seq}.csv"}
            """)
        var environment = ProcessInfo.processInfo.environment
        environment["OMP_THREAD_LIMIT"] = "1"
        func start() throws -> Process {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["export", "--mapping", mappingPath, "--input", input, "--out", out, "--run", "K", "--date", "2026-06-10"]
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }

        // A full run: how long it takes and what the complete file is.
        let began = Date()
        let full = try start()
        full.waitUntilExit()
        let duration = Date().timeIntervalSince(began)
        #expect(full.terminationStatus == 0)
        let reference = try #require(FileManager.default.contents(atPath: out + "/kill_001.csv"))
        let referenceHash = SHA256.hex([UInt8](reference))
        #expect(reference.count > 5_000_000)

        var killedBeforeFile = 0, killedMidWrite = 0, completed = 0
        var known = Set(try Self.survey(out).finals)
        for _ in 0..<Self.rounds {
            let before = try Self.survey(out)
            let process = try start()
            Thread.sleep(forTimeInterval: Double.random(in: 0...(duration * 1.05)))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let after = try Self.survey(out)
            // Every file under a final name is complete: the same bytes as the full run.
            for name in after.finals where !known.contains(name) {
                let bytes = try #require(FileManager.default.contents(atPath: out + "/" + name))
                #expect(bytes.count == reference.count && SHA256.hex([UInt8](bytes)) == referenceHash, "\(name) is incomplete")
                known.insert(name)
            }
            // A run removes the leftovers of earlier killed runs before it writes.
            #expect(after.temporaries.count <= 1, "leftovers piled up: \(after.temporaries)")
            if after.finals.count > before.finals.count {
                completed += 1
            } else if after.temporaries.isEmpty {
                killedBeforeFile += 1
            } else {
                killedMidWrite += 1
            }
        }
        #expect(killedMidWrite >= 1, "no kill landed while the file was being written")

        // A last full run: a complete file, and no temporary file left.
        let last = try start()
        last.waitUntilExit()
        #expect(last.terminationStatus == 0)
        let end = try Self.survey(out)
        #expect(end.temporaries.isEmpty, "\(end.temporaries)")
        #expect(end.finals.count == completed + 2)
        for name in end.finals {
            let bytes = try #require(FileManager.default.contents(atPath: out + "/" + name))
            #expect(SHA256.hex([UInt8](bytes)) == referenceHash, "\(name)")
        }
        print("kill loop: \(Self.pageCount) pages, full run \(String(format: "%.1f", duration)) s, \(reference.count) bytes; "
              + "\(Self.rounds) kills: \(killedMidWrite) mid-write (temporary file left, no final file), "
              + "\(killedBeforeFile) before the temporary file, \(completed) after completion; "
              + "\(end.finals.count) final files, all complete; leftovers after the last run: \(end.temporaries.count)")
    }
}
