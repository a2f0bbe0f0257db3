import Foundation
import Testing
import YomitoriJobs

@Suite("Watching a real folder", .timeLimit(.minutes(1)))
struct WatcherTests {
    @Test("inotify reports a file created in a local folder")
    func inotifySeesNewFile() throws {
        let folder = try TemporaryFolder("watch")
        defer { folder.remove() }
        let watcher = try FolderWatcher(folder: folder.path, poll: .auto)
        #expect(watcher.method == .inotify)  // the temp folder is local
        try folder.write("scan.pdf", "x")
        var seen: [String] = []
        for _ in 0..<10 where !seen.contains("scan.pdf") {  // bounded: at most 10 × 0.5 s
            if case .changed(let names) = watcher.waitForChange(timeout: 0.5) { seen += names }
        }
        #expect(seen.contains("scan.pdf"))
        #expect(watcher.waitForChange(timeout: 0.05) == .timeout)  // nothing more happened
    }

    @Test("interrupt wakes a waiting thread")
    func interrupt() throws {
        let folder = try TemporaryFolder("watch")
        defer { folder.remove() }
        let watcher = try FolderWatcher(folder: folder.path, poll: .never)
        watcher.interrupt()
        #expect(watcher.waitForChange(timeout: 30) == .interrupted)
        watcher.close()
        #expect(watcher.waitForChange(timeout: 30) == .interrupted)
    }

    @Test("a file is delivered through inotify once it has settled")
    func intakeWithInotify() async throws {
        let folder = try TemporaryFolder("watch")
        defer { folder.remove() }
        let inbox = try folder.makeFolder("inbox")
        let intake = Intake(inbox: inbox, work: folder.file("work"), patterns: ["*.pdf"],
                            rules: IntakeRules(settleSeconds: 0.2, poll: .auto))
        try intake.prepare()
        let files = intake.readyFiles()
        try folder.write("inbox/受付 001.pdf", "x")
        var iterator = files.makeAsyncIterator()
        let first = try await iterator.next()
        #expect(first?.name == "受付 001.pdf")
        #expect(intake.detection == .inotify)
        intake.stop()
        #expect(try await iterator.next() == nil)
    }

    @Test("with poll: always the folder is listed every poll_interval instead")
    func intakeWithPolling() async throws {
        let folder = try TemporaryFolder("watch")
        defer { folder.remove() }
        let inbox = try folder.makeFolder("inbox")
        let intake = Intake(inbox: inbox, work: folder.file("work"), patterns: ["*.pdf"],
                            rules: IntakeRules(settleSeconds: 0.2, poll: .always, pollInterval: 0.1))
        try intake.prepare()
        let files = intake.readyFiles()
        try folder.write("inbox/scan.pdf", "x")
        var iterator = files.makeAsyncIterator()
        let first = try await iterator.next()
        #expect(first?.name == "scan.pdf")
        #expect(intake.detection == .polling(reason: "poll: always"))
        if let first { #expect(try intake.claim(first) != .gone) }
        intake.stop()
        #expect(try await iterator.next() == nil)
    }

    @Test("network file systems are polled, local ones watched with inotify")
    func detectionChoice() {
        let cifs = FileSystemKind(magic: 0xFF53_4D42)
        #expect(cifs.isRemote)
        #expect(cifs.description == "cifs (0xff534d42)")
        #expect(DetectionMethod.choose(poll: .auto, fileSystem: cifs) == .polling(reason: "the inbox is on cifs (0xff534d42)"))
        for magic: UInt32 in [0x6969, 0x517B, 0xFE53_4D42, 0x6573_5546] {
            #expect(DetectionMethod.choose(poll: .auto, fileSystem: FileSystemKind(magic: magic)) != .inotify)
        }
        #expect(DetectionMethod.choose(poll: .auto, fileSystem: FileSystemKind(magic: 0xEF53)) == .inotify)
        #expect(DetectionMethod.choose(poll: .never, fileSystem: cifs) == .inotify)
        #expect(DetectionMethod.choose(poll: .always, fileSystem: FileSystemKind(magic: 0xEF53)) != .inotify)
        #expect(DetectionMethod.choose(poll: .auto, fileSystem: nil) != .inotify)
        #expect(FileSystemKind.of(path: "/dev/shm")?.description == "tmpfs (0x1021994)")
        #expect(FileSystemKind.of(path: "/no/such/folder") == nil)
    }
}
