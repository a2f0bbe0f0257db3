public import YomitoriResults

/// One entry of an export's input: a page as read (and validated), or a page that could not be read.
public enum ExportItem: Sendable, Equatable {
    /// A page; it becomes a record only when its status is accepted.
    case page(PageRead)
    /// A page (or a whole file, `page` nil) that `yomitori read` could not read; reported as skipped.
    case unreadable(file: String, page: Int?, code: String)
}
