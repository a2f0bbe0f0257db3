import Foundation
import Synchronization

/// How much CPU other processes on the machine used while a phase ran (in cores), from
/// /proc/stat (machine-wide, all containers) minus this process and its children (getrusage).
/// The machine is shared: a 2-core box with one core taken by something else cannot show 2×.
struct CPUWatch {
    let start: Double
    let machineBusy: Double
    let own: Double
    let load: Double

    init() {
        start = now()
        machineBusy = Self.machineBusySeconds()
        own = Self.ownSeconds()
        load = loadAverage()
    }

    /// Average cores used by other processes since `init`.
    var otherCores: Double {
        let wall = now() - start
        guard wall > 0 else { return 0 }
        let busy = Self.machineBusySeconds() - machineBusy
        let mine = Self.ownSeconds() - own
        return max(0, (busy - mine) / wall)
    }

    /// Busy CPU seconds of the whole machine (user+nice+system+irq+softirq+steal).
    static func machineBusySeconds() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("cpu ") }) else { return 0 }
        let v = line.split(separator: " ").dropFirst().compactMap { Double($0) }
        guard v.count >= 5 else { return 0 }
        let total = v.prefix(8).reduce(0, +)
        let idle = v[3] + v[4]
        return (total - idle) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// CPU seconds of this process and its reaped children.
    static func ownSeconds() -> Double {
        var me = rusage(), children = rusage()
        getrusage(RUSAGE_SELF.rawValue, &me)
        getrusage(RUSAGE_CHILDREN.rawValue, &children)
        func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) * 1e-6 }
        return s(me.ru_utime) + s(me.ru_stime) + s(children.ru_utime) + s(children.ru_stime)
    }
}

/// What the machine gives two busy threads compared with one, right now: a pure-compute loop
/// (no memory traffic, no locks) run on one thread, then on two at once.
enum Calibration {
    static func measure(seconds target: Double = 1) -> BenchResults.Calibration {
        let watch = CPUWatch()
        // Size the loop to about `target` seconds on one thread.
        var iterations = 1_000_000
        while true {
            let t = time(iterations)
            if t > 0.1 { iterations = Int(Double(iterations) * target / t); break }
            iterations *= 4
        }
        let n = iterations
        let one = time(n)
        let start = now()
        let group = DispatchGroup()
        for _ in 0..<2 {
            group.enter()
            Thread {
                _ = time(n)
                group.leave()
            }.start()
        }
        group.wait()
        let two = now() - start
        return BenchResults.Calibration(
            oneThreadSeconds: one, twoThreadsSeconds: two, scaling: 2 * one / two, otherCores: watch.otherCores
        )
    }

    /// Waits (up to `limit` seconds) until other processes use less than a quarter of a core over
    /// 10 s. Returns the seconds waited.
    static func waitForIdle(upTo limit: Double) -> Double {
        let start = now()
        while now() - start < limit {
            let watch = CPUWatch()
            sleep(10)
            let other = watch.otherCores
            if other < 0.25 { break }
            log(String(format: "waiting for the machine: other processes use %.2f cores", other))
        }
        return now() - start
    }

    private static let sink = Atomic<UInt64>(0)

    private static func time(_ n: Int) -> Double {
        let t0 = now()
        var x: UInt64 = 88172645463325252
        for _ in 0..<n {
            x ^= x << 13
            x ^= x >> 7
            x ^= x << 17
        }
        sink.store(x, ordering: .relaxed)
        return now() - t0
    }
}
