public import Foundation

/// Why a file was put in the error folder, for the clerk (Japanese), IT (English) and tools (code).
///
/// Messages must not quote field values: they may be personal data, and the note sits next to the
/// file in a shared folder.
public struct QuarantineReason: Sendable, Hashable {
    /// Stable and machine-readable, e.g. `unreadable_file`, `no_template_matched`, `crashed_repeatedly`.
    public var code: String
    public var messageJA: String
    public var messageEN: String
    public var job: String
    public var run: String?
    /// The ledger input id, which also lets a repeated quarantine (after a crash) reuse its own notes.
    public var inputID: String?
    /// For the time written in the note.
    public var timeZone: TimeZone

    public init(
        code: String, messageJA: String, messageEN: String, job: String, run: String? = nil, inputID: String? = nil,
        timeZone: TimeZone = JobDefinition.defaultTimeZone
    ) {
        self.code = code
        self.messageJA = messageJA
        self.messageEN = messageEN
        self.job = job
        self.run = run
        self.inputID = inputID
        self.timeZone = timeZone
    }
}
