/// Where an export's pages come from, one at a time (so a large batch is never all in memory).
public protocol PageSource {
    /// The next item, or nil at the end.
    /// - Throws: ``ExportError`` (`malformedInput`, `io`) when the input cannot be read.
    mutating func next() throws(ExportError) -> ExportItem?
}
