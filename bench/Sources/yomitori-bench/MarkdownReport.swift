import Foundation

/// `bench/results/<date>.md`: the figures as tables.
enum MarkdownReport {
    static func render(_ r: BenchResults) -> String {
        var md = "# yomitori benchmark, \(r.date)\n\n"
        let m = r.machine
        md += "Machine: \(m.nproc) cores, \(m.cpuModel), \(fmt(m.memoryGB, 1)) GB, \(m.os), kernel \(m.kernel); "
        md += "\(m.swift); \(m.tesseract), \(m.leptonica); OMP_THREAD_LIMIT=\(m.ompThreadLimit). Updated \(r.updated).\n\n"
        if let c = r.corpus {
            let formats = c.formats.keys.sorted().map { "\($0) \(c.formats[$0]!)" }.joined(separator: ", ")
            md += "Corpus: \(c.pages) pages in \(c.files) files (\(formats); \(fmt(c.megabytes, 1)) MB) from `\(c.source)`.\n\n"
        }
        if let c = r.calibration {
            md += "Machine check before the throughput runs: a pure-compute loop on two threads ran \(fmt(c.scaling, 2))× as fast as on one "
            md += "(\(fmt(c.oneThreadSeconds, 2)) s vs \(fmt(c.twoThreadsSeconds, 2)) s for twice the work); other processes used \(fmt(c.otherCores, 2)) cores meanwhile. "
            md += "The machine is shared: 2 workers cannot show more than this scaling."
            if let waited = c.waitedForIdleSeconds { md += " (The bench waited \(fmt(waited, 0)) s for other processes to quieten first.)" }
            md += "\n\n"
        }
        md += targets(r)
        md += throughput(r)
        md += profile(r)
        md += naive(r)
        md += startup(r)
        md += backlog(r)
        if !r.notes.isEmpty { md += "## Notes\n\n" + r.notes.map { "- \($0)\n" }.joined() + "\n" }
        md += "Raw figures: `\(r.date).json`; chart: `\(r.date).svg`.\n"
        return md
    }

    /// The short version printed at the end of a run.
    static func summary(_ r: BenchResults) -> String {
        targets(r) + throughput(r)
    }

    static func targets(_ r: BenchResults) -> String {
        var md = "## Targets\n\n| target | goal | measured | met |\n|---|---|---|---|\n"
        for t in r.targets {
            let met = t.met.map { $0 ? "yes" : "**no**" } ?? "—"
            md += "| \(t.name) | \(t.target) | \(t.measured) | \(met) |\n"
        }
        return md + "\n"
    }

    static func throughput(_ r: BenchResults) -> String {
        guard let rows = r.throughput, !rows.isEmpty else { return "" }
        var md = "## Reader throughput (FormReader, one per worker thread, pages from a shared queue)\n\n"
        md += "| workers | pages | pages/s | fields/s | OCR fields/s | speed-up | p50 s/page | p95 s/page | Tesseract s | efficiency | engine-call eff. | CPU use | peak RSS MB | instr./page | allocs/page | engines/worker | other processes (cores) |\n"
        md += "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n"
        for t in rows {
            md += "| \(t.workers) | \(t.pages) | \(fmt(t.pagesPerSecond, 3)) | \(fmt(t.fieldsPerSecond, 2)) | \(fmt(t.ocrFieldsPerSecond, 2)) | "
            md += "\(t.speedup.map { fmt($0, 2) + "×" } ?? "—") | \(fmt(t.latencyP50, 2)) | \(fmt(t.latencyP95, 2)) | "
            md += "\(fmt(t.recognitionSeconds, 1)) | \(fmt(t.efficiency, 2)) | \(fmt(t.efficiencyEngineCall, 2)) | \(fmt(t.cpuUtilisation, 2)) | "
            md += "\(fmt(t.peakRSSMB, 0)) | \(mega(t.instructionsPerPage)) | \(fmt(t.allocationsPerPage / 1000, 1))k | "
            md += "\(Set(t.enginesPerWorkerBeforeTiming).sorted().map(String.init).joined(separator: "/"))→\(Set(t.enginesPerWorkerAfter).sorted().map(String.init).joined(separator: "/")) | "
            md += "\(t.context.otherCores.map { fmt($0, 2) } ?? "—") |\n"
        }
        if let t = rows.first {
            let o = t.outcomes
            md += "\nOutcomes (\(t.workers) worker): \(o.accepted) accepted, \(o.review) review, \(o.invalid) invalid, \(o.unknownForm) unknown form, \(o.failed) failed. "
            md += "Engines (\(t.languages.joined(separator: ", "))) are created before the clock starts and their number does not grow during the run. "
            md += "Efficiency = seconds inside `TessBaseAPIRecognize` / (workers × wall); CPU use = worker threads' CPU time / (workers × wall).\n"
            let helped = rows.filter { $0.workers > 1 }.map { "\($0.fieldsHelped.map(String.init) ?? "—") with \($0.workers) workers" }
            if !helped.isEmpty {
                md += "Fields read by a worker that had run out of pages, for a page another worker was reading (as `yomitori run` does; `--no-sharing` turns it off): \(helped.joined(separator: ", ")).\n"
            }
            if !t.errors.isEmpty { md += "\nPage problems: " + t.errors.map { "`\($0)`" }.joined(separator: "; ") + "\n" }
        }
        return md + "\n"
    }

    static func profile(_ r: BenchResults) -> String {
        guard let p = r.profile else { return "" }
        var md = "## Where the time per page goes (1 worker, \(p.pages) pages, \(fmt(p.secondsPerPage, 2)) s/page)\n\n"
        md += "| stage | ms/page | share | instructions/page | allocations/page | how it is measured |\n|---|---|---|---|---|---|\n"
        for s in p.stages {
            md += "| \(s.name) | \(fmt(s.secondsPerPage * 1000, 1)) | \(fmt(s.share * 100, 1)) % | \(s.instructionsPerPage.map(mega) ?? "—") | "
            md += "\(s.allocationsPerPage.map { fmt($0, 0) } ?? "—") | \(s.how) |\n"
        }
        md += "\n\(fmt(p.recognitionsPerPage, 1)) recognitions per page, \(fmt(p.recognitionsPerOCRField, 2)) per OCR field "
        md += "(\(fmt(p.ocrFieldsPerPage, 1)) OCR fields per page), \(fmt(p.msPerRecognition, 1)) ms each inside Tesseract"
        if let stored = p.lineImagesStoredPerRecognition {
            md += "; \(fmt(stored, 2)) line images per recognition written by Tesseract stored, not deflated (Sources/CLineImages)"
        }
        if let serial = p.openMPRegionsSerialPerRecognition {
            md += "; \(fmt(serial, 0)) OpenMP regions per recognition run on the worker's thread without a libgomp team (Sources/CSerialOpenMP)"
        }
        md += ".\n\n"
        if let forms = p.recognitionByForm, !forms.isEmpty {
            md += "| form | pages | OCR fields/page | recognitions/page | Tesseract ms/page |\n|---|---|---|---|---|\n"
            for f in forms {
                md += "| \(f.template) | \(f.pages) | \(fmt(f.ocrFieldsPerPage, 1)) | \(fmt(f.recognitionsPerPage, 1)) | \(fmt(f.recognitionMsPerPage, 1)) |\n"
            }
            md += "\n"
        }
        md += "Registration per page, by template (the chooser tries marks first and stops at the first stage whose best page scores ≥ 0.5; a template it never tried costs 0; a mark search shared by templates with the same marks is counted once):\n\n"
        md += "| template | method | marks ms | content ms | match score ms | chosen for |\n|---|---|---|---|---|---|\n"
        for t in p.registration {
            md += "| \(t.template) | \(t.method) | \(fmt(t.marksMs, 2)) | \(fmt(t.contentMs, 2)) | \(fmt(t.matchScoreMs, 2)) | \(fmt(t.chosenShare * 100, 0)) % of pages |\n"
        }
        md += "\nEngine creation (what an engine per page would add; languages loaded without Tesseract's universal ambiguity table, Sources/CUniversalAmbigs):\n\n"
        md += "| languages | seconds | RSS MB | without the universal ambiguities |\n|---|---|---|---|\n"
        for e in p.engineInit {
            md += "| \(e.languages) | \(fmt(e.seconds, 3)) | \(fmt(e.rssMB, 0)) | \(e.universalAmbiguitiesSkipped.map { "\($0)" } ?? "—") |\n"
        }
        let formats = p.decodeMsByFormat.keys.sorted().map { "\($0) \(fmt(p.decodeMsByFormat[$0]!, 0)) ms" }.joined(separator: ", ")
        md += "\nDecoding per page by format (opening the file included): \(formats).\n"
        md += "\nFirst page after `preload()`: \(fmt(p.firstPageSeconds, 2)) s; the same page again: \(fmt(p.sameFileWarmSeconds, 2)) s.\n"
        if let pdf = p.pdf {
            md += "\nPDF page (\(pdf.file)): decode through ScanFile \(fmt(pdf.pageDecodeSeconds * 1000, 0)) ms; one pdfinfo call \(fmt(pdf.pdfinfoSeconds * 1000, 0)) ms (once per file); "
            md += "pdftoppm PNG \(fmt(pdf.pdftoppmPNGSeconds * 1000, 0)) ms + decode \(fmt(pdf.decodePNGSeconds * 1000, 0)) ms vs PGM \(fmt(pdf.pdftoppmPGMSeconds * 1000, 0)) ms + decode \(fmt(pdf.decodePGMSeconds * 1000, 0)) ms.\n"
        }
        if !p.waste.isEmpty {
            md += "\n### Waste still found in product code (not changed by the bench)\n\n| where | what | ms/page | share | measured |\n|---|---|---|---|---|\n"
            for w in p.waste {
                md += "| \(w.location) | \(w.what) | \(w.msPerPage > 0 ? fmt(w.msPerPage, 1) : "once per worker") | \(w.msPerPage > 0 ? fmt(w.shareOfPage * 100, 1) + " %" : "—") | \(w.measured) |\n"
            }
        }
        return md + "\n"
    }

    static func naive(_ r: BenchResults) -> String {
        guard let n = r.naive else { return "" }
        var md = "## Naive baseline (the tesseract command line once per field)\n\n"
        md += "`\(n.command)`\n\n| pages | calls | s total | s/call p50 | s/call mean | pages/s | yomitori (1 worker) / naive |\n|---|---|---|---|---|---|---|\n"
        md += "| \(n.pages) | \(n.calls) | \(fmt(n.secondsTotal, 1)) | \(fmt(n.secondsPerCallP50, 3)) | \(fmt(n.secondsPerCallMean, 3)) | \(fmt(n.pagesPerSecond, 3)) | \(n.ratio.map { fmt($0, 2) + "×" } ?? "—") |\n\n"
        md += n.note + (n.failures > 0 ? " (\(n.failures) calls failed)" : "") + ".\n\n"
        if let perRead = n.ratioPerRead, let one = r.throughput(workers: 1), one.recognitions > 0 {
            md += "Per read: a tesseract call costs \(fmt(n.secondsPerCallMean * 1000, 0)) ms; yomitori spends \(fmt(one.wallSeconds / Double(one.recognitions) * 1000, 1)) ms of wall time "
            md += "per recognition end to end (\(fmt(Double(one.recognitions) / Double(max(1, one.ocrFields)), 2)) recognitions per OCR field: confirmation reads, comb boxes one by one), \(fmt(perRead, 1))× less.\n\n"
        }
        return md
    }

    static func startup(_ r: BenchResults) -> String {
        var md = ""
        if let s = r.startup {
            md += "## Start-up\n\n`\(s.readCommand)`\n\n"
            md += "Time to the first page on stdout: \(s.readFirstPageSeconds.map { fmt($0, 2) }.joined(separator: ", ")) s "
            md += "(median \(s.readFirstPageMedian.map { fmt($0, 2) } ?? "—") s); to exit: \(s.readExitSeconds.map { fmt($0, 2) }.joined(separator: ", ")) s.\n\n"
            if let prepare = s.templatesPrepareSeconds, let preload = s.preloadSeconds {
                md += "Of which, measured in the bench process: loading and preparing the templates \(fmt(prepare, 3)) s, `FormReader.preload()` \(fmt(preload, 3)) s.\n\n"
            }
            md += "`yomitori run` on an empty inbox: "
            md += s.runAvailable ? "\(s.runEmptyInboxSeconds.map { fmt($0, 3) }.joined(separator: ", ")) s (median \(s.runEmptyInboxMedian.map { fmt($0, 3) } ?? "—") s); \(s.runNote).\n\n" : "\(s.runNote).\n\n"
            if let h = s.runEmptyInboxHyperfine {
                md += "Timed by hyperfine (`\(h.command)`, OMP_THREAD_LIMIT unset): mean \(fmt(h.mean, 3)) s ± \(fmt(h.stddev, 3)), "
                md += "median \(fmt(h.median, 3)) s, min \(fmt(h.min, 3)) s, max \(fmt(h.max, 3)) s over \(h.runs) runs.\n\n"
            }
        }
        if let j = r.job {
            md += "## End-to-end job (`yomitori run`)\n\n"
            if j.runs.isEmpty {
                md += "\(j.note).\n\n"
            } else {
                md += "| workers | files | pages | wall s | reported s | pages/s (reported) | Tesseract s | efficiency | peak RSS MB | exit |\n|---|---|---|---|---|---|---|---|---|---|\n"
                for run in j.runs {
                    md += "| \(run.workers) | \(run.files) | \(run.pages.map(String.init) ?? "—") | \(fmt(run.wallSeconds, 1)) | \(run.reportedDurationSeconds.map { fmt($0, 1) } ?? "—") | "
                    md += "\(run.reportedPagesPerSecond.map { fmt($0, 3) } ?? "—") | \(run.recognitionSeconds.map { fmt($0, 1) } ?? "—") | "
                    md += "\(run.efficiency.map { fmt($0, 2) } ?? "—") | \(fmt(run.peakRSSMB, 0)) | \(run.exitStatus) |\n"
                }
                md += "\n\(j.note). Efficiency here is the run's own report (`reading.efficiency`): seconds inside "
                md += "`TessBaseAPIRecognize` over workers × the run's duration, so start-up (templates prepared, engines created "
                md += "by all workers at once), intake, export, routing and the ledger all count against it.\n\n"
            }
        }
        return md
    }

    static func backlog(_ r: BenchResults) -> String {
        guard let b = r.backlog else { return "" }
        var md = "## Memory with a backlog (\(b.queued) pages queued, \(b.workers) workers)\n\n"
        md += "| queued | read | wall s | pages/s | peak RSS MB | RSS after warm-up MB | RSS at end MB | RSS trend MB/100 pages | all queued would take |\n|---|---|---|---|---|---|---|---|---|\n"
        md += "| \(b.queued) | \(b.processed) | \(fmt(b.wallSeconds, 0)) | \(fmt(b.pagesPerSecond, 3)) | \(fmt(b.peakRSSMB, 0)) | \(fmt(b.rssAfterWarmupMB, 0)) | "
        md += "\(fmt(b.rssEndMB, 0)) | \(fmt(b.rssSlopeMBPer100Pages, 2)) | \(fmt(b.estimatedSecondsForAllQueued / 60, 0)) min |\n\n"
        if let j = b.viaJob {
            md += "Through `yomitori run`: \(j.files) files, \(j.pages.map(String.init) ?? "—") routed in \(fmt(j.wallSeconds, 0)) s, peak RSS \(fmt(j.peakRSSMB, 0)) MB (exit \(j.exitStatus)). \(b.viaJobNote).\n\n"
        } else {
            md += "Through `yomitori run`: \(b.viaJobNote).\n\n"
        }
        return md
    }

    static func fmt(_ v: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", v) }

    static func mega(_ v: Double) -> String { v > 0 ? String(format: "%.0fM", v / 1e6) : "—" }
}
