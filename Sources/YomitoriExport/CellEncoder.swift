import YomitoriText

/// Encodes a cell in the output encoding under the mapping's `on_unencodable` policy.
struct CellEncoder {
    let encoding: OutputEncoding
    let policy: UnencodablePolicy
    let substitutions: [Character: String]

    init(mapping: ExportMapping) {
        encoding = mapping.encoding
        policy = mapping.onUnencodable
        substitutions = mapping.substitutions
    }

    /// The cell's bytes, or nil with the failing characters added to `log`.
    func encode(_ cell: Cell, column: String, log: inout RecordLog) -> [UInt8]? {
        var text = cell.text
        if policy == .substitute, !substitutions.isEmpty, text.contains(where: { substitutions[$0] != nil }) {
            var replaced = ""
            for character in text {
                if let substitute = substitutions[character] {
                    replaced += substitute
                    log.substitutions.append((column, cell.sensitive ? nil : String(character), cell.sensitive ? nil : substitute))
                } else {
                    replaced.append(character)
                }
            }
            text = replaced
        }
        switch encoding.encode(text) {
        case .success(let bytes):
            return bytes
        case .failure(let error):
            for failure in error.failures {
                let invisible = failure.reason == .invisibleFormatCharacter
                log.problems.append(RecordProblem(
                    code: invisible ? .invisibleCharacter : .unencodable,
                    column: column,
                    character: cell.sensitive || invisible ? nil : String(failure.character),
                    scalars: cell.sensitive ? nil : failure.scalars,
                    detail: "not in \(encoding.rawValue)"
                ))
            }
            return nil
        }
    }
}
