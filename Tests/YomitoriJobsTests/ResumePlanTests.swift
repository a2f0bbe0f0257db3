import Foundation
import Testing
import YomitoriJobs
import YomitoriLedger

@Suite("Resuming after kill -9")
struct ResumePlanTests {
    @Test("every claimed, unfinished file is found: unrecorded, resumable, or already moved")
    func resumePlan() async throws {
        let folder = try TemporaryFolder("resume")
        defer { folder.remove() }
        let inbox = try folder.makeFolder("inbox")
        for name in ["a.pdf", "b.pdf", "c.pdf", "d.pdf"] { try folder.write("inbox/\(name)", name) }
        let me = WorkerIdentity(host: "h", worker: "w")
        var ids: [String: String] = [:]
        do {
            // The run that dies: claims four files; records three; routes one fully and one half.
            let ledger = try SQLiteLedger(path: folder.file("ledger.sqlite"))
            let claimer = Claimer(inbox: inbox, work: folder.file("work"))
            try claimer.prepare()
            for name in ["a.pdf", "b.pdf", "c.pdf", "d.pdf"] {
                guard case .claimed(let file) = try claimer.claim(name) else { continue }
                ids[name] = file.inputID
                if name == "d.pdf" { continue }  // killed before recordClaim
                _ = try await ledger.recordClaim(ClaimRequest(
                    inputID: file.inputID, job: "juminhyo", runID: nil, originalPath: file.originalPath ?? "",
                    claimedPath: file.path, size: file.size, sha256: file.sha256, by: me))
            }
            for name in ["b.pdf", "c.pdf"] {
                let id = try #require(ids[name])
                try await ledger.recordPages(inputID: id, pages: [
                    PageRecord(inputID: id, page: 0, status: .invalid, template: nil, readJSON: "{}"),
                ])
                try await ledger.markInput(id: id, as: .invalid, reason: nil)
                let input = try #require(try await ledger.input(id: id))
                _ = try FileRoute.move(input.claimedPath, toFolder: folder.file("error"), name: name)
                if name == "b.pdf" { try await ledger.markInputRouted(id: id, to: folder.file("error/b.pdf")) }
                // c.pdf: killed between the move and markInputRouted
            }
        }
        let ledger = try SQLiteLedger(path: folder.file("ledger.sqlite"))
        let plan = try await ResumePlan.make(job: "juminhyo", ledger: ledger, work: WorkFolder(path: folder.file("work")))
        #expect(plan.unrecorded.map(\.originalName) == ["d.pdf"])
        #expect(plan.unrecorded.first?.inputID == ids["d.pdf"])
        #expect(plan.resumable.map(\.id) == [ids["a.pdf"]])
        #expect(plan.missingFiles.map(\.id) == [ids["c.pdf"]])
        #expect(plan.missingFiles.first?.state == .invalid)
    }

    @Test("a file another host's running run has just claimed, and not yet recorded, is left to it")
    func unrecordedFileOfAnotherHost() async throws {
        let folder = try TemporaryFolder("resume-other")
        defer { folder.remove() }
        let inbox = try folder.makeFolder("inbox")
        try folder.write("inbox/e.pdf", "e")
        let ledger = try SQLiteLedger(path: folder.file("ledger.sqlite"))
        let theirs = try await ledger.beginRun(RunStart(job: "juminhyo", trigger: "serve", by: WorkerIdentity(host: "host-b", worker: "run-2")))
        let claimer = Claimer(inbox: inbox, work: folder.file("work"))
        try claimer.prepare()
        guard case .claimed(let file) = try claimer.claim("e.pdf") else { Issue.record("not claimed"); return }  // host-b, hashing it
        let mine = try await ledger.beginRun(RunStart(job: "juminhyo", trigger: "serve", by: WorkerIdentity(host: "host-a", worker: "run-1")))
        let work = WorkFolder(path: folder.file("work"))
        #expect(try await ResumePlan.make(job: "juminhyo", ledger: ledger, work: work, run: mine.id).unrecorded.isEmpty)
        // host-b's run ends without recording it (it died; its host restarted and aborted it).
        try await ledger.finishRun(id: theirs.id, state: .aborted, counts: RunCounts(), reportJSON: nil)
        #expect(try await ResumePlan.make(job: "juminhyo", ledger: ledger, work: work, run: mine.id).unrecorded.map(\.inputID) == [file.inputID])
    }
}
