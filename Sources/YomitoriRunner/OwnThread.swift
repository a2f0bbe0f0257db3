import Foundation

/// Runs blocking `body` on a plain thread of its own and waits for it without holding one of
/// Swift's pool threads (one per core): inotify waits, reading reference images while the pool
/// may be held by the settle wait.
func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { (done: CheckedContinuation<T, Never>) in
        Thread.detachNewThread { done.resume(returning: body()) }
    }
}
