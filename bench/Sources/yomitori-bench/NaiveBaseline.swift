import Foundation

/// What a quick RPA script would do: run the `tesseract` command line once per OCR field on the
/// zone cropped from the page (`tesseract crop.png - -l jpn --psm 7`), one field after another.
/// Only the tesseract calls are timed: decoding pages and cropping (which the script would also
/// do) are left out, which favours the script.
struct NaiveBaseline {
    static let arguments = ["-", "-l", "jpn", "--psm", "7"]

    let crops: [StageProfile.Crop]
    /// Pages read by the profile (the denominator of pages/s).
    let pagesRead: Int
    let pageLimit: Int?

    func run(context: () -> BenchResults.Context) throws -> BenchResults.Naive {
        let pages = Set(crops.map(\.page)).sorted()
        let chosen = Set(pageLimit.map { Array(pages.prefix($0)) } ?? pages)
        let selected = crops.filter { chosen.contains($0.page) }
        var seconds: [Double] = []
        var failures = 0
        for (i, crop) in selected.enumerated() {
            // OMP_THREAD_LIMIT=1 is in this process's environment (see OpenMPThreads.setLimitForChildProcesses) and inherited.
            let r = try Subprocess(executable: "tesseract", arguments: [crop.path] + Self.arguments).run()
            seconds.append(r.seconds)
            if !r.succeeded { failures += 1 }
            if (i + 1) % 50 == 0 { log("naive baseline: \(i + 1)/\(selected.count) tesseract calls") }
        }
        let total = seconds.reduce(0, +)
        let pageCount = chosen.count
        return BenchResults.Naive(
            context: context(),
            command: "tesseract CROP.png " + Self.arguments.joined(separator: " ") + "   (OMP_THREAD_LIMIT=1, one call per OCR field, sequential)",
            pages: pageCount, calls: selected.count, secondsTotal: total,
            secondsPerCallP50: median(seconds), secondsPerCallMean: total / Double(max(1, seconds.count)),
            pagesPerSecond: total > 0 ? Double(pageCount) / total : 0, ratio: nil, failures: failures,
            note: "crops are the axis-aligned bounds of each OCR field's registered zone on the scan (FieldRead.zone); checkboxes are not sent to tesseract; decoding and cropping are not timed"
        )
    }
}
