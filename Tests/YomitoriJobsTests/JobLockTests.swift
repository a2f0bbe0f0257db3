import YomitoriYAML
import Foundation
import Testing
import YomitoriJobs

@Suite("Job lock", .timeLimit(.minutes(1)))
struct JobLockTests {
    @Test("a second lock of the same job fails at once, naming the holder; release frees it")
    func secondLockFails() throws {
        let folder = try TemporaryFolder("lock")
        defer { folder.remove() }
        let first = try JobLock.acquire(job: "juminhyo", in: folder.path)
        do {
            _ = try JobLock.acquire(job: "juminhyo", in: folder.path)
            Issue.record("expected alreadyRunning")
        } catch {
            #expect(error.code == .alreadyRunning)
            #expect(error.holder?.hasPrefix("pid \(getpid()) on ") == true)
            #expect(error.message.hasPrefix("job juminhyo is already running (pid \(getpid())"))
        }
        _ = try JobLock.acquire(job: "tennyu", in: folder.path)  // other jobs are independent
        first.release()
        let again = try JobLock.acquire(job: "juminhyo", in: folder.path)
        again.release()
    }

    @Test("the lock is freed when its holder is killed with SIGKILL")
    func freedWhenHolderKilled() throws {
        let folder = try TemporaryFolder("lock")
        defer { folder.remove() }
        let path = folder.file("juminhyo.lock")
        // flock(1) takes the lock and becomes `sleep` (no fork), so the sleeping process is the only holder.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = ["--exclusive", "--no-fork", path, "/bin/sleep", "60"]
        try holder.run()
        defer { if holder.isRunning { kill(holder.processIdentifier, SIGKILL) } }

        var held = false
        for _ in 0..<500 where !held {  // until flock(1) has the lock; at most 10 s
            do {
                try JobLock.acquire(path: path).release()
                usleep(20_000)
            } catch {
                #expect(error.code == .alreadyRunning)
                held = true
            }
        }
        #expect(held)
        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        #expect(holder.terminationReason == .uncaughtSignal)
        let lock = try JobLock.acquire(path: path, job: "juminhyo")
        lock.release()
    }

    @Test("programs started while the lock is held do not inherit it")
    func notInheritedByChildren() throws {
        let folder = try TemporaryFolder("lock")
        defer { folder.remove() }
        let lock = try JobLock.acquire(job: "jido_koza", in: folder.path)
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/sleep")
        child.arguments = ["30"]
        try child.run()
        defer {
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
        }
        lock.release()
        let next = try JobLock.acquire(job: "jido_koza", in: folder.path)  // the sleeping child holds nothing
        next.release()
    }
}
