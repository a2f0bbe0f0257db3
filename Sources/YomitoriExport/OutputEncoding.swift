public import YomitoriText

/// The character encoding of an import file (`encoding:` in a mapping).
public enum OutputEncoding: String, Sendable, Equatable, CaseIterable {
    /// UTF-8 without a byte order mark.
    case utf8 = "utf-8"
    /// UTF-8 starting with `EF BB BF`, so that Excel on Japanese Windows reads it as UTF-8.
    case utf8BOM = "utf-8-bom"
    /// CP932 (Windows-31J), what legacy 基幹系 imports and Excel without a BOM expect.
    case cp932

    /// Bytes written once at the start of the file.
    public var preamble: [UInt8] {
        self == .utf8BOM ? [0xEF, 0xBB, 0xBF] : []
    }

    /// Encodes `text`, or lists the characters this encoding cannot carry (CP932 only).
    ///
    /// CP932 goes through ``CP932/encode(_:replacements:)`` (never lossy, never `?`); ASCII text,
    /// which CP932 encodes byte for byte, skips it.
    public func encode(_ text: String) -> Result<[UInt8], CP932EncodingError> {
        switch self {
        case .utf8, .utf8BOM:
            return .success(Array(text.utf8))
        case .cp932:
            if text.utf8.allSatisfy({ $0 < 0x80 }) { return .success(Array(text.utf8)) }
            return CP932.encode(text)
        }
    }
}
