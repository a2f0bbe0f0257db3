public import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// One run of a job at a time on this host: an exclusive `flock(2)` on `<folder>/<job>.lock`.
///
/// Taking the lock never waits: a second `yomitori run` of the same job (an overlapping cron
/// run) fails at once with ``JobLockError/Code/alreadyRunning``. The kernel releases the lock when
/// the holder's descriptor closes — on ``release()``, on deinit, and when the process dies in any
/// way, kill -9 included — so there are no stale locks to clean up. The descriptor is close-on-exec,
/// so programs started by `run:` steps do not inherit (and keep) the lock. The lock file itself stays;
/// it says who holds it. Keep the folder on a local file system (`/run/lock/yomitori`).
public final class JobLock: Sendable {
    public let path: String
    private let descriptor: Mutex<Int32>

    /// The usual place for lock files: cleared at boot, local to the host.
    public static let defaultFolder = "/run/lock/yomitori"

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = Mutex(descriptor)
    }

    deinit {
        release()
    }

    /// Takes the lock of `job` in `folder` (created when missing).
    public static func acquire(job: String, in folder: String = defaultFolder, now: Date = Date()) throws(JobLockError)
        -> JobLock
    {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw JobLockError(.unavailable, "cannot create the lock folder \(folder): \(error.localizedDescription)")
        }
        return try acquire(path: folder + "/" + job + ".lock", job: job, now: now)
    }

    /// Takes the lock on a given lock file.
    public static func acquire(path: String, job: String? = nil, now: Date = Date()) throws(JobLockError) -> JobLock {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw JobLockError(.unavailable, "cannot open lock file \(path): \(String(cString: strerror(errno)))")
        }
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            let holder = readHolder(fd)
            close(fd)
            if code == EWOULDBLOCK {
                let subject = job.map { "job \($0)" } ?? "this job"
                let who = holder.map { " (\($0))" } ?? ""
                throw JobLockError(.alreadyRunning,
                                   "\(subject) is already running\(who); a second run would race the first. "
                                       + "Wait for it to finish, or stop it. Lock file: \(path)",
                                   holder: holder)
            }
            throw JobLockError(.unavailable, "cannot lock \(path): \(String(cString: strerror(code)))")
        }
        let line = "pid \(getpid()) on \(ProcessInfo.processInfo.hostName) since \(ISO8601DateFormatter().string(from: now))\n"
        _ = ftruncate(fd, 0)
        _ = line.withCString { pwrite(fd, $0, strlen($0), 0) }
        return JobLock(path: path, descriptor: fd)
    }

    /// Releases the lock (also done on deinit and by the kernel when the process ends).
    public func release() {
        descriptor.withLock { fd in
            guard fd >= 0 else { return }
            _ = ftruncate(fd, 0)
            flock(fd, LOCK_UN)
            close(fd)
            fd = -1
        }
    }

    private static func readHolder(_ fd: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = pread(fd, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
