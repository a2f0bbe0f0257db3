import YomitoriResults
import YomitoriTemplate
import YomitoriText

/// The Japanese and English message of every ``ReasonCode``.
///
/// Messages name the field (its printed label, e.g. 個人番号, and its name) and may quote what the
/// template says (bounds, option values, dates in `not_before`), but **never the value read**: it
/// may be personal data (個人番号 is 特定個人情報). A rule's `message:` replaces the Japanese text.
public enum ReasonCatalogue {
    /// How a field is named in messages.
    public struct Subject: Sendable, Equatable {
        /// Japanese: the printed label (氏名), or the field name when there is none.
        public var ja: String
        /// English: `氏名 (name)`, or the field name alone.
        public var en: String

        public init(ja: String, en: String) {
            self.ja = ja
            self.en = en
        }

        /// The subject for a field of the template.
        public init(name: String, label: String) {
            ja = label.isEmpty ? name : label
            en = label.isEmpty ? name : "\(label) (\(name))"
        }

        /// For a value that belongs to no field yet (``Normalization/apply(_:to:)``).
        public static let value = Subject(ja: "値", en: "the value")
    }

    /// What a message needs besides the field: numbers and names from the template, never the value.
    enum Detail: Sendable {
        case none
        /// `format`: which format was expected.
        case check(FieldCheck)
        /// `low_confidence`: the confidence and the threshold it is below.
        case confidence(Double, threshold: Double)
        /// `length`, `range`, `age`: the bounds from the template.
        case bounds(min: Double?, max: Double?)
        /// `date_range`: which bound (`nil` date = not in the future).
        case dateBound(DateBound)
        /// `zengin_kana`: why the conversion failed.
        case zengin(ZenginKanaError.Code)
        /// `too_few_ticked` / `too_many_ticked`: the template's count.
        case count(Int?)
        /// `required_missing` from `required_if`: the field that makes it required and its value.
        case condition(when: Subject, has: String?)
        /// `date_order`, `not_equal`, `at_least_one`: the other fields involved.
        case others([Subject])
        /// An unknown reading note (the note is a code, not a value).
        case note(String)
        /// `not_in_template`, `template_mismatch`: the template id.
        case template(String)
        /// `weak_form_match`: the template, the page's match score and the score needed.
        case formMatch(template: String, score: Double, minimum: Double)
    }

    /// Which `date:` bound failed.
    enum DateBound: Sendable {
        case future
        case before(JapaneseDate)
        case after(JapaneseDate)
    }

    /// The reason for `code` about `subject`; `override` (a rule's `message:`) replaces the Japanese text.
    static func reason(
        _ code: ReasonCode, field: String?, _ subject: Subject, _ detail: Detail = .none, override: String? = nil
    ) -> Reason {
        let (ja, en) = message(code, subject, detail)
        return Reason(code: code.rawValue, field: field, ja: override ?? ja, en: en)
    }

    /// The Japanese and English text of `code` about `subject` (`f` / `e` below).
    // swiftlint:disable:next cyclomatic_complexity function_body_length
    static func message(_ code: ReasonCode, _ subject: Subject, _ detail: Detail) -> (ja: String, en: String) {
        let f = subject.ja, e = subject.en
        switch code {
        // Reading
        case .lowConfidence:
            guard case .confidence(let value, let threshold) = detail else {
                return ("\(f)の読み取りの確信度が低いため確認が必要です", "\(e): low recognition confidence; please check")
            }
            let (c, t) = (decimal(value), decimal(threshold))
            return ("\(f)の読み取りの確信度が低いため確認が必要です（\(c)、基準 \(t)）",
                    "\(e): low recognition confidence (\(c), threshold \(t)); please check")
        case .readsDisagree:
            return ("\(f)の2回の読み取り結果が一致しません", "\(e): two independent reads disagree")
        case .unreadable:
            return ("\(f)を日付として読み取れませんでした", "\(e): could not be read as a date")
        case .unparsedDate:
            return ("\(f)の日付を読み取り時に解釈できませんでした", "\(e): the reader could not interpret the date")
        case .nonDigitDropped:
            return ("\(f)で数字以外の文字を読み飛ばしました", "\(e): characters other than digits were dropped")
        case .nothingUsable:
            return ("\(f)に記入がありますが値を読み取れませんでした", "\(e): something is written but no value could be read")
        case .combBoxUnclear:
            return ("\(f)のマス目に不明瞭な文字があります", "\(e): a character in a box is unclear")
        case .combGap:
            return ("\(f)のマス目の途中に空欄があります", "\(e): an empty box between filled boxes")
        case .spacedNumber:
            return ("\(f)の数字の間に空白があります（一続きの番地か、番地と部屋番号かを確認してください）",
                    "\(e): a space between two digits (one number, or a 番地 and then a room number?)")
        case .spacedKana:
            return ("\(f)のカタカナの間に空白があります（建物名などに空白が入るか確認してください）",
                    "\(e): a space inside katakana (a building name split by the reader, or written with a space?)")
        case .phoneGrouping:
            return ("\(f)のハイフンの位置が電話番号の書き方に合いません（ハイフンの読み落としや数字との読み違いの可能性があります）",
                    "\(e): the hyphens split the number as no telephone number is written (a hyphen lost or read for a digit?)")
        case .struckThrough:
            return ("\(f)の記入が線で消されています（訂正の可能性があります。正しい値を確認してください）",
                    "\(e): a line is drawn through the writing (struck out as a correction?); check what was meant")
        case .letterOrDigit:
            return ("\(f)に英字か数字か紛らわしい文字があります（l と 1、O と 0 など）",
                    "\(e): a character could be a letter or a digit (l or 1, O or 0…)")
        case .nameUnsplit:
            return ("\(f)の姓と名の間の空白が読み取れません", "\(e): no space between 姓 and 名 was read")
        case .nameCharacters:
            return ("\(f)に氏名に使われない数字や記号が読み取られました", "\(e): digits or symbols that do not belong in a name were read")
        case .nameLookAlike:
            return ("\(f)に、人名用の字を読み違えたときに出やすい字があります（颯 → 問、紘 → 統、紬 → 細、碓 → 確 など）。原本と照合してください",
                    "\(e): a kanji often read in place of a name kanji the models cannot read or misread (颯 → 問, 紘 → 統, 紬 → 細, 碓 → 確 …); compare with the scan")
        case .kanaSplit:
            return ("\(f)の「コユ」は「ユ」の読み違いの可能性があります", "\(e): コユ may be a misread ユ")
        case .unknownWard:
            return ("\(f)の区名がその市（東京都）の区名と一致しません", "\(e): the ward is not one of the city's wards")
        case .offPage:
            return ("\(f)の欄の一部がスキャン画像の外にあります（用紙の一部が読み取られていません。原本を確認してください）",
                    "\(e): the field lies partly outside the scanned image (part of the sheet was not scanned; check the paper)")
        case .addressGoMissing:
            return ("\(f)の「番」の後の数字に「号」がありません（読み落としの可能性があります）",
                    "\(e): a 番 number has no 号 after it (was it lost?)")
        case .strayMark:
            return ("\(f)の最初か最後に記号だけが読み取られました（汚れや枠線の可能性があります）",
                    "\(e): a lone mark at the start or end was read (a speck or a piece of the frame?)")
        case .tickUnclear:
            return ("\(f)のチェックが薄いか不明瞭です", "\(e): a tick is faint or unclear")
        case .noneTicked:
            return ("\(f)にチェックがありません", "\(e): no box is ticked")
        case .jukiDate:
            return ("\(f)は住基の特例の日付です（暦にない日、または改元日の旧元号）。戸籍と照合してください",
                    "\(e): a date valid only in 住基 records (not in the calendar, or the old era on the first "
                        + "day of the new one); check it against the 戸籍")
        case .notInTemplate:
            let id = templateID(detail)
            return ("\(f)はテンプレート \(id) にない項目です", "\(e): not a field of template \(id)")
        case .notRead:
            return ("\(f)が読み取られていません", "\(e): was not read")
        case .templateMismatch:
            let id = templateID(detail)
            return ("このページはテンプレート \(id) 以外で読み取られています",
                    "the page was read with another template than \(id)")
        case .weakFormMatch:
            guard case .formMatch(let id, let score, let minimum) = detail else {
                return ("このページは様式の罫線と一部しか一致しません。別の様式でないか確認してください",
                        "the page matches the form's printed rules only in part; check that it is this form")
            }
            // Rounded down, so a score just under the minimum never shows as the minimum itself.
            let (s, m) = (decimal((score * 100).rounded(.down) / 100), decimal(minimum))
            return ("このページはテンプレート \(id) の様式の罫線と一部しか一致しません（一致度 \(s)、基準 \(m)）。"
                        + "別の様式でないか確認してください",
                    "the page matches the printed rules of template \(id) only in part (match score \(s), "
                        + "\(m) needed); check that it is this form")

        // Values
        case .requiredMissing:
            guard case .condition(let when, let has) = detail else {
                return ("\(f)が記入されていません（必須項目）", "\(e): required but blank")
            }
            if let has {
                return ("\(when.ja)が「\(has)」のため、\(f)の記入が必要です",
                        "\(e): required because \(when.en) is “\(has)”, but blank")
            }
            return ("\(when.ja)が記入されているため、\(f)の記入が必要です",
                    "\(e): required because \(when.en) is filled in, but blank")
        case .checkDigit:
            return ("\(f)のチェックデジットが一致しません", "\(e): the check digit does not match")
        case .format:
            let (kindJa, kindEn) = checkName(detail)
            return ("\(f)が\(kindJa)の形式になっていません", "\(e): not a valid \(kindEn)")
        case .notKatakana:
            return ("\(f)にカタカナ以外の文字が含まれています", "\(e): contains characters other than katakana")
        case .notDigits:
            return ("\(f)に数字以外の文字が含まれています", "\(e): contains characters other than digits")
        case .pattern:
            return ("\(f)が指定された形式に一致しません", "\(e): does not match the required pattern")
        case .length:
            let (ja, en) = bounds(detail, unitJa: "文字")
            return ("\(f)の文字数が範囲外です（\(ja)）", "\(e): the length must be \(en) characters")
        case .range:
            let (ja, en) = bounds(detail, unitJa: "")
            return ("\(f)が範囲外の数値です（\(ja)）", "\(e): must be a number \(en)")
        case .notAllowed:
            return ("\(f)が選択できる値の一覧にありません", "\(e): not one of the allowed values")
        case .impossibleDate:
            return ("\(f)は存在しない日付です（暦にない日、または元号の期間外）",
                    "\(e): not a real date (no such day, or outside its era)")
        case .dateRange:
            switch detail {
            case .dateBound(.before(let date)):
                return ("\(f)が\(date.iso)より前の日付です", "\(e): the date is before \(date.iso)")
            case .dateBound(.after(let date)):
                return ("\(f)が\(date.iso)より後の日付です", "\(e): the date is after \(date.iso)")
            default:
                return ("\(f)が未来の日付です", "\(e): the date is in the future")
            }
        case .age:
            let (ja, en) = bounds(detail, unitJa: "歳")
            return ("\(f)から求めた年齢が範囲外です（\(ja)）", "\(e): the age it gives must be \(en)")
        case .zenginKana:
            switch detail {
            case .zengin(.tooLong):
                return ("\(f)が全銀カナで\(ZenginKana.recipientNameBytes)バイトを超えます（切り詰めません）",
                        "\(e): longer than \(ZenginKana.recipientNameBytes) bytes in 全銀 kana (never truncated)")
            case .zengin(.empty):
                return ("\(f)に全銀カナにできる文字がありません", "\(e): nothing to convert to 全銀 kana")
            default:
                return ("\(f)に全銀カナで使えない文字があります", "\(e): contains characters not allowed in 全銀 kana")
            }
        case .severalTicked:
            return ("\(f)は1つだけ選ぶ項目ですが、複数にチェックがあります", "\(e): only one box may be ticked, but several are")
        case .tooFewTicked:
            let n = count(detail)
            return ("\(f)のチェックが\(n.ja)より少ないです", "\(e): fewer boxes are ticked than \(n.en)")
        case .tooManyTicked:
            let n = count(detail)
            return ("\(f)のチェックが\(n.ja)より多いです", "\(e): more boxes are ticked than \(n.en)")

        // Cross-field
        case .dateOrder:
            let other = others(detail).first ?? .value
            return ("\(f)が\(other.ja)より後の日付になっています", "\(e) is later than \(other.en)")
        case .atLeastOne:
            let all = [subject] + others(detail)
            return (all.map(\.ja).joined(separator: "、") + "のいずれかを記入してください",
                    "at least one of " + all.map(\.en).joined(separator: ", ") + " must be filled in")
        case .notEqual:
            let all = [subject] + others(detail)
            return (all.map(\.ja).joined(separator: "と") + "が一致しません",
                    all.map(\.en).joined(separator: " and ") + " differ")
        default:
            let note = noteText(detail, code)
            return ("\(f)の読み取りで注記「\(note)」がありました（要確認）", "\(e): the reader noted “\(note)”; please check")
        }
    }

    // MARK: - Details

    private static func decimal(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = String(abs(hundredths) % 100)
        return (hundredths < 0 ? "-" : "") + "\(abs(hundredths) / 100)." + (fraction.count == 1 ? "0" : "") + fraction
    }

    /// `1〜30文字` / `1 to 30`, `7文字` / `exactly 7`, `1文字以上` / `at least 1`, `30文字以下` / `at most 30`.
    private static func bounds(_ detail: Detail, unitJa: String) -> (ja: String, en: String) {
        guard case .bounds(let minimum, let maximum) = detail else { return ("", "within bounds") }
        switch (minimum.map(number), maximum.map(number)) {
        case let (low?, high?) where low == high: return ("\(low)\(unitJa)", "exactly \(low)")
        case let (low?, high?): return ("\(low)〜\(high)\(unitJa)", "from \(low) to \(high)")
        case let (low?, nil): return ("\(low)\(unitJa)以上", "at least \(low)")
        case let (nil, high?): return ("\(high)\(unitJa)以下", "at most \(high)")
        case (nil, nil): return ("", "within bounds")
        }
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    private static func checkName(_ detail: Detail) -> (ja: String, en: String) {
        guard case .check(let check) = detail else { return ("正しい", "value") }
        switch check {
        case .myNumber: return ("個人番号（12桁）", "My Number (12 digits)")
        case .corporateNumber: return ("法人番号（13桁）", "corporate number (13 digits)")
        case .postalCode: return ("郵便番号（7桁）", "postal code (7 digits)")
        case .phone: return ("電話番号", "phone number")
        case .email: return ("メールアドレス", "e-mail address")
        case .localGovernmentCode: return ("地方公共団体コード（6桁）", "local government code (6 digits)")
        case .katakana: return ("カタカナ", "katakana text")
        case .digits: return ("数字", "digit string")
        }
    }

    private static func count(_ detail: Detail) -> (ja: String, en: String) {
        if case .count(let n?) = detail { return ("\(n)個", "\(n)") }
        return ("指定の数", "allowed")
    }

    private static func others(_ detail: Detail) -> [Subject] {
        if case .others(let subjects) = detail { return subjects }
        return []
    }

    private static func templateID(_ detail: Detail) -> String {
        if case .template(let id) = detail { return id }
        return ""
    }

    private static func noteText(_ detail: Detail, _ code: ReasonCode) -> String {
        if case .note(let note) = detail { return note }
        return code.rawValue
    }
}
