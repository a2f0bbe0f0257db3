public import YomitoriResults
import YomitoriText

extension Calibration {
    /// One field's value in a truth file (`{"name": "山田 太郎"}`, a list of ticked options, or
    /// `null`), and whether a value read is that value.
    ///
    /// Text is compared after NFKC on both sides: a truth typed with 全角 digits or letters,
    /// half-width kana or an ideographic space (`１２３`, `ﾔﾏﾀﾞ`, `山田　太郎`) is the same value as
    /// yomitori's normal form (`123`, `ヤマダ`, `山田 太郎`). Anything else must be equal: spacing,
    /// the order of a list, a date's format.
    public enum Truth: Decodable, Equatable, Sendable {
        case text(String), list([String]), none

        public init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() {
                self = .none
            } else if let list = try? c.decode([String].self) {
                self = .list(list)
            } else {
                self = .text(try c.decode(String.self))
            }
        }

        /// The truth as a field value (nil for `null`).
        public var fieldValue: FieldValue? {
            switch self {
            case .text(let t): .text(t)
            case .list(let l): .list(l)
            case .none: nil
            }
        }

        public func matches(_ value: FieldValue?) -> Bool {
            switch (self, value) {
            case (.none, nil): true
            case (.text(let e), .text(let g)?): Self.same(e, g)
            case (.text(let e), nil): e.isEmpty
            case (.list(let e), .list(let g)?): e.count == g.count && zip(e, g).allSatisfy { Self.same($0, $1) }
            // One ticked option written as a list for a choice, or as text for a checkbox list.
            case (.list(let e), .text(let g)?): e.count == 1 && Self.same(e[0], g)
            case (.text(let e), .list(let g)?): g.count == 1 && Self.same(e, g[0])
            case (.text(let e), .bool(let b)?): e == (b ? "true" : "false")
            default: false
            }
        }

        static func same(_ a: String, _ b: String) -> Bool {
            a == b || JapaneseText.nfkc(a) == JapaneseText.nfkc(b)
        }
    }
}
