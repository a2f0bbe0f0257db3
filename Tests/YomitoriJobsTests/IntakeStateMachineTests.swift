import Foundation
import Testing
import YomitoriJobs

/// A listing entry at `t` seconds on the file server's clock.
private func file(_ name: String, _ size: Int64, _ t: Double) -> FileObservation {
    FileObservation(name: name, size: size, modified: Date(timeIntervalSince1970: t))
}

/// Our clock, independent of the server's.
private func at(_ seconds: Double) -> Date { Date(timeIntervalSince1970: 1_000_000 + seconds) }

@Suite("Intake state machine")
struct IntakeStateMachineTests {
    private let patterns = JobDefinition.defaultPatterns

    @Test("a slow writer is not ready until its size and time stop changing for settle_seconds")
    func slowWriter() {
        var intake = IntakeStateMachine(rules: IntakeRules(settleSeconds: 5), patterns: patterns)
        #expect(intake.observe([file("scan.pdf", 1000, 100)], at: at(0)).ready.isEmpty)
        #expect(intake.observe([file("scan.pdf", 5000, 103)], at: at(3)).ready.isEmpty)
        #expect(intake.observe([file("scan.pdf", 9000, 107)], at: at(7)).ready.isEmpty)  // still growing
        let waiting = intake.observe([file("scan.pdf", 9000, 107)], at: at(11))
        #expect(waiting.ready.isEmpty)  // unchanged for 4 s only
        #expect(waiting.nextCheck == at(12))
        #expect(waiting.waiting == 1)
        #expect(waiting.settling == ["scan.pdf"])  // named, so a one-shot run can get ready meanwhile
        let settled = intake.observe([file("scan.pdf", 9000, 107)], at: at(12))
        #expect(settled.ready == [ReadyFile(name: "scan.pdf", size: 9000, modified: Date(timeIntervalSince1970: 107))])
        // Handed out once: not again while it is being claimed.
        #expect(intake.observe([file("scan.pdf", 9000, 107)], at: at(20)).ready.isEmpty)
        intake.claimed("scan.pdf")
        #expect(intake.observe([], at: at(21)) == IntakeDecision())
    }

    @Test("the same size with a new modification time is a change (a writer that preallocates)")
    func preallocatedFile() {
        var intake = IntakeStateMachine(rules: IntakeRules(settleSeconds: 5), patterns: patterns)
        _ = intake.observe([file("a.tif", 4096, 100)], at: at(0))
        #expect(intake.observe([file("a.tif", 4096, 104)], at: at(5)).ready.isEmpty)
        #expect(intake.observe([file("a.tif", 4096, 104)], at: at(10)).ready.map(\.name) == ["a.tif"])
    }

    @Test("the first sighting never counts, however old the file looks")
    func firstSighting() {
        var intake = IntakeStateMachine(rules: IntakeRules(settleSeconds: 5), patterns: patterns)
        // Modified a year ago by the server's clock: still two looks, 5 s apart, on ours.
        #expect(intake.observe([file("old.pdf", 10, -31_536_000)], at: at(0)).ready.isEmpty)
        #expect(intake.observe([file("old.pdf", 10, -31_536_000)], at: at(5)).ready.map(\.name) == ["old.pdf"])
    }

    @Test("an empty file waits a minute before it is taken (to be quarantined)")
    func emptyFile() {
        var intake = IntakeStateMachine(rules: IntakeRules(settleSeconds: 2), patterns: patterns)
        _ = intake.observe([file("empty.pdf", 0, 1)], at: at(0))
        #expect(intake.observe([file("empty.pdf", 0, 1)], at: at(30)).ready.isEmpty)
        #expect(intake.observe([file("empty.pdf", 0, 1)], at: at(60)).ready.map(\.name) == ["empty.pdf"])
    }

    @Test("hidden files, temporary files, folders and other names are ignored")
    func ignored() {
        var intake = IntakeStateMachine(rules: IntakeRules(settleSeconds: 1), patterns: patterns)
        let listing = [
            file(".scan.pdf", 1, 1), file(".yomitori-tmp-1", 1, 1), file("scan.pdf.part", 1, 1),
            file("~$notes.docx", 1, 1), file("Thumbs.db", 1, 1), file("SCAN 住民票 \"1\".PDF", 1, 1),
            file("-rf.jpg", 1, 1), file("line\nbreak.tif", 1, 1),
            FileObservation(name: "folder.pdf", size: 4096, modified: Date(timeIntervalSince1970: 1), isRegularFile: false),
        ]
        _ = intake.observe(listing, at: at(0))
        #expect(intake.observe(listing, at: at(1)).ready.map(\.name).sorted()
            == ["-rf.jpg", "SCAN 住民票 \"1\".PDF", "line\nbreak.tif"])
    }

    @Test("ready files come oldest first")
    func order() {
        var intake = IntakeStateMachine(rules: IntakeRules(settleSeconds: 1), patterns: patterns)
        let listing = [file("b.pdf", 1, 30), file("c.pdf", 1, 10), file("a.pdf", 1, 20)]
        _ = intake.observe(listing, at: at(0))
        #expect(intake.observe(listing, at: at(1)).ready.map(\.name) == ["c.pdf", "a.pdf", "b.pdf"])
    }

    @Test("a released file is considered again from scratch")
    func release() {
        var intake = IntakeStateMachine(rules: IntakeRules(settleSeconds: 1), patterns: patterns)
        _ = intake.observe([file("a.pdf", 1, 1)], at: at(0))
        #expect(intake.observe([file("a.pdf", 1, 1)], at: at(1)).ready.count == 1)
        intake.release("a.pdf")
        #expect(intake.observe([file("a.pdf", 1, 1)], at: at(2)).ready.isEmpty)
        #expect(intake.observe([file("a.pdf", 1, 1)], at: at(3)).ready.count == 1)
    }

    // MARK: - Markers

    @Test("per-file marker: a multi-page TIFF written page by page is taken only after its marker")
    func perFileMarkerMultiPageTIFF() {
        let rules = IntakeRules(settleSeconds: 2, marker: .perFile("{name}.ok"))
        var intake = IntakeStateMachine(rules: rules, patterns: patterns)
        // Page 1, then a long pause (longer than settle_seconds) before page 2, and so on.
        #expect(intake.observe([file("stack.tif", 300_000, 100)], at: at(0)).ready.isEmpty)
        let unmarked = intake.observe([file("stack.tif", 300_000, 100)], at: at(30))
        #expect(unmarked.ready.isEmpty)  // settled, but no marker
        #expect(unmarked.waiting == 1 && unmarked.settling.isEmpty)  // waits for its marker, not for time
        #expect(intake.observe([file("stack.tif", 600_000, 131)], at: at(31)).ready.isEmpty)
        #expect(intake.observe([file("stack.tif", 900_000, 160)], at: at(90)).ready.isEmpty)
        let listing = [file("stack.tif", 900_000, 160), file("stack.ok", 0, 161)]
        let decision = intake.observe(listing, at: at(91))
        #expect(decision.ready == [ReadyFile(name: "stack.tif", size: 900_000, modified: Date(timeIntervalSince1970: 160),
                                             marker: "stack.ok")])
        #expect(decision.nextCheck == nil)  // markers are waited for, not timed
        intake.claimed("stack.tif")
        #expect(intake.observe([file("stack.ok", 0, 161)], at: at(92)).ready.isEmpty)  // a marker alone is not an input
    }

    @Test("per-file marker {file}.ok names the whole file; a marker matching a pattern is not an input")
    func perFileMarkerNames() {
        let rules = IntakeRules(settleSeconds: 2, marker: .perFile("{file}.pdf"))
        var intake = IntakeStateMachine(rules: rules, patterns: patterns)
        let listing = [file("a.pdf", 5, 1), file("a.pdf.pdf", 0, 2)]
        #expect(intake.observe(listing, at: at(0)).ready.map(\.name) == ["a.pdf"])
    }

    @Test("folder marker: files from before the marker are taken at once, later ones wait for the next")
    func folderMarker() {
        let rules = IntakeRules(settleSeconds: 5, marker: .folder(".done"))
        var intake = IntakeStateMachine(rules: rules, patterns: patterns)
        let batch = [file("p1.pdf", 10, 100), file("p2.pdf", 10, 101)]
        #expect(intake.observe(batch, at: at(0)).ready.isEmpty)
        #expect(intake.observe(batch, at: at(60)).ready.isEmpty)  // settled long ago, still no marker

        // The marker arrives; a file of the next stack is already being written after it.
        let withMarker = batch + [file(".done", 0, 110), file("p3.pdf", 5, 112)]
        let first = intake.observe(withMarker, at: at(61))
        #expect(first.ready.map(\.name) == ["p1.pdf", "p2.pdf"])
        #expect(first.markersToConsume.isEmpty)  // p1, p2 not yet claimed
        #expect(first.waiting == 1)
        intake.claimed("p1.pdf")
        intake.claimed("p2.pdf")
        let second = intake.observe([file(".done", 0, 110), file("p3.pdf", 9, 115)], at: at(62))
        #expect(second.ready.isEmpty)
        #expect(second.markersToConsume == [file(".done", 0, 110)])
        // The next marker releases p3.
        let third = intake.observe([file("p3.pdf", 9, 115), file(".done", 0, 120)], at: at(90))
        #expect(third.ready.map(\.name) == ["p3.pdf"])
    }

    @Test("folder marker: a file with the marker's own time must also settle")
    func folderMarkerSameTick() {
        let rules = IntakeRules(settleSeconds: 5, marker: .folder(".done"))
        var intake = IntakeStateMachine(rules: rules, patterns: patterns)
        let listing = [file("p.pdf", 10, 110), file(".done", 0, 110)]
        let first = intake.observe(listing, at: at(0))
        #expect(first.ready.isEmpty)
        #expect(first.nextCheck == at(5))
        #expect(intake.observe(listing, at: at(5)).ready.map(\.name) == ["p.pdf"])
    }
}
