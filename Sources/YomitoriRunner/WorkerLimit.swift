import Synchronization
import YomitoriReader

/// A limit on concurrent page reads shared by every job of one `serve` process (engines stay
/// per job; the limit keeps several busy jobs from oversubscribing the cores).
///
/// A worker holds a slot while it reads a file. A worker that has run out of files and helps
/// another worker's page (``FieldSharing``) holds one only while it reads a field, and only when
/// one is free at once (``tryAcquire()``): it never waits for a slot while it could be waited on.
public final class WorkerLimit: Sendable {
    private struct State {
        var available: Int
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    private let state: Mutex<State>

    public init(_ limit: Int) {
        state = Mutex(State(available: max(1, limit)))
    }

    /// Takes a slot, waiting (first come, first served) until one is free.
    func acquire() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now = state.withLock { s -> Bool in
                if s.available > 0 {
                    s.available -= 1
                    return true
                }
                s.waiting.append(continuation)
                return false
            }
            if now { continuation.resume() }
        }
    }

    /// Takes a slot if one is free now and nobody is waiting for one.
    func tryAcquire() -> Bool {
        state.withLock { s in
            guard s.available > 0, s.waiting.isEmpty else { return false }
            s.available -= 1
            return true
        }
    }

    /// Gives a slot back (to the longest waiting, if any).
    func release() {
        let next = state.withLock { s -> CheckedContinuation<Void, Never>? in
            if s.waiting.isEmpty {
                s.available += 1
                return nil
            }
            return s.waiting.removeFirst()
        }
        next?.resume()
    }
}

/// A helping worker's way through a shared limit: a slot per field, only when one is free at once.
struct LimitGate: HelpGate {
    let limit: WorkerLimit
    func tryEnter() -> Bool { limit.tryAcquire() }
    func exit() { limit.release() }
}
