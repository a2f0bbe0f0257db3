import Foundation
import Synchronization
import Testing
import YomitoriJobs

@Suite("Claiming files from an inbox")
struct ClaimTests {
    @Test("two claimers racing over 200 files: each file is claimed exactly once", arguments: [
        RenameStrategy.automatic, RenameStrategy.linkThenUnlink,
    ])
    func racingClaimers(_ strategy: RenameStrategy) throws {
        let folder = try TemporaryFolder("claims")
        defer { folder.remove() }
        let inbox = try folder.makeFolder("inbox")
        let names = (0..<200).map { String(format: "scan %03d.pdf", $0) }
        for name in names { try folder.write("inbox/\(name)", "content of \(name)") }
        let claimers = [
            Claimer(inbox: inbox, work: folder.file("work"), strategy: strategy),
            Claimer(inbox: inbox, work: folder.file("work"), strategy: strategy),
        ]
        try claimers[0].prepare()
        let won = Mutex<[[String]]>([[], []])
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            // One walks forwards, the other backwards then forwards, so they meet everywhere.
            let order = index == 0 ? names : Array(names.reversed()[100...]) + Array(names.reversed()[..<100])
            for name in order {
                do {
                    if case .claimed(let file) = try claimers[index].claim(name) {
                        won.withLock { $0[index].append(file.originalName) }
                    }
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
        }
        #expect(failures.withLock { $0 }.isEmpty)
        let all = won.withLock { $0[0] + $0[1] }
        #expect(all.count == 200)
        #expect(Set(all) == Set(names))
        #expect(try FileManager.default.contentsOfDirectory(atPath: inbox).isEmpty)
        let claimed = try WorkFolder(path: folder.file("work")).claimedFiles()
        #expect(claimed.count == 200)
        #expect(Set(claimed.map(\.originalName)) == Set(names))
        for file in claimed {
            #expect(try String(contentsOfFile: file.path, encoding: .utf8) == "content of \(file.originalName)")
        }
    }

    @Test("odd names are claimed as they are", arguments: [
        "scan 001.pdf", "住民票の写し 山田.pdf", "quote\"d 'name'.png", "-rf.jpg", "line\nbreak.tif", "$(rm -rf ~).pdf",
        "tab\tname.TIFF", "back\\slash.jpeg",
    ])
    func oddNames(_ name: String) throws {
        let folder = try TemporaryFolder("claims")
        defer { folder.remove() }
        let inbox = try folder.makeFolder("inbox")
        try folder.write("inbox/\(name)", "x")
        let claimer = Claimer(inbox: inbox, work: folder.file("work"))
        try claimer.prepare()
        let outcome = try claimer.claim(name, inputID: "0b3f1a2c-1111-4222-8333-444455556666")
        guard case .claimed(let file) = outcome else { Issue.record("not claimed"); return }
        #expect(file.originalName == name)
        #expect(file.path == folder.file("work") + "/0b3f1a2c-1111-4222-8333-444455556666__" + name)
        #expect(file.sha256 == "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881")  // "x"
        #expect(WorkFolder.parse(fileName: (file.path as NSString).lastPathComponent)?.name == name)
        #expect(try claimer.claim(name) == .gone)  // nothing left to claim
    }

    @Test("very long names are shortened in the work folder, keeping the extension")
    func longNames() throws {
        let name = String(repeating: "申", count: 80) + ".pdf"  // 244 bytes
        let shortened = WorkFolder.fileName(inputID: UUID().uuidString.lowercased(), originalName: name)
        #expect(shortened.utf8.count <= 255)
        #expect(shortened.hasSuffix("申.pdf"))
        let folder = try TemporaryFolder("claims")
        defer { folder.remove() }
        let inbox = try folder.makeFolder("inbox")
        try folder.write("inbox/\(name)", "x")
        let claimer = Claimer(inbox: inbox, work: folder.file("work"))
        try claimer.prepare()
        guard case .claimed(let file) = try claimer.claim(name) else { Issue.record("not claimed"); return }
        #expect(FileManager.default.fileExists(atPath: file.path))
        #expect(file.originalName == name)
    }

    @Test("a work folder on another file system is refused before anything is moved")
    func crossFileSystem() throws {
        let folder = try TemporaryFolder("claims")
        defer { folder.remove() }
        let shm = "/dev/shm/yomitori-claims-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: shm) }
        let inbox = try folder.makeFolder("inbox")
        var a = stat(), b = stat()
        try FileManager.default.createDirectory(atPath: shm, withIntermediateDirectories: true)
        guard stat(shm, &a) == 0, stat(inbox, &b) == 0, a.st_dev != b.st_dev else { return }
        do {
            try Claimer(inbox: inbox, work: shm + "/work").prepare()
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .crossFileSystem)
        }
    }

    @Test("Intake.claim deletes the per-file marker; a lost race is .gone and not an error")
    func intakeClaimsAndConsumesMarker() throws {
        let folder = try TemporaryFolder("claims")
        defer { folder.remove() }
        let inbox = try folder.makeFolder("inbox")
        try folder.write("inbox/a.tif", "page1page2")
        try folder.write("inbox/a.ok", "")
        let intake = Intake(inbox: inbox, work: folder.file("work"), patterns: ["*.tif"],
                            rules: IntakeRules(settleSeconds: 5, marker: .perFile("{name}.ok")))
        try intake.prepare()
        let ready = try intake.scan().ready
        #expect(ready.map(\.name) == ["a.tif"])
        let outcome = try intake.claim(try #require(ready.first))
        guard case .claimed = outcome else { Issue.record("not claimed"); return }
        #expect(try FileManager.default.contentsOfDirectory(atPath: inbox).isEmpty)
        #expect(try intake.claim(try #require(ready.first)) == .gone)
    }

    @Test("Intake consumes a folder marker once its files are claimed, and keeps a rewritten one")
    func folderMarker() throws {
        let folder = try TemporaryFolder("claims")
        defer { folder.remove() }
        let inbox = try folder.makeFolder("inbox")
        try folder.write("inbox/p1.pdf", "1")
        let old = Date(timeIntervalSinceNow: -100)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: folder.file("inbox/p1.pdf"))
        try folder.write("inbox/.done", "")
        let intake = Intake(inbox: inbox, work: folder.file("work"), patterns: ["*.pdf"],
                            rules: IntakeRules(settleSeconds: 5, marker: .folder(".done")))
        try intake.prepare()
        let ready = try intake.scan().ready
        #expect(ready.map(\.name) == ["p1.pdf"])
        _ = try intake.claim(try #require(ready.first))
        #expect(FileManager.default.fileExists(atPath: folder.file("inbox/.done")))
        _ = try intake.scan()  // nothing from before the marker is left: consumed
        #expect(!FileManager.default.fileExists(atPath: folder.file("inbox/.done")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: inbox).isEmpty)
    }

    @Test("a name that is not UTF-8 is counted, not silently skipped")
    func undecodableName() throws {
        let folder = try TemporaryFolder("claims")
        defer { folder.remove() }
        let inbox = try folder.makeFolder("inbox")
        var bytes = Array((inbox + "/scan").utf8CString.dropLast()) + [CChar(bitPattern: 0x83), CChar(bitPattern: 0x4E)]
        bytes += Array(".pdf".utf8CString)  // Shift_JIS bytes, as a share with the wrong iocharset shows them
        let descriptor = open(bytes, O_CREAT | O_WRONLY, 0o644)
        #expect(descriptor >= 0)
        close(descriptor)
        try folder.write("inbox/ok.pdf", "x")
        let intake = Intake(inbox: inbox, work: folder.file("work"), patterns: ["*.pdf"], rules: IntakeRules())
        let decision = try intake.scan()
        #expect(decision.undecodableNames == 1)
        #expect(decision.waiting == 1)
    }

    @Test("one-shot collection waits for settling with the injected sleep, not the wall clock")
    func collectSettled() async throws {
        let folder = try TemporaryFolder("claims")
        defer { folder.remove() }
        let inbox = try folder.makeFolder("inbox")
        try folder.write("inbox/a.pdf", "a")
        try folder.write("inbox/b.png", "b")
        let now = Mutex(Date(timeIntervalSince1970: 1_000_000))
        let intake = Intake(inbox: inbox, work: folder.file("work"), patterns: JobDefinition.defaultPatterns,
                            rules: IntakeRules(settleSeconds: 5), clock: { now.withLock { $0 } })
        var slept: [TimeInterval] = []
        var told: [[String]] = []
        let ready = try await intake.collectSettled(sleep: { seconds in
            #expect(told.count == 1, "told what settles before the wait")
            slept.append(seconds)
            now.withLock { $0 += seconds }
        }, whileSettling: { told.append($0) })
        #expect(slept == [5])
        #expect(told.map { $0.sorted() } == [["a.pdf", "b.png"]])
        #expect(ready.map(\.name).sorted() == ["a.pdf", "b.png"])
        // Nothing left to settle: no wait, and nothing to get ready for.
        let none = try await intake.collectSettled(sleep: { _ in Issue.record("waited on an empty inbox") },
                                                   whileSettling: { told.append($0) })
        #expect(none.isEmpty)
        #expect(told.count == 1)
    }

    @Test("the settle wait suspends: it holds no thread while it waits")
    func settleWaitSuspends() async throws {
        let folder = try TemporaryFolder("claims")
        defer { folder.remove() }
        let inbox = try folder.makeFolder("inbox")
        try folder.write("inbox/a.png", "a")
        // Everything here runs on one thread of its own (Swift's pool is shared with the other
        // tests, whose busy threads would blur the measure). Had the waits blocked it, this task
        // could not resume before they ended.
        let executor = OneThreadExecutor()
        try await withTaskExecutorPreference(executor) {
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        let intake = Intake(inbox: inbox, work: folder.file("work"), patterns: JobDefinition.defaultPatterns,
                                            rules: IntakeRules(settleSeconds: 1))
                        return try await intake.collectSettled().count
                    }
                }
                let start = ContinuousClock.now
                try await Task.sleep(for: .milliseconds(50))
                let resumed = ContinuousClock.now - start
                #expect(resumed < .milliseconds(600), "resumed after \(resumed), while 2 settle waits of 1 s ran")
                for try await ready in group { #expect(ready == 1) }
            }
        }
    }

}

/// Runs the tasks that prefer it one after another on a serial queue: one thread at a time.
final class OneThreadExecutor: TaskExecutor {
    private let queue = DispatchQueue(label: "tests.one-thread-executor")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
