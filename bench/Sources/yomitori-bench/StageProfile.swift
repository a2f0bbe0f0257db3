import Foundation
import YomitoriOCR
import YomitoriReader
import YomitoriResults
import YomitoriText
import YomitoriValidation
import YomitoriVision

/// Where the time per page goes, on one thread: decoding, registration, cutting and cleaning,
/// recognition, reading Tesseract's results back, validation. Also cuts every OCR field's zone
/// to a PNG for the naive baseline.
struct StageProfile {
    /// One OCR field's zone, cropped to a PNG for the naive baseline.
    struct Crop {
        var page: Int
        var path: String
    }

    struct Output {
        var profile: BenchResults.Profile
        var crops: [Crop]
        var pagesRead: Int
    }

    let templates: [PreparedTemplate]
    let corpus: Corpus
    let cropDirectory: String

    func run(context: () -> BenchResults.Context) throws -> Output {
        let validators = Dictionary(templates.map { ($0.id, $0.validator) }, uniquingKeysWith: { a, _ in a })
        let reader = FormReader(templates: templates)
        try reader.preload()
        let meter = ThreadMeter()
        let today = JapaneseDate.today
        try FileManager.default.createDirectory(atPath: cropDirectory, withIntermediateDirectories: true)

        // The first page after preload pays for engines created lazily (second-read models).
        var firstPage = 0.0, sameFileWarm = 0.0
        if let first = corpus.files.first {
            let image = try ScanFile(path: first.path).page(0)
            let t0 = now()
            _ = reader.read(image, id: PageID(file: first.path, page: 0))
            firstPage = now() - t0
            let t1 = now()
            _ = reader.read(image, id: PageID(file: first.path, page: 0))
            sameFileWarm = now() - t1
        }

        var decode = Cost(), registration = Cost(), read = Cost(), validation = Cost()
        var recognition = 0.0, engineCall = 0.0, recognitions = 0
        var pages = 0, pagesRead = 0, ocrFields = 0
        var perTemplate: [String: (marks: Double, content: Double, score: Double, chosen: Int, methods: Set<String>)] = [:]
        var crops: [Crop] = []
        var chosenRegistration = 0.0, duplicateMarks = 0.0
        var byForm: [String: (pages: Int, recognitions: Int, seconds: Double, ocrFields: Int)] = [:]
        var pageDecodeForPDF: [Double] = []
        var byFormat: [String: (seconds: Double, pages: Int)] = [:]
        let linesStoredBefore = TesseractEngine.lineImagesStored
        let serialRegionsBefore = TesseractEngine.openMPRegionsRunSerially
        for file in corpus.files {
            let (scanResult, openCost) = meter.measure { Result { try ScanFile(path: file.path) } }
            decode = decode + openCost
            guard case .success(let scan) = scanResult else { continue }
            byFormat[scan.format.rawValue, default: (0, 0)].seconds += openCost.seconds
            for index in 0..<scan.pageCount {
                let (imageResult, decodeCost) = meter.measure { Result { try scan.page(index) } }
                decode = decode + decodeCost
                byFormat[scan.format.rawValue, default: (0, 0)].seconds += decodeCost.seconds
                byFormat[scan.format.rawValue, default: (0, 0)].pages += 1
                if scan.format == .pdf { pageDecodeForPDF.append(decodeCost.seconds) }
                pages += 1
                guard case .success(let image) = imageResult else { continue }

                // The reader's own chooser, run once more so that its cost can be timed apart.
                let (choice, registerCost) = meter.measure { reader.chooser.choose(image) }
                registration = registration + registerCost

                let r0 = reader.engines.recognitionSeconds, c0 = reader.engines.engineCallSeconds, n0 = reader.engines.recognitions
                let (outcome, readCost) = meter.measure { reader.read(image, id: PageID(file: file.path, page: index)) }
                read = read + readCost
                recognition += reader.engines.recognitionSeconds - r0
                engineCall += reader.engines.engineCallSeconds - c0
                recognitions += reader.engines.recognitions - n0

                var chosen: String?
                if case .read(let page) = outcome {
                    pagesRead += 1
                    chosen = page.template
                    var form = byForm[page.template] ?? (0, 0, 0, 0)
                    form.pages += 1
                    form.recognitions += reader.engines.recognitions - n0
                    form.seconds += reader.engines.recognitionSeconds - r0
                    form.ocrFields += page.fields.filter { $0.type != "checkbox" && $0.type != "choice" }.count
                    byForm[page.template] = form
                    if let validator = validators[page.template] {
                        let (_, validateCost) = meter.measure { validator.decide(page, today: today) }
                        validation = validation + validateCost
                    }
                    for (n, field) in page.fields.enumerated() where field.type != "checkbox" && field.type != "choice" {
                        ocrFields += 1
                        let crop = image.cropped(to: field.zone)
                        guard crop.width > 0, crop.height > 0 else { continue }
                        let path = (cropDirectory as NSString).appendingPathComponent(String(format: "p%04d-f%02d-%@.png", pages - 1, n, field.name))
                        _ = FileManager.default.createFile(atPath: path, contents: PNGWriter.data(crop))
                        crops.append(Crop(page: pages - 1, path: path))
                    }
                }
                for t in choice.attempts {
                    if t.template == chosen { chosenRegistration += t.seconds }
                    if t.sharedMarks { duplicateMarks += t.marksSeconds }
                    var entry = perTemplate[t.template] ?? (0, 0, 0, 0, [])
                    entry.marks += t.marksSeconds
                    entry.content += t.contentSeconds
                    entry.score += t.scoreSeconds
                    entry.methods.insert(t.method)
                    perTemplate[t.template] = entry
                }
                if let chosen { perTemplate[chosen, default: (0, 0, 0, 0, [])].chosen += 1 }
            }
        }

        let linesStored = TesseractEngine.lineImagesStored - linesStoredBefore
        let serialRegions = TesseractEngine.openMPRegionsRunSerially - serialRegionsBefore
        let n = max(1, pages)
        // read = registration + cutting/cleaning/interpretation + engine calls + validation (inside read).
        let cutting = read - registration - Cost(seconds: engineCall, cpuSeconds: engineCall) - validation
        let total = decode.seconds + read.seconds
        func stage(_ name: String, _ cost: Cost, _ how: String, counts: Bool = true) -> BenchResults.Stage {
            let per = cost.divided(by: n)
            return BenchResults.Stage(
                name: name, secondsPerPage: per.seconds, share: total > 0 ? cost.seconds / total : 0,
                instructionsPerPage: counts && meter.countsInstructions ? per.instructions : nil,
                allocationsPerPage: counts ? per.allocations : nil, how: how
            )
        }
        let stages = [
            stage("decode", decode, "ScanFile(path:) + ScanFile.page(_:), timed around the calls"),
            stage("registration", registration, "FormReader's TemplateChooser (marks first, content only when marks do not decide), run again in the bench and timed"),
            stage("cutting, cleaning, interpretation", cutting,
                  "FormReader.read − registration − engine calls − validation (zone warp, rule/speck removal, strip building, voting)", counts: false),
            stage("recognition (Tesseract)", Cost(seconds: recognition), "TessBaseAPIRecognize, summed by the engine counters", counts: false),
            stage("engine I/O", Cost(seconds: engineCall - recognition),
                  "TesseractEngine.recognize − TessBaseAPIRecognize: SetImage, text, symbols and alternatives read back", counts: false),
            stage("validation", validation, "Validator.decide, repeated in the bench on the page read and timed"),
        ]
        let registrationRows = perTemplate.keys.sorted().map { key in
            let e = perTemplate[key]!
            return BenchResults.TemplateRegistration(
                template: key, method: e.methods.sorted().joined(separator: "/"),
                marksMs: e.marks / Double(n) * 1000, contentMs: e.content / Double(n) * 1000,
                matchScoreMs: e.score / Double(n) * 1000, chosenShare: Double(e.chosen) / Double(n)
            )
        }
        var profile = BenchResults.Profile(
            context: context(), pages: pages, pagesRead: pagesRead, stages: stages, registration: registrationRows,
            registrationChosenMsPerPage: chosenRegistration / Double(n) * 1000,
            duplicateMarksMsPerPage: duplicateMarks / Double(n) * 1000,
            secondsPerPage: total / Double(n),
            decodeMsByFormat: byFormat.mapValues { $0.seconds / Double(max(1, $0.pages)) * 1000 },
            recognitionByForm: byForm.keys.sorted().map { key in
                let f = byForm[key]!
                return BenchResults.FormRecognition(
                    template: key, pages: f.pages, ocrFieldsPerPage: Double(f.ocrFields) / Double(max(1, f.pages)),
                    recognitionsPerPage: Double(f.recognitions) / Double(max(1, f.pages)),
                    recognitionMsPerPage: f.seconds / Double(max(1, f.pages)) * 1000
                )
            },
            recognitionsPerPage: Double(recognitions) / Double(n),
            lineImagesStoredPerRecognition: Double(linesStored) / Double(max(1, recognitions)),
            openMPRegionsSerialPerRecognition: Double(serialRegions) / Double(max(1, recognitions)),
            recognitionsPerOCRField: Double(recognitions) / Double(max(1, ocrFields)),
            msPerRecognition: recognition / Double(max(1, recognitions)) * 1000,
            ocrFieldsPerPage: Double(ocrFields) / Double(n),
            firstPageSeconds: firstPage, sameFileWarmSeconds: sameFileWarm,
            engineInit: Self.engineInitCosts(),
            pdf: Self.pdfCosts(corpus: corpus, pdfPages: pageDecodeForPDF.count, pageDecode: median(pageDecodeForPDF)),
            waste: []
        )
        profile.waste = WasteReport.items(profile: profile)
        return Output(profile: profile, crops: crops, pagesRead: pagesRead)
    }

    /// Creating an engine per language set: what a per-page (or per-field) engine would cost.
    static func engineInitCosts() -> [BenchResults.EngineInit] {
        ["eng", "jpn", "script/Japanese", "jpn+eng"].compactMap { lang in
            let rss0 = Memory.residentMB
            let skipped0 = TesseractEngine.universalAmbiguitiesSkipped
            let t0 = now()
            guard let engine = try? TesseractEngine(languages: lang) else { return nil }
            let seconds = now() - t0
            let rss = Memory.residentMB - rss0
            withExtendedLifetime(engine) {}
            return BenchResults.EngineInit(
                languages: lang, seconds: seconds, rssMB: rss,
                universalAmbiguitiesSkipped: TesseractEngine.universalAmbiguitiesSkipped - skipped0
            )
        }
    }

    /// What one PDF page costs through poppler, and what the per-page `pdfinfo` call adds.
    static func pdfCosts(corpus: Corpus, pdfPages: Int, pageDecode: Double) -> BenchResults.PDFCosts? {
        guard let pdf = corpus.files.first(where: { $0.path.lowercased().hasSuffix(".pdf") }) else { return nil }
        let tmp = NSTemporaryDirectory() + "yomitori-bench-pdf-\(getpid())"
        try? FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        func best(_ args: [String], _ tool: String) -> Double {
            (0..<3).compactMap { _ in try? Subprocess(executable: tool, arguments: args, captureStdout: false).run().seconds }.min() ?? 0
        }
        func decodeSeconds(_ path: String) -> Double {
            (0..<3).compactMap { _ -> Double? in
                let t0 = now()
                guard (try? ScanFile(path: path).page(0)) != nil else { return nil }
                return now() - t0
            }.min() ?? 0
        }
        let info = best(["-f", "1", "-l", "1", pdf.path], "pdfinfo")
        let png = best(["-r", "300", "-gray", "-png", "-f", "1", "-l", "1", "-singlefile", pdf.path, tmp + "/page"], "pdftoppm")
        let pgm = best(["-r", "300", "-gray", "-f", "1", "-l", "1", "-singlefile", pdf.path, tmp + "/page"], "pdftoppm")
        return BenchResults.PDFCosts(
            file: (pdf.path as NSString).lastPathComponent, pdfPages: pdfPages, pdfinfoSeconds: info,
            pdftoppmPNGSeconds: png, decodePNGSeconds: decodeSeconds(tmp + "/page.png"),
            pdftoppmPGMSeconds: pgm, decodePGMSeconds: decodeSeconds(tmp + "/page.pgm"),
            pageDecodeSeconds: pageDecode
        )
    }
}

extension Result where Failure == any Error {
    init(_ body: () throws -> Success) {
        do { self = .success(try body()) } catch { self = .failure(error) }
    }
}
