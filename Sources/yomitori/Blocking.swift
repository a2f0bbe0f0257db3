import Foundation

/// Runs async work from a synchronous command and waits for it. The main thread is not part of
/// Swift's cooperative pool, so waiting here starves nothing.
func runBlocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task {
        do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
        done.signal()
    }
    done.wait()
    guard let result = box.result else { preconditionFailure("the task always sets a result") }
    return try result.get()
}

private final class ResultBox<T: Sendable>: @unchecked Sendable {
    var result: Result<T, any Error>?
}
