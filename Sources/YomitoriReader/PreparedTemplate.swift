public import YomitoriTemplate
import YomitoriOCR
public import YomitoriValidation
import YomitoriVision

/// A template made ready to read pages: its registration (marks, reference image) prepared once
/// and shared by every worker.
public final class PreparedTemplate: Sendable {
    public let template: Template
    /// One registrar per template page.
    let registrars: [PageRegistrar]
    /// Decides accepted / review / invalid for pages read with this template.
    public let validator: Validator
    /// Per template page, the order in which workers sharing a page take its fields: the longest
    /// reads first (``RecognitionProfile/expectedCost(_:)``), so a page does not wait at its end
    /// for one long field.
    let sharingOrders: [[Int]]

    /// Loads the reference images and prepares registration.
    /// - Throws: ``OCRError`` when a reference image cannot be read.
    public init(_ template: Template) throws {
        self.template = template
        var registrars: [PageRegistrar] = []
        for page in template.pages {
            var reference: GrayImage?
            if let path = template.resolvedReferenceImage(for: page) {
                let file = try ScanFile(path: path)
                reference = try file.page(0)
            }
            registrars.append(PageRegistrar(page: page, reference: reference))
        }
        self.registrars = registrars
        self.validator = Validator(template: template)
        self.sharingOrders = template.pages.map { page in
            let costs = page.fields.map(RecognitionProfile.expectedCost)
            return costs.indices.sorted { costs[$0] > costs[$1] }
        }
    }

    public var id: String { template.id }
}

/// Maps a scan onto one template page: by marks when the form has them, otherwise by content;
/// and scores how well the scan shows the form's printed content.
struct PageRegistrar: Sendable {
    let marks: MarkRegistration?
    let content: ContentRegistration?

    init(page: TemplatePage, reference: GrayImage?) {
        let size = (page.size.width, page.size.height)
        if page.registration.marks.isEmpty {
            marks = nil
        } else {
            marks = MarkRegistration(
                marks: page.registration.marks.map { MMRect(x: $0.x, y: $0.y, width: $0.width, height: $0.height) },
                pageSizeMM: size
            )
        }
        if let reference {
            let ppm = reference.dpi > 0 ? reference.dpi / 25.4 : Double(reference.width) / page.size.width
            content = ContentRegistration(reference: reference, referencePixelsPerMM: ppm, pageSizeMM: size)
        } else {
            content = nil
        }
    }

    /// Registers `scan`; marks first, content as the fall-back; the match score is filled in
    /// from the reference image when there is one.
    func register(_ scan: GrayImage) throws -> RegistrationResult {
        var result: RegistrationResult
        if let marks {
            do {
                result = try marks.register(scan)
            } catch {
                guard let content else { throw error }
                result = try content.register(scan)
            }
        } else if let content {
            result = try content.register(scan)
        } else {
            throw RegistrationError(code: .contentNotMatched, message: "the template has neither registration marks nor a reference image")
        }
        if let content {
            result.matchScore = content.matchScore(scan: scan, transform: result.transform)
        }
        return result
    }
}
