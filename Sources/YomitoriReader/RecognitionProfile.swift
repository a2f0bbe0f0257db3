import YomitoriOCR
import YomitoriTemplate

/// Language, segmentation mode and character whitelist for a field, from its type unless the
/// template says otherwise. Smaller models and whitelists are both faster and more accurate.
struct RecognitionProfile: Equatable {
    var language: String
    var mode: PageSegmentationMode
    var whitelist: String?
    /// Ways to read the zone again, in order: the second read, a third when the first two
    /// disagree, and for katakana a fourth when only the other model disagrees, by added
    /// characters (see `FieldReader.otherModelOnlyAdded`).
    var secondReads: [SecondRead] = []
    /// Reads with another segmentation that must confirm a value the first reads agreed on (free-text
    /// types: text, katakana, email; and dates, where both first reads can drop a digit alike,
    /// 11日 → 1日, and a valid date is left either way); the first that agrees is enough.
    var confirmingReads: [SecondRead] = []
    /// The first read may put a letter where a digit was printed, or the reverse (an e-mail
    /// address's `1` read as `l` by every read of the same model): a Latin model (not jpn) whose
    /// allowed characters hold letters and digits. Its first read keeps each symbol's runner-up
    /// characters, for ``FieldReader`` to check.
    var mixesLettersAndDigits = false
    /// Comb boxes: models, in order, whose read of the boxes' line settles a disagreement between
    /// the box-by-box read and the first model's line read; the first one installed reads.
    var combArbiters: [String] = []

    struct SecondRead: Equatable {
        var language: String
        var mode: PageSegmentationMode
        var scale: Double
        /// Read without the field's whitelist: what is written there, not the nearest allowed characters.
        var unrestricted = false
    }

    /// Tesseract's Japanese script model, the second model Japanese text is read with.
    static let secondJapaneseModel = "script/Japanese"

    static let digits = "0123456789"
    static let katakana: String = {
        var s = ""
        for v in 0x30A1...0x30F6 { s.unicodeScalars.append(Unicode.Scalar(v)!) }
        // The space is one of the LSTM's characters: leaving it out of a whitelist glues words together.
        return s + "ー・ "
    }()
    /// Dates: digits, the units and era names, the eras' initials (`R7.5.16`, `H31/4/30`) and
    /// the separators of the short styles.
    static let date = digits + "年月日元明治大正昭和平成令和RHSTM./- "
    static let phone = digits + "-() "
    static let email = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@._-+"

    init(for field: FieldSpec) {
        let defaults: (String, PageSegmentationMode, String?)
        switch field.type {
        case .text: defaults = ("jpn", .singleLine, nil)
        case .katakana: defaults = ("jpn", .singleLine, RecognitionProfile.katakana)
        case .digits: defaults = ("eng", .singleLine, RecognitionProfile.digits)
        case .number: defaults = ("eng", .singleLine, RecognitionProfile.digits + ",.-")
        case .date: defaults = ("jpn", .singleLine, RecognitionProfile.date)
        case .phone: defaults = ("eng", .singleLine, RecognitionProfile.phone)
        case .email: defaults = ("eng", .singleLine, RecognitionProfile.email)
        case .comb: defaults = ("eng", .singleCharacter, RecognitionProfile.digits)
        case .checkbox, .choice: defaults = ("", .singleLine, nil)
        }
        language = field.language.isEmpty ? defaults.0 : field.language
        mode = field.psm.flatMap(PageSegmentationMode.init(rawValue:)) ?? defaults.1
        whitelist = field.whitelist ?? defaults.2
        let rescaled = SecondRead(language: language, mode: mode, scale: 0.75)
        if language == "jpn" {
            secondReads = [SecondRead(language: Self.secondJapaneseModel, mode: mode, scale: 1), rescaled]
            // Katakana: a fourth, only when the other model alone disagrees with the first model's
            // two by added characters (FieldReader.otherModelOnlyAdded): it reads again at the
            // other scale. Not for kanji: a kanji the models lack (人名用漢字 such as 嘗, 柑) is
            // read as the same stand-in by every read, and a fourth read let two more such names
            // through on make_name_kanji.py seed 3 (2,268 pages: 100 → 102 accepted wrong).
            if field.type == .katakana {
                secondReads.append(SecondRead(language: Self.secondJapaneseModel, mode: mode, scale: 0.75))
            }
        } else if field.type.usesOCR {
            secondReads = [rescaled, SecondRead(language: language, mode: .rawLine, scale: 1.25)]
        }
        let latinModel = !language.contains("jpn") && !language.hasPrefix("script/")
        if field.type == .comb {
            // Another model settles a disagreement of the box and line reads (FieldReader.settleComb).
            combArbiters = [Self.secondJapaneseModel, "jpn"].filter { $0 != language }
        }
        if field.type.usesOCR, field.type != .comb, latinModel {
            // No whitelist: any character.
            mixesLettersAndDigits = whitelist.map { $0.contains(where: \.isLetter) && $0.contains(where: \.isNumber) } ?? true
        }
        if [.text, .katakana, .email, .date].contains(field.type) {
            // Another segmentation than the first reads': a raw line (no word finding), or, for a
            // field read as a raw line already, a single word.
            let other: PageSegmentationMode = mode == .rawLine ? .singleWord : .rawLine
            confirmingReads = [SecondRead(language: language, mode: other, scale: 1)]
            // Katakana: the other model's raw-line read may confirm too (the first model's raw
            // line sometimes doubles the last kana, コ → コユ). Kanji: only the first model's,
            // since the script model's raw-line read repeats its own line read's misread kanji
            // (measured on holdout scans: 紬 → 細, 葵 → 壮 confirmed that way).
            if language == "jpn", field.type != .text {
                confirmingReads.append(SecondRead(language: Self.secondJapaneseModel, mode: other, scale: 1))
            }
        }
        if field.type == .phone, latinModel {
            // Both first reads are the Latin model's, at two scales: they share its habits. In a
            // Mincho whose 3 has a flat top (Ume Mincho) both read 3239 as 5259, clear and sure;
            // the Japanese model reads it right. Its read, as one word, must give the same number.
            confirmingReads = [SecondRead(language: language, mode: .rawLine, scale: 1), SecondRead(language: "jpn", mode: .singleWord, scale: 1)]
        }
        if [.digits, .number].contains(field.type), latinModel {
            // A digits whitelist makes the engine read anything as digits: 通 written after a
            // number (`1通` read 13), a pencil stroke beside it (3 read 4). The Japanese model
            // without a whitelist reads what is there; its digits must be the same. As a single
            // word: as a line it reads a lone 1 as `]` and a 3 as `う` (on 121 holdout zones of
            // 必要な通数: 22 wrong as a line, none as a word).
            confirmingReads = [SecondRead(language: "jpn", mode: .singleWord, scale: 1, unrestricted: true)]
        }
    }

    /// The first read.
    var primary: SecondRead { SecondRead(language: language, mode: mode, scale: 1) }

    /// A rough cost of reading `field`, in recognitions of a 50 mm line, to read the longest
    /// fields of a page first: none for tick boxes (pixels only), a recognition per box and one
    /// for the whole line for comb boxes, and two reads (three with a confirming read) for a
    /// line, longer for a wider zone.
    static func expectedCost(_ field: FieldSpec) -> Double {
        switch field.type {
        case .checkbox, .choice:
            return 0
        case .comb:
            return Double(max(1, field.boxes.count) + 1)
        default:
            let reads = RecognitionProfile(for: field).confirmingReads.isEmpty ? 2.0 : 3.0
            return reads * (1 + field.zone.width / 50)
        }
    }
}
