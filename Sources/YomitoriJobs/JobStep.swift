/// A step as listed in a job file: what it does, when it applies, and where it was written.
public struct JobStep: Sendable, Equatable {
    public var step: Step
    /// `always` unless the job file says otherwise (only `run` and `notify` take `when:`).
    public var when: StepCondition
    /// 1-based line of the step in the job file, for messages.
    public var line: Int?

    public init(_ step: Step, when: StepCondition = .always, line: Int? = nil) {
        self.step = step
        self.when = when
        self.line = line
    }
}
