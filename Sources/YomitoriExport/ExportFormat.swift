/// The kind of import file a mapping produces (`format:` in a mapping).
public enum ExportFormat: String, Sendable, Equatable, CaseIterable {
    /// Comma-separated values with RFC 4180 quoting.
    case csv
    /// Tab-separated values, quoted like CSV.
    case tsv
    /// One JSON object per accepted page (UTF-8).
    case jsonl
    /// Fixed-width records counted in bytes of the output encoding (固定長).
    case fixed
    /// 全銀協 総合振込 file: 120-byte records 1, 2…, 8, 9 (jp-formats §1).
    case zengin

    /// The file name extension used by the default file-name pattern.
    public var defaultExtension: String {
        switch self {
        case .csv: "csv"
        case .tsv: "tsv"
        case .jsonl: "jsonl"
        case .fixed: "txt"
        case .zengin: "txt"
        }
    }
}
