/// The byte width and alignment of one column in a fixed-width file (`fixed:` entries).
public struct FixedWidthField: Sendable, Equatable {
    /// Which side the value sits on; the rest is padding.
    public enum Alignment: String, Sendable, Equatable, CaseIterable {
        /// Value first, padding after (text).
        case left
        /// Padding first, value after (numbers).
        case right
    }

    /// The ``ExportColumn/name`` this entry shapes.
    public var column: String
    /// Width in bytes of the output encoding (a CP932 kanji counts 2, a UTF-8 kanji 3).
    public var width: Int
    /// Which side the value sits on.
    public var align: Alignment
    /// The padding character; a two-byte pad (`　` in CP932) must fill the gap exactly.
    public var pad: Character

    /// An entry; text is left-aligned and space-padded by default.
    public init(column: String, width: Int, align: Alignment = .left, pad: Character = " ") {
        self.column = column
        self.width = width
        self.align = align
        self.pad = pad
    }
}
