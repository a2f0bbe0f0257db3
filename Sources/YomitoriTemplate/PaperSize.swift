/// Paper sizes a template may name in `size:` (portrait; write `{width:, height:}` for landscape).
///
/// B sizes are JIS B (B4 = 257 × 364 mm), the B series used by Japanese offices, not ISO B.
enum PaperSize {
    static let named: [(name: String, size: SizeMM)] = [
        ("A3", SizeMM(width: 297, height: 420)),
        ("A4", SizeMM.a4),
        ("A5", SizeMM(width: 148, height: 210)),
        ("B4", SizeMM(width: 257, height: 364)),
        ("B5", SizeMM(width: 182, height: 257)),
    ]

    /// The size for a name such as `A4` or `b5` (case does not matter).
    static func size(named name: String) -> SizeMM? {
        named.first { $0.name == name.uppercased() }?.size
    }
}
