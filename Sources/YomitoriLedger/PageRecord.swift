/// One page's reading as stored in the ledger.
///
/// `readJSON` is the `PageRead` encoded as JSON: it holds **personal data** (names, addresses,
/// 個人番号). The SQLite file is created with permissions 0600; do not copy it to shared folders,
/// and do not put it in logs.
public struct PageRecord: Sendable, Hashable {
    public var inputID: String
    /// 0-based page index inside the input file.
    public var page: Int
    /// Nil while the page is read but not yet validated.
    public var status: PageStatus?
    /// The template the page was matched to; nil when no template matched.
    public var template: String?
    public var readJSON: String
    /// The batch the page was exported in, once it was added to one.
    public var batchID: String?

    public init(
        inputID: String, page: Int, status: PageStatus?, template: String?, readJSON: String,
        batchID: String? = nil
    ) {
        self.inputID = inputID
        self.page = page
        self.status = status
        self.template = template
        self.readJSON = readJSON
        self.batchID = batchID
    }

    public var key: PageKey { PageKey(inputID: inputID, page: page) }
}
