/// A value that comes from the run or the page rather than from a field (`derive:` on a column).
public enum DerivedValue: String, Sendable, Equatable, CaseIterable {
    /// The export's date in 日本標準時 (formatted by the column's `format`, ISO by default).
    case today
    /// The run identifier of the ``ExportContext``.
    case runID = "run_id"
    /// The scan file the page came from, as recorded in the results.
    case sourceFile = "source_file"
    /// The page number in that file, counted from 1.
    case sourcePage = "source_page"
    /// The template the page was read with.
    case template
}
