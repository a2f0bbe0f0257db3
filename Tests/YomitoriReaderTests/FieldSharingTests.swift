import Foundation
import Testing
import YomitoriOCR
@testable import YomitoriReader
import YomitoriResults
import YomitoriTemplate
import YomitoriText

/// Workers out of pages reading fields of the pages other workers are reading.
@Suite("Field sharing")
struct FieldSharingTests {
    /// Runs `body` on a thread of its own, as a worker does with the reader (and engines) it alone
    /// uses; the returned semaphore is signalled when it returns.
    private func onThread(_ body: @escaping () -> Void) -> DispatchSemaphore {
        let done = DispatchSemaphore(value: 0)
        let work = HandedOver(body)
        let thread = Thread {
            work.value()
            done.signal()
        }
        thread.start()
        return done
    }

    @Test("Alone, the owner runs every item in order and gets the results in order")
    func alone() {
        let sharing = FieldSharing(members: 1)
        let engines = EngineSet()
        let order = Order()
        let results = sharing.share(5, engines: engines) { index, _ in
            order.append(index)
            return index * 10
        }
        #expect(results == [0, 10, 20, 30, 40])
        #expect(order.values == [0, 1, 2, 3, 4])
        #expect(sharing.itemsHelped == 0)
        sharing.leave()
    }

    @Test("A member out of pages reads an item while the owner is busy with another; results keep their order")
    func helperTakesAnItem() {
        let sharing = FieldSharing(members: 2)
        let ownerEngines = EngineSet(), helperEngines = EngineSet()
        let helper = onThread { sharing.leave(helpingWith: helperEngines) }
        // The owner holds item 0 until someone else has read item 1: only the helper can.
        let itemOneRead = DispatchSemaphore(value: 0)
        let results = sharing.share(4, engines: ownerEngines) { index, engines in
            if index == 0 { #expect(itemOneRead.wait(timeout: .now() + 30) == .success, "the helper never read item 1") }
            if index == 1 { itemOneRead.signal() }
            return Reader(index: index, engines: ObjectIdentifier(engines))
        }
        #expect(results.map(\.index) == [0, 1, 2, 3])
        #expect(results[0].engines == ObjectIdentifier(ownerEngines))
        #expect(results[1].engines == ObjectIdentifier(helperEngines))
        #expect(sharing.itemsHelped == results.filter { $0.engines == ObjectIdentifier(helperEngines) }.count)
        sharing.leave()  // the owner has no more pages: the helper may stop
        #expect(helper.wait(timeout: .now() + 30) == .success, "the helper did not return after every member left")
    }

    @Test("Behind a gate (a slot limit shared with other jobs) a helper waits for a free slot without holding one, then helps")
    func gatedHelper() {
        let sharing = FieldSharing(members: 2)
        let gate = CountingGate(refusals: 3)
        let helperEngines = EngineSet()
        let helper = onThread { sharing.leave(helpingWith: helperEngines, gate: gate) }
        let itemOneRead = DispatchSemaphore(value: 0)
        let results = sharing.share(3, engines: EngineSet()) { index, engines in
            if index == 0 { #expect(itemOneRead.wait(timeout: .now() + 30) == .success, "the helper never read item 1") }
            if index == 1 { itemOneRead.signal() }
            return ObjectIdentifier(engines)
        }
        #expect(results[1] == ObjectIdentifier(helperEngines))
        sharing.leave()
        #expect(helper.wait(timeout: .now() + 30) == .success)
        let counts = gate.counts
        #expect(counts.refused == 3, "the helper asked again after each refusal")
        #expect(counts.entered == sharing.itemsHelped && counts.exited == counts.entered, "a slot per field read, each given back")
    }

    @Test("Four workers, pages of 0 to 8 items at random paces, some behind a gate: every result in its place, every worker returns")
    func stress() {
        let members = 4
        let sharing = FieldSharing(members: members)
        let gate = CountingGate(refusals: 5)
        let failures = Order()
        var done: [DispatchSemaphore] = []
        for member in 0..<members {
            done.append(onThread {
                var random = SystemRandomNumberGenerator()
                let engines = EngineSet()
                for page in 0..<(member + 1) * 6 {
                    let count = Int.random(in: 0...8, using: &random)
                    let order = Array(0..<count).shuffled(using: &random)
                    let results = sharing.share(count, order: order, engines: engines) { index, _ in
                        usleep(UInt32.random(in: 0...2_000))
                        return page * 100 + index
                    }
                    if results != (0..<count).map({ page * 100 + $0 }) { failures.append(member) }
                }
                if member % 2 == 0 { sharing.leave(helpingWith: engines, gate: gate) } else { sharing.leave(helpingWith: engines) }
            })
        }
        for (member, semaphore) in done.enumerated() {
            #expect(semaphore.wait(timeout: .now() + 60) == .success, "worker \(member) did not return")
        }
        #expect(failures.values.isEmpty, "results out of place for workers \(failures.values)")
        #expect(sharing.itemsHelped > 0, "the first workers out of pages helped the others")
        let counts = gate.counts
        #expect(counts.entered == counts.exited)
    }

    @Test("Helpers return once every member has left, also when there was nothing to help with")
    func helpersReturn() {
        let sharing = FieldSharing(members: 3)
        let a = onThread { sharing.leave(helpingWith: EngineSet()) }
        let b = onThread { sharing.leave(helpingWith: EngineSet()) }
        #expect(a.wait(timeout: .now() + 0.2) == .timedOut, "a helper returned while a member still had pages")
        sharing.leave()
        #expect(a.wait(timeout: .now() + 30) == .success)
        #expect(b.wait(timeout: .now() + 30) == .success)
        #expect(sharing.itemsHelped == 0)
    }

    @Test("Fields are shared longest first: comb boxes and long text before short fields, tick boxes last")
    func costOrder() {
        func field(_ type: FieldType, width: Double, boxes: Int = 0) -> FieldSpec {
            FieldSpec(
                name: "f", type: type, zone: RectMM(x: 0, y: 0, width: width, height: 8), language: "",
                boxes: (0..<boxes).map { RectMM(x: Double($0) * 5, y: 0, width: 5, height: 8) }
            )
        }
        let myNumber = RecognitionProfile.expectedCost(field(.comb, width: 60, boxes: 12))
        let name = RecognitionProfile.expectedCost(field(.text, width: 80))
        let shortName = RecognitionProfile.expectedCost(field(.text, width: 30))
        let postcode = RecognitionProfile.expectedCost(field(.digits, width: 30))
        let tick = RecognitionProfile.expectedCost(field(.checkbox, width: 5))
        #expect(myNumber > name && name > shortName && postcode > tick)
        // Digits are confirmed by a read without the whitelist: three reads, as text of the same width.
        #expect(postcode == shortName)
        // So are phone numbers (the Latin model's raw line, or jpn as one word).
        #expect(RecognitionProfile.expectedCost(field(.phone, width: 30)) == postcode, "a phone number: three reads")
        #expect(tick == 0)
    }

    @Test("A page read with a helping worker reads the same as read by one worker (real Tesseract)")
    func sameReadWithHelp() throws {
        let scan = try ScanFile(path: SampleCorpus.scans.appendingPathComponent("b_jido_koza-degraded-02.jpg").path)
        let image = try scan.page(0)
        let id = PageID(file: "b_jido_koza-degraded-02.jpg", page: 0)
        let owner = try SampleCorpus.reader(), helper = try SampleCorpus.reader()
        try owner.preload()
        try helper.preload()
        let today = JapaneseDate(year: 2026, month: 12, day: 1)!
        guard case .read(let alone) = owner.read(image, id: id, today: today) else {
            Issue.record("page not read")
            return
        }
        // The helper usually takes fields at once; on a busy machine it may not get a core in time,
        // so try again (the values must match whoever read what).
        var helped = 0
        for _ in 0..<3 where helped == 0 {
            let sharing = FieldSharing(members: 2)
            let done = onThread { helper.help(sharing) }
            let outcome = owner.read(image, id: id, today: today, sharing: sharing)
            sharing.leave()
            #expect(done.wait(timeout: .now() + 60) == .success)
            guard case .read(let shared) = outcome else {
                Issue.record("page not read with sharing")
                return
            }
            #expect(try encoded(shared) == encoded(alone))
            helped = sharing.itemsHelped
        }
        #expect(helped > 0, "the helping worker read no field in three pages")
        #expect(helper.engines.recognitions > 0)
    }

    private func encoded(_ page: PageRead) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(page), as: UTF8.self)
    }
}

/// A value handed to another thread that uses it alone from then on.
private struct HandedOver<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

private struct Reader: Equatable {
    var index: Int
    var engines: ObjectIdentifier
}

/// A gate that refuses the first `refusals` requests, then lets every request in; counts them.
private final class CountingGate: HelpGate, @unchecked Sendable {
    private let lock = NSLock()
    private var refusalsLeft: Int
    private var refused = 0, entered = 0, exited = 0

    init(refusals: Int) { refusalsLeft = refusals }

    func tryEnter() -> Bool {
        lock.withLock {
            if refusalsLeft > 0 {
                refusalsLeft -= 1
                refused += 1
                return false
            }
            entered += 1
            return true
        }
    }

    func exit() { lock.withLock { exited += 1 } }

    var counts: (refused: Int, entered: Int, exited: Int) { lock.withLock { (refused, entered, exited) } }
}

/// Indices in the order items ran (items may run on several threads).
private final class Order: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [Int] = []
    func append(_ i: Int) { lock.withLock { list.append(i) } }
    var values: [Int] { lock.withLock { list } }
}
