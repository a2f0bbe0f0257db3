
/// What a runner tells the ledger after it has moved a file into the work folder.
///
/// The id is chosen by the claimer (a UUID string) *before* the rename, because it is part of the
/// claimed file's name (`<id>__<original name>`); recording the same request twice is harmless.
public struct ClaimRequest: Sendable, Hashable {
    /// The input id: a lower-case UUID string, also the prefix of the claimed file's name.
    public var inputID: String
    public var job: String
    public var runID: String?
    /// Where the file was found (in the inbox).
    public var originalPath: String
    /// Where it is now (in the work folder).
    public var claimedPath: String
    public var size: Int64
    /// Lower-case hex SHA-256 of the file's content.
    public var sha256: String
    public var by: WorkerIdentity

    public init(
        inputID: String, job: String, runID: String?, originalPath: String, claimedPath: String,
        size: Int64, sha256: String, by: WorkerIdentity
    ) {
        self.inputID = inputID
        self.job = job
        self.runID = runID
        self.originalPath = originalPath
        self.claimedPath = claimedPath
        self.size = size
        self.sha256 = sha256
        self.by = by
    }
}
