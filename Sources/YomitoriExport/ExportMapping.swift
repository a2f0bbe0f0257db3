/// How accepted pages become an import file: format, encoding, columns and delivery.
///
/// Declared in YAML (see `docs/export.md`) and loaded with ``load(path:)`` or, when embedded in a
/// job definition, ``parse(node:file:)``. The loader checks everything that can be checked before
/// a page is seen (header names and constants encodable, `fixed` entries for every column, 全銀
/// header digits), so what remains at export time are problems of single records.
public struct ExportMapping: Sendable, Equatable {
    /// How quoted cells are chosen in CSV and TSV.
    public enum Quoting: String, Sendable, Equatable, CaseIterable {
        /// RFC 4180: only cells with the separator, `"`, CR or LF.
        case minimal
        /// Every cell.
        case all
    }

    /// The kind of file.
    public var format: ExportFormat
    /// The character encoding (JSON Lines: UTF-8 only; 全銀: CP932 single-byte only).
    public var encoding: OutputEncoding
    /// What ends each record.
    public var newline: LineEnding
    /// Whether CSV/TSV files start with a row of column names.
    public var header: Bool
    /// Which CSV/TSV cells are quoted.
    public var quoting: Quoting
    /// What happens to characters the encoding cannot carry.
    public var onUnencodable: UnencodablePolicy
    /// Replacements used with ``UnencodablePolicy/substitute`` (`𠮷` → `吉`); each one is applied
    /// to every occurrence of its character and reported.
    public var substitutions: [Character: String]
    /// The columns, in file order (for 全銀 the data items are in ``zengin`` instead).
    public var columns: [ExportColumn]
    /// Byte widths per column (fixed-width only), in column order.
    public var fixed: [FixedWidthField]
    /// Header and data items (全銀 only).
    public var zengin: ZenginSettings?
    /// Whether JSON Lines records carry every field under `"fields"` (default true).
    public var includeFields: Bool
    /// File name and extra files.
    public var delivery: DeliverySettings

    /// A mapping; the loader fills it from YAML, tests may build one directly.
    public init(
        format: ExportFormat, encoding: OutputEncoding, newline: LineEnding = .crlf, header: Bool = true,
        quoting: Quoting = .minimal, onUnencodable: UnencodablePolicy = .review,
        substitutions: [Character: String] = [:], columns: [ExportColumn] = [], fixed: [FixedWidthField] = [],
        zengin: ZenginSettings? = nil, includeFields: Bool = true, delivery: DeliverySettings? = nil
    ) {
        self.format = format
        self.encoding = encoding
        self.newline = newline
        self.header = header
        self.quoting = quoting
        self.onUnencodable = onUnencodable
        self.substitutions = substitutions
        self.columns = columns
        self.fixed = fixed
        self.zengin = zengin
        self.includeFields = includeFields
        self.delivery = delivery ?? .standard(for: format)
    }
}
