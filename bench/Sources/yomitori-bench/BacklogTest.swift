import Foundation
import Synchronization
import YomitoriReader

/// Memory with a large backlog: thousands of page references queued, read streaming by two
/// workers, RSS sampled every second. Memory must stay at a few pages in flight plus the engines.
struct BacklogTest {
    let templates: [PreparedTemplate]
    let corpus: Corpus
    let queued: Int
    let processed: Int
    let workers: Int

    func run(context: () -> BenchResults.Context) -> BenchResults.Backlog {
        // The corpus pages, reused in turn until `queued` references are queued.
        let queue = PageQueue(corpus: corpus, count: queued, limit: processed)
        let pagesDone = Atomic<Int>(0)
        let samples = Mutex<[BenchResults.RSSSample]>([])
        let stop = Atomic<Bool>(false)
        let workers = ReaderWorkers(templates: templates, warmup: corpus.files.first?.path)
        Memory.resetPeak()
        let start = now()
        let sampler = Thread {
            while !stop.load(ordering: .relaxed) {
                let sample = BenchResults.RSSSample(t: now() - start, rssMB: Memory.residentMB, pages: pagesDone.load(ordering: .relaxed))
                samples.withLock { $0.append(sample) }
                if sample.pages > 0 && sample.pages % 100 < 2 { log("backlog: \(sample.pages) of \(queue.limit) read, RSS \(Int(sample.rssMB)) MB") }
                usleep(1_000_000)
            }
        }
        sampler.start()
        let run = workers.run(workers: self.workers, queue: queue) {
            pagesDone.add(1, ordering: .relaxed)
        }
        stop.store(true, ordering: .relaxed)
        usleep(1_100_000)
        let peak = Memory.peakMB
        let series = samples.withLock { $0 }
        let pages = run.workers.reduce(0) { $0 + $1.pages }
        // RSS once reading is under way (the engines exist) and at the end, and the trend in between.
        let warm = series.first { $0.pages > 0 }?.rssMB ?? Memory.residentMB
        let end = series.last?.rssMB ?? Memory.residentMB
        let trend = series.filter { $0.pages >= max(1, pages / 10) }
        return BenchResults.Backlog(
            context: context(), queued: queue.queued, processed: pages, workers: self.workers,
            wallSeconds: run.wall, pagesPerSecond: Double(pages) / max(run.wall, 1e-9),
            peakRSSMB: peak, rssAfterWarmupMB: warm, rssEndMB: end,
            rssSlopeMBPer100Pages: Self.slope(trend.map { Double($0.pages) }, trend.map(\.rssMB)) * 100,
            estimatedSecondsForAllQueued: Double(queue.queued) / max(Double(pages) / max(run.wall, 1e-9), 1e-9),
            samples: series, viaJob: nil, viaJobNote: "not run"
        )
    }

    /// Least-squares slope of y on x (0 with fewer than 3 points).
    static func slope(_ x: [Double], _ y: [Double]) -> Double {
        guard x.count >= 3 else { return 0 }
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var num = 0.0, den = 0.0
        for (a, b) in zip(x, y) {
            num += (a - mx) * (b - my)
            den += (a - mx) * (a - mx)
        }
        return den > 0 ? num / den : 0
    }
}
