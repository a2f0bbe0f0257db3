import Foundation
import Testing
import YomitoriText

/// A value set by one thread and read by another.
final class LockedBox<T: Sendable>: @unchecked Sendable {
    let lock = NSLock()
    var value: T?
}

/// Runs `body` on its own thread and gives up after `seconds` (the thread is abandoned on timeout).
func withinTimeLimit<T: Sendable>(seconds: Double, _ body: @escaping @Sendable () -> T) -> T? {
    let box = LockedBox<T>()
    let done = DispatchSemaphore(value: 0)
    Thread {
        let value = body()
        box.lock.withLock { box.value = value }
        done.signal()
    }.start()
    guard done.wait(timeout: .now() + seconds) == .success else { return nil }
    return box.lock.withLock { box.value }
}

@Suite("CP932")
struct CP932Tests {
    @Test(arguments: [
        ("髙", [0xFB, 0xFC]),
        ("ｶﾞ", [0xB6, 0xDE]),
        ("ガ", [0x83, 0x4B]),
        ("カ\u{3099}", [0x83, 0x4B]),  // NFC first
        ("〜", [0x81, 0x60]),  // U+301C → ～ U+FF5E
        ("～", [0x81, 0x60]),
        ("−", [0x81, 0x7C]),  // U+2212 → － U+FF0D
        ("‖", [0x81, 0x61]),
        ("¢£¬", [0x81, 0x91, 0x81, 0x92, 0x81, 0xCA]),
        ("—", [0x81, 0x5C]),  // U+2014 → ― U+2015
        ("①㈱", [0x87, 0x40, 0x87, 0x8A]),
        ("ABC 123", [0x41, 0x42, 0x43, 0x20, 0x31, 0x32, 0x33]),
        ("", []),
    ] as [(String, [UInt8])])
    func goldenBytes(input: String, expected: [UInt8]) {
        #expect(CP932.encode(input) == .success(expected))
    }

    @Test func unencodableCharactersAreAllReported() {
        guard case .failure(let error) = CP932.encode("𠮷野家の😀と𠮷") else {
            Issue.record("𠮷 must not encode")
            return
        }
        #expect(error.code == .unencodableCharacters)
        #expect(error.failures.map(\.offset) == [0, 4, 6])
        #expect(error.failures.map(\.scalars) == ["U+20BB7", "U+1F600", "U+20BB7"])
        #expect(error.failures.allSatisfy { $0.reason == .notInCP932 })
        #expect(error.description.contains("U+20BB7"))
        #expect(CP932.unencodable("𠮷野家の😀と𠮷") == ["𠮷", "😀"])
    }

    @Test func replacementsCanBeDisabled() {
        #expect(CP932.unencodable("〜", replacements: [:]) == ["〜"])
        #expect(CP932.unencodable("ﾔﾏﾀﾞ〜ﾊﾅｺ−") == [])
        let custom = CP932.encode("〜", replacements: ["〜": "-"])
        #expect(custom == .success([0x2D]))
    }

    @Test func neverLossy() {
        guard case .failure(let error) = CP932.encode("ﾔﾏﾀﾞ〜ﾊﾅｺ", replacements: [:]) else {
            Issue.record("〜 must fail without replacements")
            return
        }
        #expect(error.failures.map(\.offset) == [3])  // ﾀﾞ is one Character
        #expect(CP932.unencodable("¥") == ["¥"])
        #expect(CP932.unencodable("é") == ["é"])
    }

    @Test(.timeLimit(.minutes(1)))
    func variationSelectorDoesNotHang() {
        let result = withinTimeLimit(seconds: 10) { CP932.encode("葛\u{E0100}") }
        #expect(result == .success([0x8A, 0x8B]))
        let vs1 = withinTimeLimit(seconds: 10) { CP932.encode("葛\u{FE00}飾\u{E0100}") }
        #expect(vs1 == .success([0x8A, 0x8B, 0x8F, 0xFC]))
        let lone = withinTimeLimit(seconds: 10) { CP932.encode("\u{E0100}") }
        #expect(lone == .success([]))
    }

    /// Foundation hangs when a string ends with a default-ignorable code point: reported instead.
    @Test(.timeLimit(.minutes(1)), arguments: [
        ("ヤマダ\u{200B}", 3),
        ("a\u{200D}", 0),
        ("a\u{00AD}", 1),  // soft hyphen is its own grapheme
        ("a\u{FEFF}", 1),
        ("葛\u{034F}", 0),
        ("葛\u{E0001}", 1),
        ("葛\u{E0020}", 0),  // tag characters extend the kanji
        ("x\u{200B}y", 1),
    ])
    func invisibleFormatCharactersAreReported(input: String, offset: Int) {
        let result = withinTimeLimit(seconds: 10) { CP932.encode(input) }
        guard case .failure(let error)? = result else {
            Issue.record("expected a failure in time, got \(String(describing: result))")
            return
        }
        #expect(error.failures.map(\.offset) == [offset])
        #expect(error.failures.first?.reason == .invisibleFormatCharacter)
    }

    @Test func losslessRoundTripOfMixedText() throws {
        let text = "ﾔﾏﾀﾞ ﾊﾅｺ／山田 花子（髙橋）〒100-0001 東京都千代田区①Ⅱ㈱ ABC-123 ～－∥"
        let bytes = try CP932.encode(text).get()
        #expect(bytes.count > text.count)
        let back = try #require(CP932.decode(bytes))
        #expect(back.unicodeScalars.elementsEqual(text.unicodeScalars))
    }

    @Test(arguments: [
        ("ｷﾕｳﾖ ｲﾁﾛｳ", true),
        ("ｶ)ﾔﾏﾀﾞ.ｴ-ｼﾞｴﾝｼ-", true),
        ("ABC-123 ().", true),
        ("", true),
        ("ヤマダ", false),
        ("ｷﾕｳﾖ　ｲﾁﾛｳ", false),  // U+3000
        ("〜", false),
        ("\t", false),
        ("𠮷", false),
    ])
    func singleByte(input: String, expected: Bool) {
        #expect(CP932.isSingleByte(input) == expected)
    }
}
