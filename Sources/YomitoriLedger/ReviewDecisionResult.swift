/// What a decision did to the page's input.
public struct ReviewDecisionResult: Sendable, Hashable {
    /// The input's state after the decision (`review` while other pages still wait).
    public var inputState: InputState
    /// True when the input was handed back to its job's runner (export or error route).
    public var released: Bool

    public init(inputState: InputState, released: Bool) {
        self.inputState = inputState
        self.released = released
    }
}
