/// Where ``Quarantine/move(file:to:reason:name:now:)`` put a file and its notes.
public struct QuarantinedFile: Sendable, Hashable {
    public var path: String
    /// `<name>.error.txt`: the reason in Japanese and English, for the clerk.
    public var textPath: String
    /// `<name>.error.json`: code, message_ja, message_en, time, job, run, file, input_id.
    public var jsonPath: String

    public init(path: String, textPath: String, jsonPath: String) {
        self.path = path
        self.textPath = textPath
        self.jsonPath = jsonPath
    }
}
