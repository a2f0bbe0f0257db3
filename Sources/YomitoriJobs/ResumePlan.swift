public import YomitoriLedger
#if canImport(Glibc)
import Glibc
#endif

/// What a starting runner finds left over from a run that died (kill -9, crash, power loss):
/// the work folder compared with the ledger's pending inputs.
///
/// The work folder says what was claimed; the ledger says how far each input got. Every file
/// claimed and not finished is in exactly one of the three lists, unless a run still running holds
/// it: a runner on another host sharing the work folder and ledger is reading it now. (A run on
/// this host left `running` by a crash is marked aborted by ``Ledger/beginRun(_:)`` first.)
public struct ResumePlan: Sendable {
    /// Files in the work folder the ledger does not know: claimed just before the crash, before
    /// ``Ledger/recordClaim(_:)``. Record them (their `originalPath` is nil: use the inbox and
    /// `originalName`), then process them like new files. Empty while another run of the job is
    /// running (on another host): a file it has just claimed is not recorded yet while it is hashed.
    public var unrecorded: [ClaimedFile]
    /// Pending inputs whose file is in the work folder: process them from their state (`claimed`:
    /// read; `read`: validate and export; an outcome or `exported`: route), after
    /// ``Ledger/beginAttempt(inputID:run:by:)`` — and give up (`failed`, `crashed_repeatedly`) when
    /// attempts pass the limit.
    public var resumable: [InputRecord]
    /// Pending inputs whose file is no longer in the work folder. With an outcome (or `exported`),
    /// the file was routed just before the crash: ``Ledger/markInputRouted(id:to:)`` with nil.
    /// Otherwise someone removed it: ``Ledger/markInput(id:as:reason:)`` `failed`, then routed with nil.
    public var missingFiles: [InputRecord]

    public init(unrecorded: [ClaimedFile], resumable: [InputRecord], missingFiles: [InputRecord]) {
        self.unrecorded = unrecorded
        self.resumable = resumable
        self.missingFiles = missingFiles
    }

    /// Compares the job's work folder with the pending inputs in the ledger that no running run
    /// holds; `run` is the run making the plan (already begun).
    public static func make(job: String, ledger: any Ledger, work: WorkFolder, run: String? = nil) async throws -> ResumePlan {
        var folderInfo = stat()
        let othersRunning = try await ledger.runningRuns(job: job).contains { $0.id != run }
        let files = stat(work.path, &folderInfo) == 0 && !othersRunning ? try work.claimedFiles() : []
        let pending = try await ledger.resumableInputs(job: job)
        var unrecorded: [ClaimedFile] = []
        for file in files where !pending.contains(where: { $0.id == file.inputID }) {
            if try await ledger.input(id: file.inputID) == nil { unrecorded.append(file) }
        }
        var resumable: [InputRecord] = []
        var missing: [InputRecord] = []
        for input in pending {
            var info = stat()
            if stat(input.claimedPath, &info) == 0 { resumable.append(input) } else { missing.append(input) }
        }
        return ResumePlan(unrecorded: unrecorded, resumable: resumable, missingFiles: missing)
    }
}
