public import YomitoriLedger

/// What a starting runner must do with a batch the previous run left unfinished.
public enum BatchRecovery: Sendable, Hashable {
    /// The batch was open: nothing of it is visible. Its temporary files were removed; write it
    /// again from ``Ledger/batchRecords(batchID:)`` with ``BatchWriter/write(batch:files:recordCount:)``
    /// (same pages, same planned paths), or give it up with ``Ledger/discardBatch(batchID:)``.
    case rewrite(BatchRecord)
    /// The batch was written: its files are now in place. Run its follow-up steps (at least once:
    /// they may have run before the crash), then ``Ledger/markBatchDelivered(batchID:)``, and finish its inputs.
    case placed(BatchRecord, [PlacedOutput])
}
