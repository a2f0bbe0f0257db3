public import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Waits for changes in one folder: inotify on local file systems, a plain timed wait (the caller
/// then lists the folder) when polling.
///
/// Events only wake the caller up; it always lists the whole folder afterwards, so a lost or
/// coalesced event costs latency, never a file. One thread waits at a time; ``interrupt()`` and
/// ``close()`` may be called from any thread.
public final class FolderWatcher: Sendable {
    public let folder: String
    public let method: DetectionMethod
    /// The inotify descriptor, or -1 when polling.
    private let inotify: Int32
    /// The watch descriptor; -1 after the folder was removed (re-added on the next wait).
    private let watch: Mutex<Int32>
    /// A pipe: writing to it wakes a waiting thread.
    private let wakeRead: Int32
    private let wakeWrite: Int32
    private let closed = Mutex(false)

    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_MODIFY | IN_ATTRIB | IN_DELETE
        | IN_MOVED_FROM | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)

    /// Why ``waitForChange(timeout:)`` returned.
    public enum Wake: Sendable, Hashable {
        /// inotify reported changes to these names (possibly incomplete: list the folder).
        case changed([String])
        /// The kernel's event queue overflowed: list the folder.
        case overflow
        /// The timeout passed (always the case when polling).
        case timeout
        /// ``interrupt()`` or ``close()`` was called.
        case interrupted
    }

    /// Starts watching `folder` as `poll` and its file system say.
    ///
    /// When inotify cannot be set up (the per-user watch limit is reached …), the watcher polls
    /// instead and ``method`` says why.
    public init(folder: String, poll: PollMode) throws(IntakeError) {
        self.folder = folder
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else {
            throw IntakeError(.watchFailed, "cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        for end in pipeEnds {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        }
        wakeRead = pipeEnds[0]
        wakeWrite = pipeEnds[1]
        var method = DetectionMethod.choose(poll: poll, fileSystem: FileSystemKind.of(path: folder))
        var descriptor: Int32 = -1
        var watchDescriptor: Int32 = -1
        if method == .inotify {
            descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            if descriptor >= 0 { watchDescriptor = inotify_add_watch(descriptor, folder, Self.mask) }
            if descriptor < 0 || watchDescriptor < 0 {
                let reason = String(cString: strerror(errno))
                if descriptor >= 0 { Glibc.close(descriptor) }
                descriptor = -1
                method = .polling(reason: "inotify failed: \(reason)")
            }
        }
        inotify = descriptor
        watch = Mutex(watchDescriptor)
        self.method = method
    }

    deinit {
        close()
        Glibc.close(wakeRead)
        Glibc.close(wakeWrite)
    }

    /// Blocks until inotify reports a change, `timeout` seconds pass, or ``interrupt()`` is called.
    public func waitForChange(timeout: TimeInterval) -> Wake {
        if closed.withLock({ $0 }) { return .interrupted }
        if inotify >= 0 { rewatchIfNeeded() }
        var fds = [pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
        if inotify >= 0 { fds.append(pollfd(fd: inotify, events: Int16(POLLIN), revents: 0)) }
        let milliseconds = Int32(max(0, min(timeout, 86_400)) * 1000)
        let ready = poll(&fds, nfds_t(fds.count), milliseconds)
        if ready <= 0 { return .timeout }
        if fds[0].revents != 0 {
            drain(wakeRead)
            return .interrupted
        }
        return readEvents()
    }

    /// Wakes the thread blocked in ``waitForChange(timeout:)``.
    public func interrupt() {
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    /// Stops watching and wakes any waiter; later waits return ``Wake/interrupted`` at once.
    public func close() {
        let wasClosed = closed.withLock { closed in
            defer { closed = true }
            return closed
        }
        guard !wasClosed else { return }
        interrupt()
        if inotify >= 0 { Glibc.close(inotify) }
        // The pipe stays open until deinit so a concurrent waiter never polls a reused descriptor.
    }

    // MARK: - inotify

    private func rewatchIfNeeded() {
        watch.withLock { descriptor in
            if descriptor < 0 { descriptor = inotify_add_watch(inotify, folder, Self.mask) }
        }
    }

    private func readEvents() -> Wake {
        var names: [String] = []
        var overflow = false
        let capacity = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let count = read(inotify, buffer, capacity)
            guard count > 0 else { break }
            var offset = 0
            while offset + 16 <= count {
                let mask = buffer.load(fromByteOffset: offset + 4, as: UInt32.self)
                let length = Int(buffer.load(fromByteOffset: offset + 12, as: UInt32.self))
                if mask & UInt32(IN_Q_OVERFLOW) != 0 { overflow = true }
                if mask & UInt32(IN_IGNORED) != 0 { watch.withLock { $0 = -1 } }
                if length > 0 {
                    let bytes = UnsafeRawBufferPointer(start: buffer + offset + 16, count: length)
                    let name = bytes.prefix { $0 != 0 }
                    if let text = String(validating: name, as: UTF8.self) { names.append(text) }
                }
                offset += 16 + length
            }
        }
        return overflow ? .overflow : .changed(names)
    }

    private func drain(_ descriptor: Int32) {
        var bytes = [UInt8](repeating: 0, count: 64)
        while read(descriptor, &bytes, bytes.count) > 0 {}
    }
}
