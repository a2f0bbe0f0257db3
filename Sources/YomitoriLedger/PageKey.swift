/// Identifies one page of one input in the ledger.
public struct PageKey: Sendable, Hashable, Codable, CustomStringConvertible {
    public var inputID: String
    /// 0-based page index inside the input file.
    public var page: Int

    public init(inputID: String, page: Int) {
        self.inputID = inputID
        self.page = page
    }

    public var description: String { "\(inputID)#\(page + 1)" }
}
