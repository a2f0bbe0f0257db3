/// What ends each record (`newline:` in a mapping).
public enum LineEnding: String, Sendable, Equatable, CaseIterable {
    /// CR LF, what Windows-based imports and 全銀 files with line breaks expect.
    case crlf
    /// LF alone (never allowed for 全銀 files).
    case lf
    /// Nothing: records follow each other directly (fixed-width and 全銀 only).
    case none

    /// The bytes written after each record.
    public var bytes: [UInt8] {
        switch self {
        case .crlf: [0x0D, 0x0A]
        case .lf: [0x0A]
        case .none: []
        }
    }
}
