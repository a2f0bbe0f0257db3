import Foundation

/// stderr messages and JSON Lines on stdout.
enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("yomitori: " + message + "\n").utf8))
    }
}

final class JSONLinesWriter {
    private let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    func write(_ value: some Encodable) {
        guard var data = try? encoder.encode(value) else { return }
        data.append(0x0A)
        FileHandle.standardOutput.write(data)
    }
}
