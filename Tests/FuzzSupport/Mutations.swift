import Foundation

/// Deterministic damage for fuzz tests: the same seed gives the same cases on every machine, so a
/// failure found once is found again.

/// A small generator (SplitMix64).
public struct SplitMix64: Sendable {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// 0..<n (0 when n ≤ 1).
    public mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }

    /// A seed for `name`, so each input of a test gets its own sequence from one base seed.
    public static func seed(_ base: UInt64, for name: String) -> UInt64 {
        name.utf8.reduce(base) { $0 &* 31 &+ UInt64($1) }
    }
}

/// Settings of a fuzz test from the environment: `YOMITORI_FUZZ_ITERATIONS=N` and
/// `YOMITORI_FUZZ_SEED=S` run more or other cases than CI's, for a longer search by hand.
public enum FuzzSettings {
    public static func iterations(default value: Int) -> Int {
        environment("YOMITORI_FUZZ_ITERATIONS").flatMap(Int.init) ?? value
    }

    public static var seed: UInt64 { environment("YOMITORI_FUZZ_SEED").flatMap(UInt64.init) ?? 2026 }

    private static func environment(_ name: String) -> String? {
        ProcessInfo.processInfo.environment[name]
    }
}

/// Damage to a file's bytes: cut short, bits flipped, the header region overwritten, a run set to
/// 0x00 or 0xFF, a piece repeated elsewhere.
public enum ByteMutation {
    public static let kinds = 5

    public static func apply(_ kind: Int, to bytes: inout [UInt8], random: inout SplitMix64) {
        guard !bytes.isEmpty else { return }
        switch kind {
        case 0:
            bytes.removeSubrange(max(1, random.below(bytes.count))...)
        case 1:
            for _ in 0...random.below(8) { bytes[random.below(bytes.count)] ^= UInt8(1 << random.below(8)) }
        case 2:  // sizes, tables and offsets live near the start
            let region = min(bytes.count, 1024)
            for _ in 0...random.below(4) { bytes[random.below(region)] = UInt8(truncatingIfNeeded: random.next()) }
        case 3:
            let start = random.below(bytes.count), length = min(bytes.count - start, 1 + random.below(256))
            let fill: UInt8 = random.below(2) == 0 ? 0 : 0xFF
            for i in start..<(start + length) { bytes[i] = fill }
        default:
            let start = random.below(bytes.count), length = min(bytes.count - start, 1 + random.below(512))
            bytes.insert(contentsOf: bytes[start..<(start + length)], at: random.below(bytes.count))
        }
    }
}

/// Damage to a YAML file as a person typing it makes it: a line lost, repeated or swapped with the
/// next, indented more or less, a `:` lost, a tab, a stray quote or bracket, a value replaced by
/// another type, text cut short; and bytes that are not UTF-8.
public enum TextMutation {
    public static func apply(to text: String, random: inout SplitMix64) -> [UInt8] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard !lines.isEmpty else { return Array(text.utf8) }
        let i = random.below(lines.count)
        switch random.below(11) {
        case 0: lines.remove(at: i)
        case 1: lines.insert(lines[i], at: i)
        case 2 where i + 1 < lines.count: lines.swapAt(i, i + 1)
        case 3: lines[i] = String(repeating: " ", count: 1 + random.below(4)) + lines[i]
        case 4: lines[i] = String(lines[i].drop { $0 == " " }.prefix(lines[i].count))
        case 5: lines[i] = lines[i].replacingFirst(":", with: "")
        case 6: lines[i] = "\t" + lines[i]
        case 7:
            let junk = ["\"", "'", "[", "{", "]", "}", "&a", "*a", "!!binary", "- ", ": ", "#", "%", "@", "|", ">"]
            var characters = Array(lines[i])
            characters.insert(contentsOf: junk[random.below(junk.count)], at: random.below(characters.count + 1))
            lines[i] = String(characters)
        case 8:
            if let colon = lines[i].firstIndex(of: ":") {
                let values = ["", "~", "[]", "{}", "-1", "1e400", "0x10", "yes", "[1, 2", "\"unterminated", "日本語", "[0, 0, 0, 0]",
                              "[1, 2, 3, 4, 5]", "99999999999999999999"]
                lines[i] = String(lines[i][...colon]) + " " + values[random.below(values.count)]
            }
        case 9:
            var joined = Array(lines.joined(separator: "\n").utf8)
            joined.removeSubrange(random.below(joined.count)...)
            return joined
        default:
            var bytes = Array(lines.joined(separator: "\n").utf8)
            bytes.insert(contentsOf: [0xFF, 0xC3][random.below(2)...], at: random.below(bytes.count + 1))
            return bytes
        }
        return Array(lines.joined(separator: "\n").utf8)
    }
}

extension String {
    fileprivate func replacingFirst(_ target: Character, with replacement: String) -> String {
        guard let index = firstIndex(of: target) else { return self }
        return String(self[..<index]) + replacement + String(self[self.index(after: index)...])
    }
}

