/// A form template: what a blank form looks like and where its fields are.
///
/// Coordinates are millimetres from the top-left corner of the printed page, x to the right,
/// y down — the units a template author measures on paper or reads off a 300 dpi scan.
public struct Template: Sendable, Equatable {
    /// Short identifier, e.g. `a_juminhyo`.
    public var id: String
    /// Printed title, e.g. 住民票の写し等交付請求書.
    public var title: String
    public var pages: [TemplatePage]
    /// Tesseract languages the template needs (union over its fields), e.g. `["jpn", "eng"]`.
    public var languages: [String] {
        var seen: [String] = []
        for page in pages {
            for field in page.fields where field.type.usesOCR {
                for lang in field.language.split(separator: "+").map(String.init) where !seen.contains(lang) {
                    seen.append(lang)
                }
            }
        }
        return seen
    }
    /// The file the template was loaded from (for messages and for resolving relative paths).
    public var sourcePath: String?

    public init(id: String, title: String, pages: [TemplatePage], sourcePath: String? = nil) {
        self.id = id
        self.title = title
        self.pages = pages
        self.sourcePath = sourcePath
    }
}

/// One printed page of a form.
public struct TemplatePage: Sendable, Equatable {
    /// Page size in millimetres (A4 is 210 × 297).
    public var size: SizeMM
    public var registration: RegistrationSpec
    /// Text printed on the page that identifies the form (e.g. 転入届 or 様式第5号), with where it is.
    public var formMarker: FormMarker?
    public var fields: [FieldSpec]
    /// Rules about several fields of this page (`date_order`, `required_if`, `at_least_one`, `equal`).
    public var rules: [CrossFieldRule]

    public init(
        size: SizeMM, registration: RegistrationSpec, formMarker: FormMarker? = nil, fields: [FieldSpec],
        rules: [CrossFieldRule] = []
    ) {
        self.size = size
        self.registration = registration
        self.formMarker = formMarker
        self.fields = fields
        self.rules = rules
    }
}

/// How a scan is mapped onto the template before zones are cut.
public struct RegistrationSpec: Sendable, Equatable {
    /// Solid black registration marks printed at known places (usually the four corners).
    public var marks: [RectMM]
    /// A blank scan of the form (path relative to the template file) used to register by content
    /// when there are no marks: its printed ruling is matched against the scan.
    public var referenceImage: String?

    public init(marks: [RectMM] = [], referenceImage: String? = nil) {
        self.marks = marks
        self.referenceImage = referenceImage
    }
}

/// Printed text that tells one form from another (used when several templates are given).
public struct FormMarker: Sendable, Equatable {
    public var text: String
    public var zone: RectMM
    public init(text: String, zone: RectMM) {
        self.text = text
        self.zone = zone
    }
}

/// A field on the form.
public struct FieldSpec: Sendable, Equatable {
    public var name: String
    /// The printed label, e.g. 氏名 (shown to reviewers).
    public var label: String
    public var type: FieldType
    /// The writing area, inside the printed frame.
    public var zone: RectMM
    /// Tesseract language(s), e.g. `jpn`, `eng`, `jpn+eng`.
    public var language: String
    /// Characters Tesseract may output; nil means the field type's default.
    public var whitelist: String?
    /// Tesseract page-segmentation mode; nil means the field type's default.
    public var psm: Int?
    /// Extra margin (mm) around the zone; negative shrinks it.
    public var padding: Double
    /// `comb` fields: one printed box per character, left to right. The loader always fills it
    /// (a template's `count: n` becomes n equal boxes across the zone).
    public var boxes: [RectMM]
    /// `checkbox` and `choice` fields: the printed boxes and what each means.
    ///
    /// A `checkbox` with exactly one option is a single box read as true/false (``isSingleCheckbox``);
    /// the loader gives that option the value `"true"`. Otherwise a checkbox or choice has 2 or more.
    public var options: [CheckboxOption]
    /// `checkbox` with options: how many must / may be ticked.
    public var minChecked: Int?
    public var maxChecked: Int?
    /// A closed vocabulary: the value must be (or is snapped to) one of these words.
    public var vocabulary: [String]
    /// What a `text` field holds, when the reader can use the form's own vocabulary for it
    /// (`address`: prefecture names, 丁目/番/号). Nil for free text.
    public var kind: TextKind?
    /// Sensitive fields (個人番号) are masked everywhere except import files.
    public var sensitive: Bool
    /// Value must be present.
    public var required: Bool
    /// Double entry (二重入力) in the review station: the reviewer types the value without seeing
    /// the OCR guess, and it is kept only when two entries agree.
    public var doubleEntry: Bool = false
    /// Line of the field's entry in the template file, for messages that point back at it;
    /// nil for fields built in code.
    public var sourceLine: Int?
    /// Steps applied in order to the value read; the result is what goes into import files.
    public var normalize: [Normalizer]
    /// Checks on the (normalised) value, beyond those the field type implies.
    public var rules: [FieldRule]
    /// Confidence below which the field goes to review; nil means the policy's default for the type.
    public var threshold: Double?

    /// A `checkbox` with a single box (`box:` in the template): its value is true or false,
    /// not a list of ticked option values.
    public var isSingleCheckbox: Bool { type == .checkbox && options.count == 1 }

    public init(
        name: String, label: String = "", type: FieldType, zone: RectMM, language: String = "jpn",
        whitelist: String? = nil, psm: Int? = nil, padding: Double = 0, boxes: [RectMM] = [],
        options: [CheckboxOption] = [], minChecked: Int? = nil, maxChecked: Int? = nil,
        vocabulary: [String] = [], sensitive: Bool = false, required: Bool = false, sourceLine: Int? = nil,
        normalize: [Normalizer] = [], rules: [FieldRule] = [], threshold: Double? = nil
    ) {
        self.name = name
        self.label = label
        self.type = type
        self.zone = zone
        self.language = language
        self.whitelist = whitelist
        self.psm = psm
        self.padding = padding
        self.boxes = boxes
        self.options = options
        self.minChecked = minChecked
        self.maxChecked = maxChecked
        self.vocabulary = vocabulary
        self.kind = nil
        self.sensitive = sensitive
        self.required = required
        self.sourceLine = sourceLine
        self.normalize = normalize
        self.rules = rules
        self.threshold = threshold
    }
}

/// What kind of value a field holds; decides how its zone is read.
public enum FieldType: String, Sendable, Equatable, CaseIterable {
    /// Free Japanese text (names, addresses).
    case text
    /// Full-width katakana (フリガナ, 口座名義).
    case katakana
    /// A digit string of free length (no boxes).
    case digits
    /// A number, possibly with separators (1,000).
    case number
    /// A date printed as 和暦 (令和5年4月1日) or 西暦 (2023年4月1日, 2023/4/1); value is ISO yyyy-mm-dd.
    case date
    /// A Japanese phone number (03-1234-5678).
    case phone
    /// An e-mail address (ASCII).
    case email
    /// One or more printed boxes ticked by hand; decided from pixels, no OCR.
    case checkbox
    /// A group of boxes meaning one value (exactly one ticked).
    case choice
    /// マス目: one printed box per character, each read on its own.
    case comb

    /// Whether the field is read by Tesseract (checkboxes are decided from pixels).
    public var usesOCR: Bool { self != .checkbox && self != .choice }
}

/// One tickable box of a `checkbox` or `choice` field.
public struct CheckboxOption: Sendable, Equatable {
    public var value: String
    public var box: RectMM
    public init(value: String, box: RectMM) {
        self.value = value
        self.box = box
    }
}

/// A rectangle in millimetres.
public struct RectMM: Sendable, Equatable, Hashable, Codable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}

/// A size in millimetres.
public struct SizeMM: Sendable, Equatable, Hashable, Codable {
    public var width: Double
    public var height: Double
    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }
    public static let a4 = SizeMM(width: 210, height: 297)
}

/// Kinds of free text whose closed vocabulary helps the reader.
public enum TextKind: String, Sendable, Equatable, CaseIterable {
    /// A Japanese address: starts with a prefecture, uses 丁目, 番, 番地, 号.
    case address
    /// A financial institution's name (みずほ銀行, 城南信用金庫 …): snapped to a known name one
    /// character away.
    case bank
    /// A branch name ending in 支店, 出張所, 営業部 (文店 is read back as 支店).
    case branch
    /// A person's name, 姓 and 名 apart (`山田 太郎`, `ヤマダ タロウ`): a read without the space,
    /// or with digits or symbols, goes to review. The only kind a `katakana` field may have.
    case name
}
