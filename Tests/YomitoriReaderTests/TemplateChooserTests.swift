import Foundation
import Testing
import YomitoriOCR
import YomitoriReader
import YomitoriTemplate
import YomitoriVision

@Suite("Registration: choosing the template cheaply (marks first, content only when needed)")
struct TemplateChooserTests {
    static let prepared: [PreparedTemplate] = {
        (try? SampleCorpus.prepared()) ?? []
    }()

    /// Every committed sample page: the chooser picks its form; pages of marks forms (a, b) are
    /// decided by one shared mark search and no content registration; pages of the ruling form
    /// (c) are registered by content.
    @Test("Each sample page gets its own form, marks forms without content registration")
    func choosesEachSamplePage() throws {
        let chooser = TemplateChooser(templates: Self.prepared)
        #expect(Self.prepared.count == 3)
        var files: [String: ScanFile] = [:]
        for page in try SampleCorpus.load() {
            let path = SampleCorpus.scans.appendingPathComponent(page.file).path
            let file = try files[path] ?? ScanFile(path: path)
            files[path] = file
            let choice = chooser.choose(try file.page(page.page))
            let best = try #require(choice.best, "\(page.file) p\(page.page)")
            #expect(best.template.id == page.form, "\(page.file) p\(page.page): \(choice.scores)")
            #expect(best.registration.matchScore >= 0.5, "\(page.file) p\(page.page)")
            let contentTried = choice.attempts.filter { $0.contentSeconds > 0 }.map(\.template)
            let markSearches = choice.attempts.filter { $0.marksSeconds > 0 }.count
            #expect(markSearches == 1, "a and b share their marks: one search (\(page.file))")
            if page.form == "c_tennyu" {
                #expect(best.registration.method == .content)
                #expect(contentTried.first == "c_tennyu", "the form without marks is tried first: \(contentTried)")
            } else {
                #expect(best.registration.method == .marks)
                #expect(contentTried.isEmpty, "\(page.file): content registration tried for \(contentTried)")
            }
        }
    }

    /// A sheet laid on the glass by hand: 6° is beyond the skew every page is searched for, so
    /// the usual content registration of the 転入届 fails and the wide search finds it.
    @Test("A 転入届 page 6° crooked is registered by the wide skew search, after the usual one")
    func crookedPage() throws {
        let chooser = TemplateChooser(templates: Self.prepared)
        let upright = try ScanFile(path: SampleCorpus.scans.appendingPathComponent("c_tennyu-clean-01.png").path).page(0)
        let radians = 6 * Double.pi / 180
        let centre = Point(x: Double(upright.width) / 2, y: Double(upright.height) / 2)
        let crooked = upright.warped(by: .rotation(-radians, about: centre), width: upright.width, height: upright.height)
        #expect(6 > ContentRegistration.usualSkewDegrees && 6 < ContentRegistration.widestSkewDegrees)

        let choice = chooser.choose(crooked)
        let best = try #require(choice.best)
        #expect(best.template.id == "c_tennyu", "\(choice.scores)")
        #expect(best.registration.matchScore >= 0.5, "\(choice.scores)")
        #expect(abs(abs(best.registration.transform.rotation) - radians) < 0.2 * Double.pi / 180,
                "rotation found: \(best.registration.transform.rotation * 180 / Double.pi)°")
        let tennyuTries = choice.attempts.filter { $0.template == "c_tennyu" }
        #expect(tennyuTries.count == 2, "the usual search, then the wide one: \(tennyuTries.map(\.method))")
        #expect((tennyuTries.first?.score ?? 0) < 0.5, "the usual search alone does not find the form")
    }

    /// A form printed with "fit to page" comes out at 93–97 %: beyond the ±5 % scale every page is
    /// searched for, so the usual band's best fit sits at its edge and the wider band finds it.
    @Test("A 転入届 printed at 94 % (fit to page) is registered by content at its scale")
    func pagePrintedSmaller() throws {
        let chooser = TemplateChooser(templates: Self.prepared)
        let full = try ScanFile(path: SampleCorpus.scans.appendingPathComponent("c_tennyu-clean-02.png").path).page(0)
        let factor = 0.94
        #expect(1 - factor > ContentRegistration.usualScaleRange && 1 - factor < ContentRegistration.widestScaleRange)
        let cx = Double(full.width) / 2, cy = Double(full.height) / 2
        let shrink = AffineTransform(a: 1 / factor, b: 0, c: 0, d: 1 / factor, tx: cx - cx / factor, ty: cy - cy / factor)
        let printed = full.warped(by: shrink, width: full.width, height: full.height)

        let atFull = try #require(chooser.choose(full).best)
        let choice = chooser.choose(printed)
        let best = try #require(choice.best)
        #expect(best.template.id == "c_tennyu", "\(choice.scores)")
        #expect(best.registration.method == .content)
        #expect(best.registration.matchScore >= 0.9, "\(choice.scores)")
        let ratio = best.registration.transform.scale / atFull.registration.transform.scale
        #expect(abs(ratio - factor) < 0.004, "scale found: \(ratio)")
    }

    @Test("A blank page matches no form: every stage is tried, the best score stays under 0.5")
    func blankPage() {
        let chooser = TemplateChooser(templates: Self.prepared)
        let blank = GrayImage(width: 2480, height: 3508, fill: 250, dpi: 300)
        let choice = chooser.choose(blank)
        #expect((choice.best?.registration.matchScore ?? 0) < 0.5)
        #expect(Set(choice.scores.keys) == ["a_juminhyo", "b_jido_koza", "c_tennyu"])
    }
}
