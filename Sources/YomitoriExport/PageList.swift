public import YomitoriResults

/// Pages already in memory (the job runner's results).
public struct PageList: PageSource {
    private var items: IndexingIterator<[ExportItem]>

    /// A source over `pages`.
    public init(_ pages: [PageRead]) {
        items = pages.map(ExportItem.page).makeIterator()
    }

    /// A source over items, unreadable pages included.
    public init(items: [ExportItem]) {
        self.items = items.makeIterator()
    }

    public mutating func next() throws(ExportError) -> ExportItem? {
        items.next()
    }
}
