public import YomitoriResults
import Foundation
public import Logging
import YomitoriValidation
public import YomitoriText
public import YomitoriOCR
import YomitoriTemplate
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
    public var minimumMatchScore: Double = 0.5
    private let logger: Logger

    public init(templates: [PreparedTemplate], engines: EngineSet = EngineSet(), logger: Logger = Logger(label: "yomitori.reader")) {
        self.templates = templates
        self.engines = engines
        self.logger = logger
    }

    /// Loads every language the templates need, so a missing language fails before the first page.
    public func preload() throws {
        var langs: [String] = []
        for t in templates {
            for page in t.template.pages {
                for f in page.fields where f.type.usesOCR {
                    let lang = RecognitionProfile(for: f).language
                    if !langs.contains(lang) { langs.append(lang) }
                }
            }
        }
        try engines.preload(langs)
    }

    /// Reads one page image and decides accepted / review / invalid for it (`today` is the
    /// day of the run in Japan, so the same page always gets the same decision).
    public func read(_ image: GrayImage, id: PageID, today: JapaneseDate = .today) -> PageOutcome {
        var candidates: [(PreparedTemplate, Int, RegistrationResult)] = []
        var scores: [String: Double] = [:]
        var problems: [String] = []
        for t in templates {
            for (index, registrar) in t.registrars.enumerated() {
                do {
                    let r = try registrar.register(image)
                    candidates.append((t, index, r))
                    scores[t.id] = max(scores[t.id] ?? 0, r.matchScore)
                } catch {
                    problems.append("\(t.id): \(error)")
                    scores[t.id] = max(scores[t.id] ?? 0, 0)
                }
            }
        }
        guard let best = candidates.max(by: { $0.2.matchScore < $1.2.matchScore }) else {
            let reason = templates.count == 1
                ? "page cannot be registered to the template (\(problems.joined(separator: "; ")))"
                : "page cannot be registered to any template (\(problems.joined(separator: "; ")))"
            return .failed(id, OCRError(code: .registrationFailed, file: id.file, message: reason))
        }
        if templates.count > 1 || candidates.count > 1, best.2.matchScore < minimumMatchScore {
            return .unknownForm(id, scores: scores)
        }
        let (prepared, pageIndex, registration) = best
        let page = prepared.template.pages[pageIndex]
        let cutter = ZoneCutter(page: image, transform: registration.transform)
        let reader = FieldReader(engines: engines)
        var fields: [FieldRead] = []
        do {
            for field in page.fields {
                fields.append(try reader.read(field, cutter: cutter))
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
            transform: registration.transform
        )
        for field in fields {
            // Names, statuses and confidences only: values are personal data.
            logger.trace("field read", metadata: [
                "page.file": "\(id.file)", "page.index": "\(id.page)", "field.name": "\(field.name)",
                "field.confidence": "\(String(format: "%.2f", field.confidence))", "field.notes": "\(field.notes.joined(separator: ","))",
            ])
        }
        logger.debug("page read", metadata: ["page.file": "\(id.file)", "page.index": "\(id.page)", "template": "\(prepared.id)"])
        let read = PageRead(file: id.file, page: id.page, template: prepared.id, registration: summary, fields: fields)
        return .read(prepared.validator.decide(read, today: today))
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
