import CBenchSupport
import Foundation

/// Monotonic wall clock, in seconds.
func now() -> Double { bench_monotonic_seconds() }

/// What one stretch of work cost the calling thread: wall and CPU time, user-space instructions
/// (when the kernel allows `perf_event_open`) and allocation calls.
struct Cost: Codable, Sendable {
    var seconds: Double = 0
    var cpuSeconds: Double = 0
    var instructions: Double = 0
    var allocations: Double = 0

    static func + (a: Cost, b: Cost) -> Cost {
        Cost(
            seconds: a.seconds + b.seconds, cpuSeconds: a.cpuSeconds + b.cpuSeconds,
            instructions: a.instructions + b.instructions, allocations: a.allocations + b.allocations
        )
    }

    static func - (a: Cost, b: Cost) -> Cost {
        Cost(
            seconds: a.seconds - b.seconds, cpuSeconds: a.cpuSeconds - b.cpuSeconds,
            instructions: a.instructions - b.instructions, allocations: a.allocations - b.allocations
        )
    }

    func divided(by n: Int) -> Cost {
        let d = Double(max(1, n))
        return Cost(seconds: seconds / d, cpuSeconds: cpuSeconds / d, instructions: instructions / d, allocations: allocations / d)
    }
}

/// Per-thread meter: open it on the thread that does the work.
final class ThreadMeter {
    private let fd: Int32

    init() { fd = bench_instructions_open() }
    deinit { bench_instructions_close(fd) }

    /// Whether instruction counts are real (false in containers that forbid perf events).
    var countsInstructions: Bool { fd >= 0 }

    func snapshot() -> Cost {
        Cost(
            seconds: now(), cpuSeconds: bench_thread_cpu_seconds(),
            instructions: Double(bench_instructions_read(fd)), allocations: Double(bench_thread_allocations())
        )
    }

    /// Runs `body` and returns its result with what it cost.
    func measure<T>(_ body: () throws -> T) rethrows -> (T, Cost) {
        let start = snapshot()
        let value = try body()
        return (value, snapshot() - start)
    }
}

/// Resident memory of this process, from `/proc/self/status`.
enum Memory {
    /// Current resident set (VmRSS), in MB.
    static var residentMB: Double { field("VmRSS") }
    /// Peak resident set since start or the last ``resetPeak()`` (VmHWM), in MB.
    static var peakMB: Double { field("VmHWM") }

    /// Returns free heap memory to the system, then resets VmHWM to the current RSS
    /// (`echo 5 > /proc/self/clear_refs`), so each phase reports its own peak. Returns false where
    /// the kernel does not allow it (then peaks are cumulative).
    @discardableResult
    static func resetPeak() -> Bool {
        bench_release_free_memory()
        guard let fh = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? fh.close() }
        do {
            try fh.write(contentsOf: Data("5".utf8))
            return true
        } catch {
            return false
        }
    }

    /// VmRSS / VmHWM of another process, in MB (0 when it is gone).
    static func field(_ name: String, pid: Int32? = nil) -> Double {
        let path = pid.map { "/proc/\($0)/status" } ?? "/proc/self/status"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
            let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
            return kb / 1024
        }
        return 0
    }

    private static func field(_ name: String) -> Double { field(name, pid: nil) }
}

/// Percentile of unsorted values (nearest rank), 0 for none.
func percentile(_ values: [Double], _ p: Double) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    let rank = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
    return sorted[min(sorted.count - 1, max(0, rank))]
}

func median(_ values: [Double]) -> Double { percentile(values, 50) }
