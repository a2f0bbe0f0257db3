import YomitoriResults
import YomitoriText

/// Builds a column's text for a page: source → date format → normalisers → code map → padding.
struct ColumnResolver {
    let context: ExportContext
    private let today: JapaneseDate

    init(context: ExportContext) {
        self.context = context
        today = context.today
    }

    /// The column's text for `page`, or every problem found.
    func resolve(_ column: ExportColumn, _ page: PageRead) -> ColumnOutcome {
        var cell = Cell(text: "", sensitive: false)
        switch column.source {
        case .constant(let text):
            cell.text = text
        case .derived(let derived):
            cell.text = derivedText(derived, column, page)
        case .field(let name):
            guard let field = page[field: name] else {
                return .problems([RecordProblem(code: .unknownField, column: column.name,
                                               detail: "template \(page.template) has no field '\(name)'")])
            }
            cell.text = (field.normalized ?? field.value)?.string ?? ""
            cell.sensitive = field.sensitive
            if field.sensitive && cell.text.contains("*") {
                return .problems([RecordProblem(code: .maskedValue, column: column.name,
                                               detail: "recorded masked; read again with --show-sensitive")])
            }
            if let format = column.dateFormat, !cell.text.isEmpty {
                switch JapaneseDate.parse(cell.text, mode: .juki) {
                case .success(let date): cell.text = format.string(date)
                case .failure: return .problems([RecordProblem(code: .unparsedDate, column: column.name)])
                }
            }
        }
        for step in column.normalizers {
            do {
                cell.text = try step.apply(cell.text)
            } catch {
                return .problems(Self.zenginProblems(error, column: column.name, sensitive: cell.sensitive))
            }
        }
        if let codes = column.codeMap {
            guard let code = codes[cell.text] else {
                return .problems([RecordProblem(code: .unmappedValue, column: column.name,
                                               detail: cell.text.isEmpty ? "empty value not in map" : "value not in map")])
            }
            cell.text = code
        }
        if let width = column.width {
            let count = cell.text.count
            if count > width {
                return .problems([RecordProblem(code: .overflow, column: column.name, detail: "\(count) characters, width \(width)")])
            }
            if let pad = column.padLeft, count > 0 {
                cell.text = String(repeating: pad, count: width - count) + cell.text
            }
        }
        return .cell(cell)
    }

    private func derivedText(_ derived: DerivedValue, _ column: ExportColumn, _ page: PageRead) -> String {
        switch derived {
        case .today: (column.dateFormat ?? .iso).string(today)
        case .runID: context.run
        case .sourceFile: page.file
        case .sourcePage: String(page.page + 1)
        case .template: page.template
        }
    }

    /// A 全銀 kana failure as record problems: one per offending character (hidden when sensitive).
    static func zenginProblems(_ error: ZenginKanaError, column: String, sensitive: Bool) -> [RecordProblem] {
        switch error.code {
        case .disallowedCharacter:
            return error.offenses.map { offense in
                RecordProblem(code: .zenginKana, column: column,
                              character: sensitive ? nil : String(offense.character),
                              scalars: sensitive ? nil : offense.scalars, detail: "not allowed in 全銀 kana")
            }
        case .tooLong:
            return [RecordProblem(code: .zenginKana, column: column,
                                  detail: "\(error.byteCount ?? 0) bytes, limit \(error.maxBytes ?? 0); never truncated")]
        default:
            return [RecordProblem(code: .missingValue, column: column, detail: "empty after 全銀 kana conversion")]
        }
    }
}
