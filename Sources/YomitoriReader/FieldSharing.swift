import Foundation

/// Lets workers that have run out of pages read fields of the pages other workers are still reading.
///
/// Without it, the end of every batch leaves all but one worker idle while the last page is read,
/// and a batch of one long PDF is read by one worker however many there are. With it, a worker
/// whose queue is empty calls ``FormReader/help(_:gate:)``: it takes fields of the pages the other
/// members have open (oldest page first), reads them with its own engines, and returns when every
/// member has left. A page's owner reads the rest of its fields and waits only for the fields a
/// helper is reading at that moment.
///
/// Each field is read from the same zone with identically configured engines (LSTM recognition keeps
/// nothing from one call to the next), so a page reads the same whoever reads its fields.
///
/// One `FieldSharing` per batch of work, made for the number of workers taking part; each member
/// leaves exactly once, by ``FormReader/help(_:gate:)`` or ``leave()``.
public final class FieldSharing: @unchecked Sendable {
    private let condition = NSCondition()
    /// Members that have not left yet (guarded by `condition`).
    private var members: Int
    /// Pages being read, oldest first (guarded by `condition`).
    private var open: [SharedItems] = []
    /// Items read by members other than the owner of their page (guarded by `condition`).
    private var helped = 0

    /// - Parameter members: the workers taking part; each must leave once.
    public init(members: Int) {
        precondition(members >= 1, "at least one member")
        self.members = members
    }

    /// Items (fields) read by a member that did not own their page.
    public var itemsHelped: Int {
        condition.lock()
        defer { condition.unlock() }
        return helped
    }

    /// Leaves without helping (a worker without engines).
    public func leave() {
        condition.lock()
        members -= 1
        condition.broadcast()
        condition.unlock()
    }

    /// Runs `body` for every index in `0..<count`, on this thread and on helpers' threads (each
    /// with its own engines), taking them in `order` (default: ascending; put the longest first so
    /// that no thread is left with a long item at the end); returns the results in index order
    /// once all are done.
    func share<T>(_ count: Int, order: [Int]? = nil, engines: EngineSet, _ body: @escaping (Int, EngineSet) -> T) -> [T] {
        let order = order ?? Array(0..<count)
        precondition(order.sorted() == Array(0..<count), "order must list every index once")
        let results = ResultSlots<T>(count: count)
        let items = SharedItems(order: order) { index, engines in results.store(body(index, engines), at: index) }
        condition.lock()
        open.append(items)
        condition.broadcast()
        while let index = items.take() {
            condition.unlock()
            items.run(index, engines)
            condition.lock()
            items.unfinished -= 1
        }
        open.removeAll { $0 === items }
        while items.unfinished > 0 { condition.wait() }
        condition.unlock()
        return results.values()
    }

    /// How long a helper refused by its gate waits before it looks again.
    static let gateRetry = 0.02

    /// Leaves, then reads other members' items with `engines` until every member has left; with a
    /// `gate`, each item only once the gate lets it in (refused, it looks again shortly).
    func leave(helpingWith engines: EngineSet, gate: (any HelpGate)? = nil) {
        condition.lock()
        defer { condition.unlock() }
        members -= 1
        condition.broadcast()
        while true {
            if let items = open.first(where: \.hasUntaken) {
                if let gate, !gate.tryEnter() {
                    _ = condition.wait(until: Date(timeIntervalSinceNow: Self.gateRetry))
                    continue
                }
                guard let index = items.take() else { preconditionFailure("an item was untaken") }
                condition.unlock()
                items.run(index, engines)
                gate?.exit()
                condition.lock()
                items.unfinished -= 1
                helped += 1
                if items.unfinished == 0 { condition.broadcast() }
            } else if members == 0 {
                return  // every member has left, so no page is open
            } else {
                condition.wait()
            }
        }
    }
}

/// What a helper must pass before reading an item: a slot of a limit shared with other work.
/// A helper never waits for it while holding anything: refused, it looks again shortly.
public protocol HelpGate: Sendable {
    /// Takes a slot if one is free now.
    func tryEnter() -> Bool
    /// Gives the slot back.
    func exit()
}

/// The items of one page: which are taken, how many are not finished (guarded by the sharing's lock).
private final class SharedItems {
    private let order: [Int]
    private var next = 0
    var unfinished: Int
    let run: (Int, EngineSet) -> Void

    init(order: [Int], run: @escaping (Int, EngineSet) -> Void) {
        self.order = order
        self.unfinished = order.count
        self.run = run
    }

    var hasUntaken: Bool { next < order.count }

    func take() -> Int? {
        guard next < order.count else { return nil }
        defer { next += 1 }
        return order[next]
    }
}

/// One slot per item, each written once by the thread that ran the item; read by the owner after
/// the sharing's lock has shown every item finished.
private final class ResultSlots<T> {
    private let slots: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: max(count, 1))
        slots.initialize(repeating: nil, count: max(count, 1))
    }

    deinit {
        slots.deinitialize(count: max(count, 1))
        slots.deallocate()
    }

    func store(_ value: T, at index: Int) { slots[index] = value }

    func values() -> [T] {
        (0..<count).map { i in
            guard let value = slots[i] else { preconditionFailure("item \(i) not run") }
            return value
        }
    }
}
