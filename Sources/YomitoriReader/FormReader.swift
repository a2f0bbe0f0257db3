public import YomitoriResults
import Foundation
public import Logging
import YomitoriValidation
public import YomitoriText
public import YomitoriOCR
public import YomitoriTemplate
public import YomitoriVision

/// Reads pages of known forms: registers each page, picks its template, reads every field.
///
/// One `FormReader` per worker: it owns that worker's Tesseract engines (created once, reused
/// for every zone of every page). A page that cannot be registered or matches no template is an
/// outcome, not a thrown error: the other pages go on.
public final class FormReader {
    public let templates: [PreparedTemplate]
    public let engines: EngineSet
    /// Lowest match score for a page to be taken as a template's form.
    public var minimumMatchScore: Double {
        get { chooser.minimumMatchScore }
        set { chooser.minimumMatchScore = newValue }
    }
    /// Picks each page's template and registers the page to it (marks first, then content).
    public private(set) var chooser: TemplateChooser
    private let logger: Logger

    public init(templates: [PreparedTemplate], engines: EngineSet = EngineSet(), logger: Logger = Logger(label: "yomitori.reader")) {
        self.templates = templates
        self.chooser = TemplateChooser(templates: templates)
        self.engines = engines
        self.logger = logger
    }

    /// Creates every engine the templates' fields need — first reads and the second-read models —
    /// so a missing language fails before the first page and no page pays for loading a model.
    /// A second-read model that is not installed is skipped (its fields are read another way).
    /// `threads`: see ``EngineSet/preload(_:optional:threads:)``.
    public func preload(threads: Int = 1) throws {
        let needed = Self.languages(for: templates.map(\.template))
        try engines.preload(needed.required, optional: needed.optional, threads: threads)
    }

    /// The language sets `templates`' fields are read with: `required` for first reads, `optional`
    /// for second-read models (used when installed). Known from the template files alone, so
    /// engines can be created while reference images are still being prepared.
    public static func languages(for templates: [Template]) -> (required: [String], optional: [String]) {
        var langs: [String] = [], optional: [String] = []
        for t in templates {
            for page in t.pages {
                for f in page.fields where f.type.usesOCR {
                    let profile = RecognitionProfile(for: f)
                    if !langs.contains(profile.language) { langs.append(profile.language) }
                    // A comb field's arbiter only when installed; the next one on the list is
                    // created on first use if it is not.
                    let others = (profile.secondReads + profile.confirmingReads).map(\.language) + profile.combArbiters.prefix(1)
                    for other in others where !optional.contains(other) {
                        optional.append(other)
                    }
                }
                if page.formMarker != nil {
                    let marker = FormMarkerReader.languages
                    if !langs.contains(marker.first) { langs.append(marker.first) }
                    if !optional.contains(marker.second) { optional.append(marker.second) }
                }
            }
        }
        return (langs, optional)
    }

    /// Reads one page image and decides accepted / review / invalid for it (`today` is the
    /// day of the run in Japan, so the same page always gets the same decision). With `sharing`,
    /// members that have run out of pages may read some of its fields.
    public func read(_ image: GrayImage, id: PageID, today: JapaneseDate = .today, sharing: FieldSharing? = nil) -> PageOutcome {
        let turned = chooser.chooseTurning(image)
        let choice = turned.choice
        guard let best = choice.best else {
            let reason = templates.count == 1
                ? "page cannot be registered to the template (\(choice.problems.joined(separator: "; ")))"
                : "page cannot be registered to any template (\(choice.problems.joined(separator: "; ")))"
            return .failed(id, OCRError(code: .registrationFailed, file: id.file, message: reason))
        }
        if templates.count > 1 || choice.attempts.filter({ $0.score != nil }).count > 1, best.registration.matchScore < minimumMatchScore {
            return .unknownForm(id, scores: choice.scores)
        }
        var fields: [FieldRead] = []
        let prepared: PreparedTemplate, pageIndex: Int, registration: RegistrationResult, cutter: ZoneCutter
        do {
            let contenders = choice.registered.filter { $0.registration.matchScore >= minimumMatchScore }
            switch try Self.firstShowingItsMarker(contenders.isEmpty ? [best] : contenders, on: turned.image, engines: engines) {
            case .found(let taken, let takenCutter):
                (prepared, pageIndex, registration) = taken
                cutter = takenCutter
            case .notFound(let templateIDs):
                return .unknownForm(id, scores: choice.scores, markersNotFound: templateIDs)
            }
            let page = prepared.template.pages[pageIndex]
            if let sharing {
                let specs = page.fields
                let order = prepared.sharingOrders[pageIndex]
                let reads = sharing.share(specs.count, order: order, engines: engines) { index, engines in
                    Result { try FieldReader(engines: engines).read(specs[index], cutter: cutter) }
                }
                fields = try reads.map { try $0.get() }  // the first field that failed, as when read in turn
            } else {
                let reader = FieldReader(engines: engines)
                for field in page.fields {
                    fields.append(try reader.read(field, cutter: cutter))
                }
            }
        } catch {
            return .failed(id, error as? OCRError ?? OCRError(code: .engineFailed, file: id.file, message: "\(error)"))
        }
        let summary = RegistrationSummary(
            method: registration.method.rawValue,
            residualMM: registration.residualMM,
            rotationDegrees: registration.rotationDegrees,
            pixelsPerMM: registration.scale,
            matchScore: registration.matchScore,
            transform: registration.transform,
            turnedDegrees: turned.degrees == 0 ? nil : turned.degrees,
            localShifts: registration.localShifts
        )
        for field in fields {
            // Names, statuses and confidences only: values are personal data.
            logger.trace("field read", metadata: [
                "page.file": "\(id.file)", "page.index": "\(id.page)", "field.name": "\(field.name)",
                "field.confidence": "\(String(format: "%.2f", field.confidence))", "field.notes": "\(field.notes.joined(separator: ","))",
            ])
        }
        logger.debug("page read", metadata: [
            "page.file": "\(id.file)", "page.index": "\(id.page)", "template": "\(prepared.id)", "page.turned": "\(turned.degrees)",
        ])
        let read = PageRead(file: id.file, page: id.page, template: prepared.id, registration: summary, fields: fields)
        return .read(prepared.validator.decide(read, today: today))
    }

    private enum MarkerOutcome {
        case found(TemplateChooser.Choice.Registered, ZoneCutter)
        /// Every contender has a form marker and none was found (their template ids).
        case notFound([String])
    }

    /// The first of `contenders` (best match first) whose form marker is printed on the page, or
    /// that has none. Forms that share their ruling register equally well; the printed title
    /// tells them apart, and a page of a form with the same ruling as a template's but another
    /// title (転出届 on a 転入届 template) matches no template instead of being read as that form.
    /// A page of a template with a marker costs one recognition more (two when the first model's
    /// read misses it).
    private static func firstShowingItsMarker(
        _ contenders: [TemplateChooser.Choice.Registered], on image: GrayImage, engines: EngineSet
    ) throws -> MarkerOutcome {
        var notFound: [String] = []
        let markers = FormMarkerReader(engines: engines)
        for contender in contenders {
            let cutter = ZoneCutter(page: image, transform: contender.registration.transform, shifts: contender.registration.localShifts)
            guard let marker = contender.template.template.pages[contender.pageIndex].formMarker,
                  try !markers.found(marker, cutter: cutter) else {
                return .found(contender, cutter)
            }
            if !notFound.contains(contender.template.id) { notFound.append(contender.template.id) }
        }
        return .notFound(notFound)
    }

    /// Leaves `sharing` (this worker has no more pages) and reads fields of the other members'
    /// pages with this reader's engines until every member has left; with a `gate`, each field
    /// only once the gate lets it in.
    public func help(_ sharing: FieldSharing, gate: (any HelpGate)? = nil) {
        sharing.leave(helpingWith: engines, gate: gate)
    }
}

/// What became of one page.
public enum PageOutcome: Sendable {
    case read(PageRead)
    /// The page shows none of the given forms (scores per template id; `markersNotFound`: the
    /// templates whose ruling matched but whose printed form marker is not on the page).
    case unknownForm(PageID, scores: [String: Double], markersNotFound: [String] = [])
    /// The page could not be decoded, registered or read.
    case failed(PageID, OCRError)
}

/// Why a page matched no template, for error text and run reports: template ids and scores,
/// never page content.
public enum UnknownFormText {
    /// "matches none of the templates, as scanned, upside down or sideways (scores as scanned:
    /// c_tennyu=0.31, …)"; when a template's ruling matched but its form marker was not found,
    /// that is said first.
    public static func english(scores: [String: Double], markersNotFound: [String]) -> String {
        let ranked = ranked(scores)
        guard !markersNotFound.isEmpty else {
            return "matches none of the templates, as scanned, upside down or sideways (scores as scanned: \(ranked))"
        }
        let which = markersNotFound.joined(separator: ", ")
        let its = markersNotFound.count == 1 ? "its" : "their"
        return "matches the ruling of \(which) but not \(its) printed form marker (form_marker), so it is another form (scores: \(ranked))"
    }

    /// `c_tennyu=1.00, a_juminhyo=0.31`: best first, then by id.
    static func ranked(_ scores: [String: Double]) -> String {
        scores.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            .map { "\($0.key)=\(String(format: "%.2f", $0.value))" }.joined(separator: ", ")
    }

    /// The same in Japanese, for the quarantine note a clerk reads.
    public static func japanese(scores: [String: Double], markersNotFound: [String]) -> String {
        let ranked = ranked(scores)
        guard !markersNotFound.isEmpty else {
            return "どのテンプレートの様式とも一致しません（向きを変えても同じ。一致度: \(ranked)）"
        }
        return "\(markersNotFound.joined(separator: ", ")) と罫線は一致しますが、様式名（form_marker）が印刷されていないため、別の様式です（一致度: \(ranked)）"
    }
}

extension JapaneseDate {
    /// Today in Japan.
    public static var today: JapaneseDate { JapaneseDate(Date()) }
}
