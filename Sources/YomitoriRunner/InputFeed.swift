/// The inputs of one batch, handed to the workers in order while they are still being claimed:
/// reading starts with the first file claimed, not after the last.
///
/// Positions are the order inputs were appended (resumed inputs first, then new files as
/// claimed); results are committed in that order. A worker asking for the next input waits while
/// the feed is empty but not finished; once finished, or once the asking task is cancelled, it
/// gets nil.
actor InputFeed {
    private var inputs: [InputToRead] = []
    private var position = 0
    private var finished = false
    private var waiting: [CheckedContinuation<(Int, InputToRead)?, Never>] = []

    init(_ inputs: [InputToRead] = []) {
        self.inputs = inputs
    }

    /// Inputs appended so far.
    var count: Int { inputs.count }

    /// The inputs from `position` on, in order.
    func inputs(from position: Int) -> [InputToRead] {
        Array(inputs[min(position, inputs.count)...])
    }

    func append(_ input: InputToRead) {
        precondition(!finished, "input appended to a finished feed")
        inputs.append(input)
        if !waiting.isEmpty { waiting.removeFirst().resume(returning: take()) }
    }

    /// No more inputs: workers waiting, or asking later once the rest is taken, get nil.
    func finish() {
        finished = true
        for waiter in waiting { waiter.resume(returning: nil) }
        waiting = []
    }

    /// The next input and its position, or nil when there are no more (or the caller is cancelled).
    func next() async -> (Int, InputToRead)? {
        if Task.isCancelled { return nil }
        if position < inputs.count { return take() }
        if finished { return nil }
        return await withCheckedContinuation { waiting.append($0) }
    }

    private func take() -> (Int, InputToRead) {
        defer { position += 1 }
        return (position, inputs[position])
    }
}
