public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Puts a file that could not be processed into an error folder with a note saying why, in
/// Japanese and English: `<name>`, `<name>.error.txt` and `<name>.error.json`.
///
/// The file is never lost: it is renamed (or, across file systems, copied, flushed and only then
/// removed), and nothing in the error folder is overwritten — a second `scan.pdf` becomes
/// `scan (2).pdf`. The notes are written first, each atomically (temporary file + rename); a crash
/// between the notes and the move leaves the file where it was, and the next attempt with the same
/// input id reuses the name and rewrites the notes.
public enum Quarantine {
    /// Moves `file` into `errorFolder` (created when missing) as `name` (default: its own name).
    ///
    /// - Returns: where the file and its notes are.
    /// - Throws: ``IntakeError`` when the notes or the file cannot be written; the file is then
    ///   still at its old place.
    public static func move(
        file: String, to errorFolder: String, reason: QuarantineReason, name: String? = nil, now: Date = Date()
    ) throws(IntakeError) -> QuarantinedFile {
        let baseName = name ?? (file as NSString).lastPathComponent
        try DurableFile.makeFolder(errorFolder)
        for attempt in 1...1000 {
            let candidate = DurableFile.candidateName(baseName, attempt: attempt)
            let target = errorFolder + "/" + candidate
            let result = QuarantinedFile(path: target, textPath: target + ".error.txt", jsonPath: target + ".error.json")
            guard isFree(result, for: reason.inputID) else { continue }
            try writeNote(text(reason, fileName: baseName, now: now), to: result.textPath)
            try writeNote(json(reason, fileName: baseName, now: now), to: result.jsonPath)
            switch try DurableFile.move(file, to: target) {
            case .moved:
                return result
            case .destinationExists:  // taken meanwhile by another file: take our notes back, try the next name
                unlink(result.textPath)
                unlink(result.jsonPath)
            case .sourceMissing:
                unlink(result.textPath)
                unlink(result.jsonPath)
                throw IntakeError(.ioFailed, "\(file) does not exist")
            }
        }
        throw IntakeError(.destinationExists, "\(errorFolder) already has 1000 files named like \(baseName)")
    }

    /// A name is free when the file is not there and its notes are absent or were written for the same input.
    private static func isFree(_ candidate: QuarantinedFile, for inputID: String?) -> Bool {
        let manager = FileManager.default
        guard !manager.fileExists(atPath: candidate.path) else { return false }
        let notes = [candidate.textPath, candidate.jsonPath].filter { manager.fileExists(atPath: $0) }
        guard !notes.isEmpty else { return true }
        guard let inputID, let data = manager.contents(atPath: candidate.jsonPath),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return false }
        return object["input_id"] as? String == inputID
    }

    private static func writeNote(_ text: String, to path: String) throws(IntakeError) {
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = folder + "/.yomitori-tmp-" + UUID().uuidString.lowercased()
        try DurableFile.write(Data(text.utf8), to: temporary)
        guard rename(temporary, path) == 0 else {
            let error = DurableFile.failure("cannot write \(path)")
            unlink(temporary)
            throw error
        }
        DurableFile.syncFolder(folder)
    }

    static func timestamp(_ date: Date, _ zone: TimeZone) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = zone
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    static func text(_ reason: QuarantineReason, fileName: String, now: Date) -> String {
        """
        このファイルは処理できませんでした。 / This file could not be processed.

        ファイル / File:  \(fileName)
        理由:            \(reason.messageJA)
        Reason:          \(reason.messageEN)
        コード / Code:    \(reason.code)
        ジョブ / Job:     \(reason.job)
        実行 / Run:       \(reason.run ?? "-")
        日時 / Time:      \(timestamp(now, reason.timeZone))

        直してから受付フォルダーに入れ直すと、もう一度処理されます。
        After fixing the problem, put the file into the inbox again to have it processed.

        """
    }

    static func json(_ reason: QuarantineReason, fileName: String, now: Date) -> String {
        var object: [String: String] = [
            "code": reason.code, "message_ja": reason.messageJA, "message_en": reason.messageEN,
            "time": timestamp(now, reason.timeZone), "job": reason.job, "file": fileName,
        ]
        if let run = reason.run { object["run"] = run }
        if let inputID = reason.inputID { object["input_id"] = inputID }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys,
                                                                                   .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
