public import YomitoriVision

/// Identifies one page of one input file: the unit yomitori reads, validates and exports.
public struct PageID: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    /// 0-based page index inside the file.
    public var page: Int
    public init(file: String, page: Int) {
        self.file = file
        self.page = page
    }
    public var description: String { "\(file)#\(page + 1)" }
}

/// Everything read from one page.
///
/// A page whose fields could not be read well is still a `PageRead` (with low confidences);
/// only a page that could not be decoded or registered is a ``PageFailure``.
public struct PageRead: Sendable, Codable, Equatable {
    public var file: String
    public var page: Int
    public var template: String
    public var registration: RegistrationSummary
    public var fields: [FieldRead]
    /// The page's decision: `accepted` only when every field is; nil until validated.
    public var status: Status?
    /// Page-level reasons (cross-field rules), in addition to each field's own.
    public var reasons: [Reason]

    public init(
        file: String, page: Int, template: String, registration: RegistrationSummary, fields: [FieldRead],
        status: Status? = nil, reasons: [Reason] = []
    ) {
        self.file = file
        self.page = page
        self.template = template
        self.registration = registration
        self.fields = fields
        self.status = status
        self.reasons = reasons
    }

    public subscript(field name: String) -> FieldRead? { fields.first { $0.name == name } }
}

/// How the page was mapped onto the template.
public struct RegistrationSummary: Sendable, Codable, Equatable {
    /// `marks` or `content`.
    public var method: String
    /// RMS distance (mm) between where the template's reference features should be and where they were found.
    public var residualMM: Double
    public var rotationDegrees: Double
    /// Scan pixels per millimetre (11.81 at 300 dpi).
    public var pixelsPerMM: Double
    /// How well the page's printed content matches the template's blank form, 0–1.
    public var matchScore: Double
    /// Template millimetres → scan pixels, of the scan turned by ``turnedDegrees``.
    public var transform: AffineTransform
    /// How far the scan was turned clockwise (90, 180 or 270) to register it: the sheet was
    /// scanned upside down or sideways. Zones, the transform and crops refer to the turned
    /// scan (``GrayImage/turned(clockwise:)``). Nil when the page was read as scanned.
    public var turnedDegrees: Int?
    /// Where regions of the page lay off ``transform`` when zones were cut shifted region by
    /// region (a sheet that slipped in the feeder or curled); nil when the page lies as the
    /// transform puts it. ``matchScore`` is then the score with the shifts.
    public var localShifts: LocalShifts?

    public init(
        method: String, residualMM: Double, rotationDegrees: Double, pixelsPerMM: Double, matchScore: Double,
        transform: AffineTransform, turnedDegrees: Int? = nil, localShifts: LocalShifts? = nil
    ) {
        self.method = method
        self.residualMM = residualMM
        self.rotationDegrees = rotationDegrees
        self.pixelsPerMM = pixelsPerMM
        self.matchScore = matchScore
        self.transform = transform
        self.turnedDegrees = turnedDegrees
        self.localShifts = localShifts
    }

    enum CodingKeys: String, CodingKey {
        case method
        case residualMM = "residual_mm"
        case rotationDegrees = "rotation_deg"
        case pixelsPerMM = "px_per_mm"
        case matchScore = "match_score"
        case transform
        case turnedDegrees = "turned_deg"
        case localShifts = "local_shifts"
    }
}

/// One field's reading: the value, what the engine actually returned, and how sure it was.
public struct FieldRead: Sendable, Codable, Equatable {
    public var name: String
    public var type: String
    /// The value in canonical form (ISO date, digits without separators, ticked option…);
    /// nil when nothing could be made of the zone.
    public var value: FieldValue?
    /// Text as recognised (after whitespace clean-up), before interpretation.
    public var raw: String
    /// 0–1: the engine's confidence combined with how well the text fits the field type.
    public var confidence: Double
    /// The zone actually cut from the scan, in scan pixels (axis-aligned bounds).
    public var zone: PixelRect
    /// Why the reading is doubtful, as machine-readable codes (e.g. `low_confidence`, `unparsed_date`).
    public var notes: [String]
    /// Masked in everything shown to people (logs, previews, messages).
    public var sensitive: Bool
    /// The value of a second, independent read of the zone (another preprocessing or model),
    /// when one was made; a disagreement with `value` sends the field to review.
    public var secondRead: FieldValue?
    /// `value` after the field's normalisers (what goes into import files); nil until validated.
    public var normalized: FieldValue?
    /// accepted / review / invalid; nil until validated.
    public var status: Status?
    /// Why the field is not accepted (empty when accepted).
    public var reasons: [Reason]
    /// True when a person checked or corrected the field (the review station); such a field counts
    /// as keyed, not automated, in the run's effect figures. Nil (left out of JSON) otherwise.
    public var reviewed: Bool?

    public init(
        name: String, type: String, value: FieldValue?, raw: String, confidence: Double,
        zone: PixelRect, notes: [String] = [], sensitive: Bool = false, secondRead: FieldValue? = nil,
        normalized: FieldValue? = nil, status: Status? = nil, reasons: [Reason] = [], reviewed: Bool? = nil
    ) {
        self.name = name
        self.type = type
        self.value = value
        self.raw = raw
        self.confidence = confidence
        self.zone = zone
        self.notes = notes
        self.sensitive = sensitive
        self.secondRead = secondRead
        self.normalized = normalized
        self.status = status
        self.reasons = reasons
        self.reviewed = reviewed
    }

    enum CodingKeys: String, CodingKey {
        case name, type, value, raw, confidence, zone, notes, sensitive
        case secondRead = "second_read"
        case normalized, status, reasons, reviewed
    }
}

/// A field value: text, a tick, or a list of ticked options.
public enum FieldValue: Sendable, Equatable, Codable {
    case text(String)
    case bool(Bool)
    case list([String])

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let l = try? c.decode([String].self) { self = .list(l) }
        else { self = .text(try c.decode(String.self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .text(let s): try c.encode(s)
        case .bool(let b): try c.encode(b)
        case .list(let l): try c.encode(l)
        }
    }

    /// The value as one string (lists joined with `;`).
    public var string: String {
        switch self {
        case .text(let s): s
        case .bool(let b): b ? "true" : "false"
        case .list(let l): l.joined(separator: ";")
        }
    }

    public var isEmpty: Bool {
        switch self {
        case .text(let s): s.isEmpty
        case .bool: false
        case .list(let l): l.isEmpty
        }
    }
}
