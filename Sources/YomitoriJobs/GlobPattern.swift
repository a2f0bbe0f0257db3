/// A file name pattern from a job's `patterns:` — `*` (any run of characters), `?` (one character),
/// `[abc]` / `[a-z]` / `[!abc]` (one of, or none of, a set) — matched case-insensitively, because
/// scanners and Windows clients write `SCAN0001.PDF` as readily as `scan0001.pdf`.
///
/// Matching is on characters, so `?` matches one kanji. A leading `.` is never matched by a wildcard
/// (hidden files are not inputs anyway).
public struct GlobPattern: Sendable, Hashable {
    public let pattern: String
    private let elements: [Element]

    private enum Element: Hashable {
        case character(Character)
        case any
        case anyRun
        case set(negated: Bool, items: [SetItem])
    }

    private enum SetItem: Hashable {
        case single(Character)
        case range(Character, Character)
    }

    public init(_ pattern: String) {
        self.pattern = pattern
        elements = Self.compile(Array(pattern.lowercased()))
    }

    /// Nil when the pattern is well formed; otherwise what is wrong with it.
    public static func problem(in pattern: String) -> String? {
        var inSet = false
        var setLength = 0
        for character in pattern {
            if inSet {
                if character == "]", setLength > 0 { inSet = false } else { setLength += 1 }
            } else if character == "[" {
                inSet = true
                setLength = 0
            }
        }
        return inSet ? "'[' is not closed" : nil
    }

    /// Whether `name` (a file name, not a path) matches.
    public func matches(_ name: String) -> Bool {
        let characters = Array(name.lowercased())
        if characters.first == ".", elements.first != .character(".") { return false }
        return Self.match(elements[...], characters[...])
    }

    private static func match(_ pattern: ArraySlice<Element>, _ name: ArraySlice<Character>) -> Bool {
        var p = pattern.startIndex, n = name.startIndex
        var star: (p: Int, n: Int)?
        while n < name.endIndex {
            if p < pattern.endIndex {
                switch pattern[p] {
                case .anyRun:
                    star = (p, n)
                    p += 1
                    continue
                case .any:
                    p += 1
                    n += 1
                    continue
                case .character(let c) where c == name[n]:
                    p += 1
                    n += 1
                    continue
                case .set(let negated, let items) where contains(items, name[n]) != negated:
                    p += 1
                    n += 1
                    continue
                default:
                    break
                }
            }
            guard let back = star else { return false }
            p = back.p + 1
            n = back.n + 1
            star = (back.p, back.n + 1)
        }
        while p < pattern.endIndex, pattern[p] == .anyRun { p += 1 }
        return p == pattern.endIndex
    }

    private static func contains(_ items: [SetItem], _ character: Character) -> Bool {
        items.contains { item in
            switch item {
            case .single(let c): c == character
            case .range(let low, let high): low <= character && character <= high
            }
        }
    }

    private static func compile(_ characters: [Character]) -> [Element] {
        var elements: [Element] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "*":
                if elements.last != .anyRun { elements.append(.anyRun) }
            case "?":
                elements.append(.any)
            case "[":
                guard let (element, next) = compileSet(characters, from: index + 1) else {
                    elements.append(.character("["))
                    break
                }
                elements.append(element)
                index = next
                continue
            default:
                elements.append(.character(character))
            }
            index += 1
        }
        return elements
    }

    /// The set starting after `[` at `start`, and the index after its `]`; nil when not closed.
    private static func compileSet(_ characters: [Character], from start: Int) -> (Element, Int)? {
        var index = start
        var negated = false
        if index < characters.count, characters[index] == "!" || characters[index] == "^" {
            negated = true
            index += 1
        }
        var items: [SetItem] = []
        while index < characters.count {
            let character = characters[index]
            if character == "]", !items.isEmpty { return (.set(negated: negated, items: items), index + 1) }
            if index + 2 < characters.count, characters[index + 1] == "-", characters[index + 2] != "]" {
                items.append(.range(character, characters[index + 2]))
                index += 3
            } else {
                items.append(.single(character))
                index += 1
            }
        }
        return nil
    }
}
