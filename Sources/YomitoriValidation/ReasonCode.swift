/// The machine-readable code of a ``Reason`` (`Reason.code`): stable, for tools, filters and tests.
///
/// A struct rather than an enum so codes can be added without breaking `switch`es elsewhere.
/// Reading notes the validator does not know keep their own text as the code (``init(rawValue:)``).
/// The messages for each code are in ``ReasonCatalogue``.
public struct ReasonCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    // MARK: - Reading (review: a person looks at the scan)

    /// Confidence below the field's threshold.
    public static let lowConfidence = ReasonCode(rawValue: "low_confidence")
    /// A second, independent read gives a different value.
    public static let readsDisagree = ReasonCode(rawValue: "reads_disagree")
    /// A date field whose text is not a date at all.
    public static let unreadable = ReasonCode(rawValue: "unreadable")
    /// The reader could not parse a date the validator could (or a date note on another type).
    public static let unparsedDate = ReasonCode(rawValue: "unparsed_date")
    /// Reader note: characters other than digits were dropped.
    public static let nonDigitDropped = ReasonCode(rawValue: "non_digit_dropped")
    /// Reader note: ink, but nothing usable.
    public static let nothingUsable = ReasonCode(rawValue: "nothing_usable")
    /// Reader note: a comb box did not read as exactly one character.
    public static let combBoxUnclear = ReasonCode(rawValue: "comb_box_unclear")
    /// Reader note: an empty comb box between filled ones.
    public static let combGap = ReasonCode(rawValue: "comb_gap")
    /// Reader note: in an address, white space between two digits (`16番2 2号`): one number
    /// split by the engine, or a 番地 followed by a room number.
    public static let spacedNumber = ReasonCode(rawValue: "spaced_number")
    /// Reader note: in an address, white space inside a run of katakana (`グリーンハイ ツ`): a
    /// building name split by the engine, or one written with a space.
    public static let spacedKana = ReasonCode(rawValue: "spaced_kana")
    /// Reader note: a phone number whose hyphens split it as no number of its kind is written
    /// (`070-83183793`, `042616-0527`): a hyphen lost under a pen stroke or a speck, or one read
    /// where a digit is.
    public static let phoneGrouping = ReasonCode(rawValue: "phone_grouping")
    /// Reader note: a straight line is drawn through the writing (二重線 striking a value out, or
    /// a pen stroke): what was meant is for a person to decide.
    public static let struckThrough = ReasonCode(rawValue: "struck_through")
    /// Reader note: a character read as a letter could be a digit, or the reverse (`l`/`1`,
    /// `O`/`0`): the engine's runner-up for it was of the other kind.
    public static let letterOrDigit = ReasonCode(rawValue: "letter_or_digit")
    /// Reader note: a `kind: name` field read as one word (the space between 姓 and 名 lost).
    public static let nameUnsplit = ReasonCode(rawValue: "name_unsplit")
    /// Reader note: a `kind: name` field with digits or symbols (misread strokes: `=浦` for 三浦).
    public static let nameCharacters = ReasonCode(rawValue: "name_characters")
    /// Reader note: a `kind: name` field holds a kanji the models read in place of a popular
    /// name kanji it resembles (細 for 紬, 壮 for 葵, 閉 for 翔, 朗 for 郎).
    public static let nameLookAlike = ReasonCode(rawValue: "name_look_alike")
    /// Reader note: text or katakana holding what the engine reads one kana as (ユ as コユ).
    public static let kanaSplit = ReasonCode(rawValue: "kana_split")
    /// Reader note: an address names a ward its 政令指定都市 (or 東京都) does not have, and no
    /// ward of the city is one character away.
    public static let unknownWard = ReasonCode(rawValue: "unknown_ward")
    /// Reader note: an address has a 番 number with no 号 after it (`15番3`): the 号 may be lost.
    public static let addressGoMissing = ReasonCode(rawValue: "address_go_missing")
    /// Reader note: the field's zone is not wholly on the scan (the sheet fed short, or a smaller
    /// paper size scanned): what is missing would read as blank.
    public static let offPage = ReasonCode(rawValue: "off_page")
    /// Reader note: the read begins or ends with a word of marks only (`202 .`, a phone number
    /// ending in `-`): a speck or a piece of the frame read as a character.
    public static let strayMark = ReasonCode(rawValue: "stray_mark")
    /// Reader note: a box is neither clearly ticked nor clearly empty.
    public static let tickUnclear = ReasonCode(rawValue: "tick_unclear")
    /// Reader note: no option of a (not required) choice is ticked.
    public static let noneTicked = ReasonCode(rawValue: "none_ticked")
    /// A 住基-only date (暦上日以外, 明治45年7月30日, 大正15年12月25日), accepted by `mode: juki`.
    public static let jukiDate = ReasonCode(rawValue: "juki_date")
    /// A field read from the page that the template does not have.
    public static let notInTemplate = ReasonCode(rawValue: "not_in_template")
    /// A field of the template that is missing from the page read (page-level).
    public static let notRead = ReasonCode(rawValue: "not_read")
    /// The page was read with another template than the validator's (page-level).
    public static let templateMismatch = ReasonCode(rawValue: "template_mismatch")
    /// The page matches its template's printed rules only in part (match score below
    /// ``DecisionPolicy/minimumMatchScore``): it may be another form (page-level, and on every field).
    public static let weakFormMatch = ReasonCode(rawValue: "weak_form_match")

    // MARK: - Values (invalid for hard rules, review for soft ones)

    /// A required field is blank (also `required_if`).
    public static let requiredMissing = ReasonCode(rawValue: "required_missing")
    /// A 個人番号 / 法人番号 / 地方公共団体コード check digit does not match.
    public static let checkDigit = ReasonCode(rawValue: "check_digit")
    /// Not a valid phone number, e-mail address, 郵便番号, or a number of the wrong length.
    public static let format = ReasonCode(rawValue: "format")
    /// Characters other than katakana.
    public static let notKatakana = ReasonCode(rawValue: "not_katakana")
    /// Characters other than digits.
    public static let notDigits = ReasonCode(rawValue: "not_digits")
    /// `regex:` does not match the whole value.
    public static let pattern = ReasonCode(rawValue: "pattern")
    /// `length:` outside its bounds.
    public static let length = ReasonCode(rawValue: "length")
    /// `range:` outside its bounds, or not a number.
    public static let range = ReasonCode(rawValue: "range")
    /// Not one of `one_of:` or of the field's `vocabulary:`.
    public static let notAllowed = ReasonCode(rawValue: "not_allowed")
    /// A date that does not exist (令和5年2月30日) or is outside its era (昭和64年1月8日).
    public static let impossibleDate = ReasonCode(rawValue: "impossible_date")
    /// `date:` bounds: in the future, before `not_before`, after `not_after`.
    public static let dateRange = ReasonCode(rawValue: "date_range")
    /// `date:` ages: the age on `age_on` is outside `min_age`…`max_age`.
    public static let age = ReasonCode(rawValue: "age")
    /// `zengin_kana` normalisation failed (a character not allowed, or over 30 bytes).
    public static let zenginKana = ReasonCode(rawValue: "zengin_kana")
    /// Reader note: several options of a choice are ticked.
    public static let severalTicked = ReasonCode(rawValue: "several_ticked")
    /// Reader note: fewer boxes ticked than `min_checked`.
    public static let tooFewTicked = ReasonCode(rawValue: "too_few_ticked")
    /// Reader note: more boxes ticked than `max_checked`.
    public static let tooManyTicked = ReasonCode(rawValue: "too_many_ticked")

    // MARK: - Cross-field (page rules)

    /// `date_order:` a date is after the next one.
    public static let dateOrder = ReasonCode(rawValue: "date_order")
    /// `at_least_one:` all of the fields are blank.
    public static let atLeastOne = ReasonCode(rawValue: "at_least_one")
    /// `equal:` the fields differ.
    public static let notEqual = ReasonCode(rawValue: "not_equal")

    /// Every code the catalogue has a message for (unknown reading notes come on top).
    public static let all: [ReasonCode] = [
        lowConfidence, readsDisagree, unreadable, unparsedDate, nonDigitDropped, nothingUsable, combBoxUnclear,
        combGap, spacedNumber, spacedKana, phoneGrouping, struckThrough, letterOrDigit, nameUnsplit, nameCharacters, nameLookAlike, kanaSplit, strayMark, unknownWard, addressGoMissing, offPage, tickUnclear, noneTicked, jukiDate, notInTemplate, notRead, templateMismatch, weakFormMatch,
        requiredMissing, checkDigit, format, notKatakana, notDigits, pattern, length, range, notAllowed,
        impossibleDate, dateRange, age, zenginKana, severalTicked, tooFewTicked, tooManyTicked,
        dateOrder, atLeastOne, notEqual,
    ]
}
