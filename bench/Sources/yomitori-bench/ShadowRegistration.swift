import Foundation
import YomitoriOCR
import YomitoriReader
import YomitoriTemplate
import YomitoriVision

/// The registration `FormReader.read` does, repeated in the bench so that its cost can be timed
/// apart from the rest of the read (the reader's own registrars are internal). It mirrors
/// `PageRegistrar` in Sources/YomitoriReader/PreparedTemplate.swift: marks first, content as the
/// fall-back, then the match score against the reference image — for every page of every
/// template, as `FormReader.read` does for each page. Keep the two in step.
struct ShadowRegistration {
    struct Registrar {
        var template: String
        var marks: MarkRegistration?
        var content: ContentRegistration?
    }

    /// What registering one scan to one template page cost, in seconds.
    struct Timing {
        var template: String
        var marks = 0.0
        var content = 0.0
        var matchScore = 0.0
        var method = "failed"
        var score = 0.0
        var duplicateMarks = false
        var total: Double { marks + content + matchScore }
    }

    let registrars: [Registrar]
    /// Indices of registrars whose marks equal an earlier registrar's (same search, same result).
    let duplicateMarks: Set<Int>

    init(templates: [PreparedTemplate]) throws {
        var list: [Registrar] = []
        for prepared in templates {
            let template = prepared.template
            for page in template.pages {
                let size = (page.size.width, page.size.height)
                let marks = page.registration.marks.isEmpty ? nil : MarkRegistration(
                    marks: page.registration.marks.map { MMRect(x: $0.x, y: $0.y, width: $0.width, height: $0.height) },
                    pageSizeMM: size
                )
                var content: ContentRegistration?
                if let path = template.resolvedReferenceImage(for: page) {
                    let reference = try ScanFile(path: path).page(0)
                    let ppm = reference.dpi > 0 ? reference.dpi / 25.4 : Double(reference.width) / page.size.width
                    content = ContentRegistration(reference: reference, referencePixelsPerMM: ppm, pageSizeMM: size)
                }
                list.append(Registrar(template: template.id, marks: marks, content: content))
            }
        }
        registrars = list
        var seen: [[RectMM]] = [], duplicates = Set<Int>()
        var index = 0
        for prepared in templates {
            for page in prepared.template.pages {
                let marks = page.registration.marks
                if !marks.isEmpty {
                    if seen.contains(marks) { duplicates.insert(index) } else { seen.append(marks) }
                }
                index += 1
            }
        }
        duplicateMarks = duplicates
    }

    /// Registers `scan` to every template page, timing each step.
    func register(_ scan: GrayImage) -> [Timing] {
        registrars.enumerated().map { index, r in
            var timing = Timing(template: r.template, duplicateMarks: duplicateMarks.contains(index))
            var result: RegistrationResult?
            if let marks = r.marks {
                let t0 = now()
                result = try? marks.register(scan)
                timing.marks = now() - t0
                if result != nil { timing.method = "marks" }
            }
            if result == nil, let content = r.content {
                let t0 = now()
                result = try? content.register(scan)
                timing.content = now() - t0
                if result != nil { timing.method = "content" }
            }
            if let result, let content = r.content {
                let t0 = now()
                timing.score = content.matchScore(scan: scan, transform: result.transform)
                timing.matchScore = now() - t0
            }
            return timing
        }
    }
}
