/// One column of an import file: where its value comes from and how it is shaped.
///
/// The value is built in this order: source (field, constant or derived value) → `format`
/// (dates) → `normalize` steps → `map` (code mapping) → `pad_left` to `width`. A field's
/// `normalized` value is used when validation filled it, its `value` otherwise.
public struct ExportColumn: Sendable, Equatable {
    /// Where a column's value comes from.
    public enum Source: Sendable, Equatable {
        /// A field of the page, by its template name.
        case field(String)
        /// The same text in every record.
        case constant(String)
        /// A value of the run or the page.
        case derived(DerivedValue)
    }

    /// The column's name: the header cell, the JSON key, the key of its `fixed` entry.
    public var name: String
    /// Where the value comes from.
    public var source: Source
    /// How a date value is written; nil leaves the value as it is.
    public var dateFormat: ExportDateFormat?
    /// Normalisation steps, applied in order.
    public var normalizers: [ColumnNormalizer]
    /// Code mapping (`普通` → `1`); a value without an entry sends the record to review.
    public var codeMap: [String: String]?
    /// Character to pad on the left up to ``width`` (`"0"` for account numbers).
    public var padLeft: Character?
    /// Width in characters: with ``padLeft`` the value is padded to it, without it the value may
    /// not be longer. A longer value sends the record to review (`overflow`), never cut.
    public var width: Int?

    /// A column; only `name` and `source` are required.
    public init(
        name: String, source: Source, dateFormat: ExportDateFormat? = nil, normalizers: [ColumnNormalizer] = [],
        codeMap: [String: String]? = nil, padLeft: Character? = nil, width: Int? = nil
    ) {
        self.name = name
        self.source = source
        self.dateFormat = dateFormat
        self.normalizers = normalizers
        self.codeMap = codeMap
        self.padLeft = padLeft
        self.width = width
    }
}
