/// A column's text for one page, before encoding.
struct Cell {
    var text: String
    /// From a sensitive field: problems never show its characters.
    var sensitive: Bool
}

/// A column's cell, or every problem that kept it from being made.
enum ColumnOutcome {
    case cell(Cell)
    case problems([RecordProblem])
}
