import YomitoriResults
import YomitoriText

/// A 全銀 総合振込 file: header (1), one data record (2) per accepted page, trailer (8), end (9).
///
/// Every record is 120 bytes of single-byte CP932 (JIS X 0201), followed by CR LF or nothing.
/// Items are checked per record: numbers must be digits that fit, names must convert to 全銀 kana
/// within their width (never truncated), amounts must be at least 1 yen. A record that fails
/// goes to review; the trailer counts and sums only the records written.
struct ZenginLayout: RecordLayout {
    let mapping: ExportMapping
    let settings: ZenginSettings
    let context: ExportContext
    let resolver: ColumnResolver
    private(set) var count = 0
    private(set) var total = 0

    /// The largest 合計件数 and 合計金額 a trailer can hold.
    static let maxCount = 999_999
    static let maxTotal = 999_999_999_999

    init(mapping: ExportMapping, settings: ZenginSettings, context: ExportContext) {
        self.mapping = mapping
        self.settings = settings
        self.context = context
        resolver = ColumnResolver(context: context)
    }

    func start() throws(ExportError) -> [UInt8] {
        let date = context.transferDate ?? settings.transferDate
        guard date.count == 4, date.allSatisfy({ $0.isASCII && $0.isNumber }), MappingParser.isMonthDay(date) else {
            throw ExportError(code: .invalidTransferDate, message: "振込指定日 must be MMDD, got '\(date)'")
        }
        return try encoded(ZenginRecord.header(settings, transferDate: date), what: "header record")
    }

    mutating func record(_ page: PageRead, log: inout RecordLog) -> [UInt8]? {
        var items = ZenginItems(settings: settings, resolver: resolver, page: page)
        let data = items.data()
        log.problems += items.problems
        guard let data, log.problems.isEmpty else { return nil }
        let amount = Int(data.amount) ?? 0
        guard let bytes = try? encoded(ZenginRecord.data(data), what: "data record") else {
            log.problems.append(RecordProblem(code: .unencodable, detail: "record is not 120 single bytes"))
            return nil
        }
        count += 1
        total += amount
        return bytes
    }

    func finish() throws(ExportError) -> [UInt8] {
        guard count <= Self.maxCount else {
            throw ExportError(code: .zenginLimit, message: "\(count) data records; a 全銀 trailer holds at most 999,999")
        }
        guard total <= Self.maxTotal else {
            throw ExportError(code: .zenginLimit, message: "total \(total) yen; a 全銀 trailer holds at most 999,999,999,999")
        }
        return try encoded(ZenginRecord.trailer(count: count, total: total), what: "trailer record")
            + encoded(ZenginRecord.end, what: "end record")
    }

    /// A record's bytes with the line ending, after checking: 120 bytes, single-byte only.
    private func encoded(_ record: String, what: String) throws(ExportError) -> [UInt8] {
        guard case .success(let bytes) = CP932.encode(record, replacements: [:]),
              bytes.count == ZenginRecord.length,
              bytes.allSatisfy({ (0x20...0x7E).contains($0) || (0xA1...0xDF).contains($0) })
        else {
            throw ExportError(code: .invalidMapping, message: "the 全銀 \(what) is not 120 single-byte characters")
        }
        return bytes + mapping.newline.bytes
    }
}
