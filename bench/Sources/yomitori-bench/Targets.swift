import Foundation

/// The benchmark's targets, checked and reported (never asserted in tests).
enum Targets {
    static func check(_ r: BenchResults) -> [BenchResults.Target] {
        var out: [BenchResults.Target] = []
        func add(_ name: String, _ target: String, _ measured: String?, _ met: Bool?) {
            out.append(BenchResults.Target(name: name, target: target, measured: measured ?? "not measured", met: measured == nil ? nil : met))
        }
        let two = r.throughput(workers: 2)
        add("efficiency, 2 workers", "≥ 0.90 (Tesseract recognition time / wall time per worker)",
            two.map { String(format: "%.2f (%.2f counting the whole engine call; 1 worker: %.2f)", $0.efficiency, $0.efficiencyEngineCall, r.throughput(workers: 1)?.efficiency ?? 0) },
            two.map { $0.efficiency >= 0.90 })
        let job = r.job?.runs.first { $0.workers == 2 && $0.efficiency != nil }
        add("efficiency, 2 workers, `yomitori run` end to end", "≥ 0.90 (the run's recognition seconds / (workers × its duration))",
            job.map { j in
                let one = r.job?.runs.first { $0.workers == 1 }?.efficiency.map { String(format: "; 1 worker: %.2f", $0) } ?? ""
                return String(format: "%.2f (%d pages in %.1f s, start-up included", j.efficiency ?? 0, j.pages ?? 0, j.reportedDurationSeconds ?? j.wallSeconds) + one + ")"
            },
            job.map { ($0.efficiency ?? 0) >= 0.90 })
        add("end-to-end vs naive", "≥ 10× (1 worker vs tesseract CLI per field)",
            r.naive?.ratio.map { String(format: "%.1f×", $0) }, r.naive?.ratio.map { $0 >= 10 })
        let machine = r.calibration.map {
            String(format: " (this machine meanwhile: two busy threads %.2f× one; other processes %.2f cores during the 2-worker run)", $0.scaling, two?.context.otherCores ?? 0)
        } ?? ""
        add("2 workers vs 1", "≥ 1.8×",
            two?.speedup.map { String(format: "%.2f×", $0) + machine }, two?.speedup.map { $0 >= 1.8 })
        if let s = r.startup, !s.runAvailable {
            add("yomitori run, empty inbox", "< 0.3 s", "not available yet", nil)
        } else {
            let median = r.startup?.runEmptyInboxHyperfine?.median ?? r.startup?.runEmptyInboxMedian
            let how = r.startup?.runEmptyInboxHyperfine.map { String(format: " median of %d hyperfine runs (mean %.3f s ± %.3f)", $0.runs, $0.mean, $0.stddev) } ?? " median"
            add("yomitori run, empty inbox", "< 0.3 s", median.map { String(format: "%.3f s", $0) + how }, median.map { $0 < 0.3 })
        }
        if let b = r.backlog {
            add("peak RSS, 5,000 queued (reader API)", "< 400 MB",
                String(format: "%.0f MB (%d queued, %d read)", b.peakRSSMB, b.queued, b.processed), b.peakRSSMB < 400)
            if let j = b.viaJob {
                add("peak RSS, 5,000 queued (yomitori run)", "< 400 MB",
                    String(format: "%.0f MB (%d files, %d routed)", j.peakRSSMB, j.files, j.pages ?? 0), j.peakRSSMB < 400)
            } else {
                add("peak RSS, 5,000 queued (yomitori run)", "< 400 MB", "not available yet", nil)
            }
        } else {
            add("peak RSS, 5,000 queued", "< 400 MB", nil, nil)
        }
        return out
    }
}
