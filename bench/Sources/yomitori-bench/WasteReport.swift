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
        // Trying a template or two before the right one is the chooser's job; report it when it
        // costs more than a mark search or two.
        if notChosen > 2 {
            let rows = p.registration.map { String(format: "%@ %@ %.1f ms", $0.template, $0.method, $0.marksMs + $0.contentMs + $0.matchScoreMs) }
            add(
                "Sources/YomitoriReader/TemplateChooser.swift (TemplateChooser.choose)",
                "registrations tried on templates other than the one the page is read with (marks forms first; content registration only when no marks form scores ≥ 0.5)",
                ms: notChosen,
                String(format: "registration %.1f ms/page, of which %.1f ms for the template finally used; per template: %@", registrationMs, p.registrationChosenMsPerPage, rows.joined(separator: ", "))
            )
        }
        if let io = p.stages.first(where: { $0.name == "engine I/O" }), io.secondsPerPage * 1000 > 0.05 * p.recognitionsPerPage {
            add(
                "Sources/YomitoriOCR/TesseractEngine.swift (TesseractEngine.recognize)",
                "around each recognition: SetImage (Tesseract copies the zone), GetUTF8Text and the mean confidence; symbol boxes only for the comb line read",
                ms: io.secondsPerPage * 1000,
                String(format: "recognize() − TessBaseAPIRecognize = %.1f ms/page over %.1f recognitions", io.secondsPerPage * 1000, p.recognitionsPerPage)
            )
        }
        let recognitionMs = (p.stages.first { $0.name == "recognition (Tesseract)" }?.secondsPerPage ?? 0) * 1000
        if let stored = p.lineImagesStoredPerRecognition, stored == 0, p.recognitionsPerPage > 0 {
            add(
                "Sources/CLineImages (png_set_compression_level), Package.swift (its linker flag)",
                "Tesseract's PNG of every line it recognises is deflated and inflated again: the program's own png_set_compression_level was never called (not exported?)",
                ms: recognitionMs * 0.05,
                "no line image written stored over the profile's recognitions; ms/page estimated as 5 % of recognition (what storing them saved in an interleaved A/B, 2026-12-06)"
            )
        }
        if let serial = p.openMPRegionsSerialPerRecognition, serial == 0, p.recognitionsPerPage > 0 {
            add(
                "Sources/CSerialOpenMP (GOMP_parallel, GOMP_parallel_sections, …), Package.swift (its linker flags)",
                "a libgomp team per OpenMP region in Tesseract's LSTM (malloc, bookkeeping and a futex system call per time step): the program's own GOMP_* entry points were never called (not exported?)",
                ms: recognitionMs * 0.03,
                "no OpenMP region run on the worker's thread over the profile's recognitions; ms/page estimated as 3 % of recognition (what running them serially saved in an interleaved A/B, 2026-12-06)"
            )
        }
        if let skipped = p.engineInit.first(where: { $0.languages == "jpn" })?.universalAmbiguitiesSkipped, skipped == 0 {
            add(
                "Sources/CUniversalAmbigs (UnicharAmbigs::LoadUniversal), Package.swift (its linker flag)",
                "every engine builds the legacy engine's universal ambiguity table, which LSTM-only engines never read: the program's own method was never called (not exported, or another Tesseract version)",
                ms: 0,
                "jpn engine started with its universal ambiguities loaded; about 70 % of an engine's start-up and 8 MB each, once per worker (2026-12-06)"
            )
        }
        let lazy = p.firstPageSeconds - p.sameFileWarmSeconds
        if lazy > 0.05 {
            add(
                "Sources/YomitoriReader/FormReader.swift (FormReader.preload)",
                "the first page after preload() is slower than the same page again (something is created or loaded on first use)",
                ms: 0,
                String(format: "first page after preload %.2f s vs the same page warm %.2f s (+%.2f s once per worker)",
                       p.firstPageSeconds, p.sameFileWarmSeconds, lazy)
            )
        }
        return items
    }
}
