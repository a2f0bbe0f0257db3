/// Where an export batch is in its life: `open → written → delivered`, or `discarded`.
///
/// - `open`: pages are being added; output paths may be planned; nothing is visible to the
///   receiving system (at most a hidden temporary file exists).
/// - `written`: the output content is final and recorded with its SHA-256 in the same
///   transaction; the file is at its final path or still at its temporary path, waiting to be
///   renamed. It is never written again.
/// - `delivered`: the file is in place and the batch's follow-up steps (`run`, `notify`) are done.
/// - `discarded`: an open batch given up; its pages are free for another batch.
public enum BatchState: String, Sendable, Codable, CaseIterable, Hashable {
    case open
    case written
    case delivered
    case discarded
}
