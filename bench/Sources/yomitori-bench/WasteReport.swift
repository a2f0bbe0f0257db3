import Foundation

/// Time spent in product code that need not be spent, measured by the profile. The bench does not
/// change product code: these are for whoever owns it (file and line as of the measured commit).
enum WasteReport {
    static func items(profile p: BenchResults.Profile) -> [BenchResults.Waste] {
        var items: [BenchResults.Waste] = []
        let pageMs = p.secondsPerPage * 1000
        func add(_ location: String, _ what: String, ms: Double, _ measured: String) {
            items.append(BenchResults.Waste(
                location: location, what: what, msPerPage: ms, shareOfPage: pageMs > 0 ? ms / pageMs : 0, measured: measured
            ))
        }
        let registrationMs = (p.stages.first { $0.name == "registration" }?.secondsPerPage ?? 0) * 1000
        let notChosen = registrationMs - p.registrationChosenMsPerPage
        if notChosen > 0 {
            let rows = p.registration.map { String(format: "%@ %@ %.1f ms", $0.template, $0.method, $0.marksMs + $0.contentMs + $0.matchScoreMs) }
            add(
                "Sources/YomitoriReader/FormReader.swift:48-59 (FormReader.read)",
                "every page is registered to every template (marks or content registration, then the match score against each reference image) before one is chosen",
                ms: notChosen,
                String(format: "registration %.1f ms/page, of which %.1f ms for the template finally used; per template: %@", registrationMs, p.registrationChosenMsPerPage, rows.joined(separator: ", "))
            )
        }
        if p.duplicateMarksMsPerPage > 0.05 {
            add(
                "Sources/YomitoriReader/FormReader.swift:48-52 + PreparedTemplate.swift:61-79 (PageRegistrar.register)",
                "templates with identical registration marks (a_juminhyo, b_jido_koza: the same four corners) each search the page for them: the same search, the same transform",
                ms: p.duplicateMarksMsPerPage,
                String(format: "%.2f ms/page spent on repeated mark searches", p.duplicateMarksMsPerPage)
            )
        }
        if let io = p.stages.first(where: { $0.name == "engine I/O" }), io.secondsPerPage > 0 {
            add(
                "Sources/YomitoriOCR/TesseractEngine.swift:114-139 on branch bench (93-118 before the counters) (TesseractEngine.recognize)",
                "after every recognition each symbol's box, confidence and choice alternatives are read back through a result iterator and a choice iterator; the alternatives are used only by `yomitori zone`, the boxes only by the comb line read (FieldReader.swift:193)",
                ms: io.secondsPerPage * 1000,
                String(format: "recognize() − TessBaseAPIRecognize = %.1f ms/page over %.1f recognitions (upper bound: includes SetImage and GetUTF8Text)", io.secondsPerPage * 1000, p.recognitionsPerPage)
            )
        }
        let lazy = p.firstPageSeconds - p.sameFileWarmSeconds
        if lazy > 0.02 {
            let japanese = p.engineInit.first { $0.languages == "script/Japanese" }
            add(
                "Sources/YomitoriReader/FormReader.swift:29-40 (FormReader.preload)",
                "preload() creates only each field's first-read language (jpn, eng); the second-read model script/Japanese is created inside the first page's read, so a missing model is found late and each worker's first page is slow",
                ms: 0,
                String(format: "first page after preload %.2f s vs the same page warm %.2f s (+%.2f s once per worker; script/Japanese init alone %.2f s, %.0f MB)",
                       p.firstPageSeconds, p.sameFileWarmSeconds, lazy, japanese?.seconds ?? 0, japanese?.rssMB ?? 0)
            )
        }
        if let pdf = p.pdf {
            // Costs per PDF page, spread over every page of the corpus for ms/page and share.
            let pdfShare = Double(pdf.pdfPages) / Double(max(1, p.pages))
            add(
                "Sources/YomitoriOCR/PDFRasteriser.swift:39-49 (PDFRasteriser.rasterise)",
                "pdfinfo is run again for every page to check its size, after ScanFile(path:) already ran it for the page count (pdfinfo -f 1 -l N prints every page's size in one call)",
                ms: pdf.pdfinfoSeconds * 1000 * pdfShare,
                String(format: "%.1f ms per PDF page (pdfinfo -f n -l n), on a page that decodes in %.0f ms; %d of %d pages are PDF", pdf.pdfinfoSeconds * 1000, pdf.pageDecodeSeconds * 1000, pdf.pdfPages, p.pages)
            )
            let png = pdf.pdftoppmPNGSeconds + pdf.decodePNGSeconds, pgm = pdf.pdftoppmPGMSeconds + pdf.decodePGMSeconds
            if png > pgm {
                add(
                    "Sources/YomitoriOCR/PDFRasteriser.swift:52 (`-png`)",
                    "pdftoppm compresses each 300 dpi page to PNG and Leptonica decompresses it again; raw PGM (no -png) is read by the same pixReadMem",
                    ms: (png - pgm) * 1000 * pdfShare,
                    String(format: "per PDF page: pdftoppm -png %.0f ms + decode %.0f ms vs PGM %.0f ms + decode %.0f ms (%.0f ms saved per PDF page; %d of %d pages are PDF)",
                           pdf.pdftoppmPNGSeconds * 1000, pdf.decodePNGSeconds * 1000, pdf.pdftoppmPGMSeconds * 1000, pdf.decodePGMSeconds * 1000,
                           (png - pgm) * 1000, pdf.pdfPages, p.pages)
                )
            }
        }
        return items
    }
}
