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
                    for second in profile.secondReads where !optional.contains(second.language) {
                        optional.append(second.language)
                    }
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
        let (prepared, pageIndex, registration) = best
        let page = prepared.template.pages[pageIndex]
        let cutter = ZoneCutter(page: turned.image, transform: registration.transform)
        var fields: [FieldRead] = []
        do {
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
            turnedDegrees: turned.degrees == 0 ? nil : turned.degrees
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
    /// The page shows none of the given forms (scores per template id).
    case unknownForm(PageID, scores: [String: Double])
    /// The page could not be decoded, registered or read.
    case failed(PageID, OCRError)
}

extension JapaneseDate {
    /// Today in Japan.
    public static var today: JapaneseDate { JapaneseDate(Date()) }
}
