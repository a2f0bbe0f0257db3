public import Foundation

/// The record of what every job claimed, read, exported and routed: the memory that makes
/// yomitori resume after a crash and never import the same file or batch twice.
///
/// The protocol knows nothing of SQLite: ids are UUID strings chosen by the caller or the store,
/// every call is idempotent (repeating it after a lost answer changes nothing), and every state
/// change is conditional (compare-and-set on the current state), so several runners — on one host
/// now, on several hosts with a shared PostgreSQL store later — can share one ledger.
/// ``SQLiteLedger`` is the embedded implementation.
///
/// The order in which a runner calls these functions for exactly-once processing is described
/// in `docs/jobs.md` ("Ledger and crash consistency").
public protocol Ledger: Sendable {
    // MARK: - Runs

    /// Starts a run and returns it (state `running`).
    func beginRun(_ start: RunStart) async throws -> RunRecord

    /// Ends a run with its counts and report. Repeating it with the same values is harmless.
    func finishRun(id: String, state: RunRecord.State, counts: RunCounts, reportJSON: String?) async throws

    /// Most recent runs first.
    func runs(job: String, limit: Int) async throws -> [RunRecord]

    /// The job's runs still `running`, on any host, oldest first.
    func runningRuns(job: String) async throws -> [RunRecord]

    // MARK: - Inputs

    /// Records a claimed file. Returns ``ClaimResult/duplicate(inputID:of:)`` when the same
    /// content (SHA-256) was already claimed for this job and did not fail; the duplicate is
    /// recorded with state `duplicate` (not finished until routed). Repeating a request with the
    /// same input id returns the first answer.
    func recordClaim(_ claim: ClaimRequest) async throws -> ClaimResult

    /// The input with this id, or nil.
    func input(id: String) async throws -> InputRecord?

    /// Every input of the job that is not finished (not yet routed), oldest claim first.
    func pendingInputs(job: String) async throws -> [InputRecord]

    /// The pending inputs no running run holds (the run of their claim or last attempt is finished
    /// or aborted), oldest claim first: what a starting runner must resume after a crash or kill -9,
    /// or after an earlier pass that left them. An input a runner on another host is reading right
    /// now is not among them.
    func resumableInputs(job: String) async throws -> [InputRecord]

    /// Counts a new processing attempt on a pending input and records who makes it, in which run
    /// (the run then holds the input; see ``resumableInputs(job:)``); returns the input with its new
    /// attempt count. A runner gives up (``markInput(id:as:reason:)`` with `failed`) when attempts
    /// exceed its limit, so a file that crashes the reader cannot loop.
    /// - Throws: ``LedgerError`` `invalidTransition` when the input is finished, or held by another
    ///   run still running (two runners that planned at the same moment: the first attempt wins).
    func beginAttempt(inputID: String, run: String, by: WorkerIdentity) async throws -> InputRecord

    /// Stores the pages read from an input (replacing earlier readings of pages not yet in a
    /// batch) and moves it `claimed → read`. May be called again in state `read` (after validation
    /// or transformation) to update statuses and JSON.
    func recordPages(inputID: String, pages: [PageRecord]) async throws

    /// The pages of an input, in page order.
    func pages(inputID: String) async throws -> [PageRecord]

    /// Records an input's outcome: `exported`, `review`, `invalid` or `failed` (with a reason).
    /// Compare-and-set on the current state (see ``InputState/allowedPredecessors``).
    func markInput(id: String, as state: InputState, reason: LedgerReason?) async throws

    /// Records that the input's file was moved to its final folder (`routedTo`, nil when it was
    /// deleted or left in place) and finishes the input; `exported` becomes `archived`.
    func markInputRouted(id: String, to routedTo: String?) async throws

    // MARK: - Batches

    /// Opens a new batch with the next sequence number for the job and date.
    func openBatch(job: String, runID: String?, date: String) async throws -> BatchRecord

    /// Puts pages into an open batch. A page already in this batch is skipped; a page in another
    /// batch is a ``LedgerError/Code/conflict`` (a page is exported at most once).
    func addPages(_ pages: [PageKey], toBatch batchID: String) async throws

    /// Records the paths the open batch is about to write (final and temporary), before any byte
    /// is written. A final path used by any other batch is a ``LedgerError/Code/conflict``.
    func planBatchOutputs(batchID: String, outputs: [BatchOutput]) async throws

    /// In one transaction: the outputs' SHA-256 and sizes, the record count, and `open → written`.
    /// Call it after the content is durable at the temporary paths and before renaming them.
    func markBatchWritten(batchID: String, outputs: [BatchOutput], recordCount: Int) async throws

    /// `written → delivered`: the files are in place and follow-up steps are done.
    func markBatchDelivered(batchID: String) async throws

    /// `open → discarded`, releasing the batch's pages for another batch.
    func discardBatch(batchID: String) async throws

    /// The batch with this id, or nil.
    func batch(id: String) async throws -> BatchRecord?

    /// Batches of the job that are `open` or `written` and whose run has ended (finished, or
    /// aborted by a crash), oldest first: what a starting runner must finish or discard. A batch a
    /// runner on another host is writing right now is not among them.
    func unfinishedBatches(job: String) async throws -> [BatchRecord]

    /// The pages of a batch in export order (by input claim time, then page), with their JSON:
    /// what is needed to write the batch again, for example to re-export an earlier batch.
    func batchRecords(batchID: String) async throws -> [PageRecord]

    // MARK: - History and status

    /// Appends a free event (a notification sent, a command's exit status …).
    func recordEvent(job: String, kind: String, runID: String?, inputID: String?, batchID: String?, detail: String)
        async throws

    /// Events of a job (every job when nil) after `sequence`, oldest first.
    func events(job: String?, after sequence: Int64, limit: Int) async throws -> [LedgerEvent]

    /// Per-job counts for `yomitori status`: every job in the ledger when `job` is nil.
    /// Outcome counts cover inputs claimed since `since` (all when nil).
    func statusSummary(job: String?, since: Date?, recentRuns: Int) async throws -> [JobStatus]
}
