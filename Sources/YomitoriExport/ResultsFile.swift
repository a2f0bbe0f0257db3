import Foundation
import YomitoriResults

/// Reads the JSON Lines that `yomitori read` prints (and the ledger keeps): one page per line, or
/// an error record `{"file":…,"page":…,"error":{"code":…,"message":…}}` for a page that could
/// not be read.
///
/// Blank lines are skipped. A line that is neither stops the export: an import file made from a
/// results file that is cut or mixed up would miss pages without anyone noticing.
public struct ResultsFile: PageSource {
    private let handle: FileHandle
    private let path: String
    private var buffer: [UInt8] = []
    /// Where the next line starts in `buffer`.
    private var cursor = 0
    private var atEnd = false
    private var lineNumber = 0
    private let decoder = JSONDecoder()

    /// Opens a results file; `-` reads standard input.
    public init(path: String) throws(ExportError) {
        self.path = path
        if path == "-" {
            handle = FileHandle.standardInput
        } else if let handle = FileHandle(forReadingAtPath: path) {
            self.handle = handle
        } else {
            throw ExportError(code: .malformedInput, message: "\(path): cannot be opened")
        }
    }

    public mutating func next() throws(ExportError) -> ExportItem? {
        while let line = try nextLine() {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let data = Data(line)
            do {
                return .page(try decoder.decode(PageRead.self, from: data))
            } catch let pageError {
                if let record = try? decoder.decode(ErrorLine.self, from: data) {
                    return .unreadable(file: record.file, page: record.page, code: record.error.code)
                }
                throw ExportError(code: .malformedInput,
                                  message: "\(path):\(lineNumber): not a page of `yomitori read`: \(Self.explain(pageError))")
            }
        }
        return nil
    }

    // MARK: - Helpers

    /// The next line without its LF, or nil at the end of the input.
    private mutating func nextLine() throws(ExportError) -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer[cursor...].firstIndex(of: 0x0A) {
                let line = buffer[cursor..<newline]
                cursor = newline + 1
                return line
            }
            if atEnd {
                guard cursor < buffer.count else { return nil }
                let line = buffer[cursor...]
                cursor = buffer.count
                return line
            }
            // Keep only the unfinished line, then read on.
            buffer.removeSubrange(..<cursor)
            cursor = 0
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: 1 << 20)
            } catch {
                throw ExportError(code: .io, message: "\(path): \(error.localizedDescription)")
            }
            if let chunk, !chunk.isEmpty { buffer += chunk } else { atEnd = true }
        }
    }

    /// A decoding error in a few words (the coding path and what was wrong; never the value).
    private static func explain(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "not JSON" }
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty: return "not JSON"
        case .keyNotFound(let key, let context): return "missing \(path(context.codingPath + [key]))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "unexpected value at \(path(context.codingPath))"
        @unknown default: return "not a page record"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
    }

    /// The error record `yomitori read` prints for a file or page it could not read.
    private struct ErrorLine: Decodable {
        struct Detail: Decodable {
            var code: String
        }
        var file: String
        var page: Int?
        var error: Detail
    }
}
