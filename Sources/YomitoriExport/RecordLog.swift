/// Problems and substitutions of the record being built.
struct RecordLog {
    var problems: [RecordProblem] = []
    var substitutions: [(column: String, from: String?, to: String?)] = []
}
