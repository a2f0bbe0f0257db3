import YomitoriHashing
import Foundation
public import YomitoriLedger
#if canImport(Glibc)
import Glibc
#endif

/// Writes a batch's export files exactly once, with the ledger as the record of what was written.
///
/// The order is what makes it exactly-once (see `docs/jobs.md`, "Crash consistency"):
/// 1. the output paths (final and temporary) are recorded in the ledger — a final path that any
///    other batch recorded, or that already exists on disk, is refused;
/// 2. the content is written to hidden temporary files in the output folders and flushed;
/// 3. **commit point**: the batch is marked `written` with each file's SHA-256, in one transaction;
/// 4. the temporary files are renamed (never replacing anything) to their final names.
///
/// A file appears under its final name only after step 3, so the receiving system never sees a
/// batch the ledger does not know as written, and a batch recorded as written is never written
/// again: after a crash, ``recover(job:)`` only finishes step 4.
public struct BatchWriter: Sendable {
    public let ledger: any Ledger

    public init(ledger: any Ledger) {
        self.ledger = ledger
    }

    /// The hidden temporary path of an output: same folder, named after the batch and position.
    public static func temporaryPath(for path: String, batchID: String, position: Int) -> String {
        (path as NSString).deletingLastPathComponent + "/.yomitori-tmp-\(batchID)-\(position)"
    }

    /// Writes an open batch's files (steps 1–4). For a batch already written with the same paths,
    /// only puts the files in place.
    public func write(batch: BatchRecord, files: [OutputFile], recordCount: Int) async throws -> [PlacedOutput] {
        let outputs = files.enumerated().map { position, file in
            BatchOutput(path: file.path, temporaryPath: Self.temporaryPath(for: file.path, batchID: batch.id, position: position))
        }
        guard let stored = try await ledger.batch(id: batch.id) else {
            throw BatchWriteError(.wrongState, "no batch \(batch.id) in the ledger")
        }
        guard stored.state == .open else {
            guard stored.state != .discarded, stored.outputs.map(\.path) == outputs.map(\.path) else {
                throw BatchWriteError(.wrongState, "batch \(batch.id) is \(stored.state.rawValue), not open")
            }
            return try place(stored)
        }
        for output in outputs where FileManager.default.fileExists(atPath: output.path) {
            throw BatchWriteError(.destinationExists, "\(output.path) already exists and is never overwritten")
        }
        try await ledger.planBatchOutputs(batchID: batch.id, outputs: outputs)
        var written: [BatchOutput] = []
        for (output, file) in zip(outputs, files) {
            let folder = (output.path as NSString).deletingLastPathComponent
            do {
                try DurableFile.makeFolder(folder)
                try DurableFile.write(file.content, to: output.temporaryPath)
            } catch {
                throw BatchWriteError(.ioFailed, error.message)
            }
            DurableFile.syncFolder(folder)
            var done = output
            done.sha256 = SHA256.hex(of: file.content)
            done.bytes = Int64(file.content.count)
            written.append(done)
        }
        try await ledger.markBatchWritten(batchID: batch.id, outputs: written, recordCount: recordCount)
        guard let current = try await ledger.batch(id: batch.id) else {
            throw BatchWriteError(.wrongState, "batch \(batch.id) disappeared from the ledger")
        }
        return try place(current)
    }

    /// Puts a written batch's files at their final paths (step 4); repeating it is harmless.
    public func place(_ batch: BatchRecord) throws -> [PlacedOutput] {
        guard batch.state == .written || batch.state == .delivered else {
            throw BatchWriteError(.wrongState, "batch \(batch.id) is \(batch.state.rawValue); only written batches are placed")
        }
        return try batch.outputs.map { output in
            guard let sha = output.sha256 else {
                throw BatchWriteError(.wrongState, "batch \(batch.id): \(output.path) has no recorded SHA-256")
            }
            let manager = FileManager.default
            if manager.fileExists(atPath: output.path) {
                guard (try? SHA256.file(atPath: output.path)) == sha else {
                    throw BatchWriteError(.contentMismatch, "\(output.path) exists with other content than batch \(batch.id) wrote")
                }
                if manager.fileExists(atPath: output.temporaryPath) { unlink(output.temporaryPath) }
                return PlacedOutput(path: output.path, state: .alreadyInPlace)
            }
            guard manager.fileExists(atPath: output.temporaryPath) else {
                return PlacedOutput(path: output.path, state: .gone)
            }
            guard (try? SHA256.file(atPath: output.temporaryPath)) == sha else {
                throw BatchWriteError(.contentMismatch, "\(output.temporaryPath) does not have the content batch \(batch.id) recorded")
            }
            let outcome: RenameOutcome
            do {
                outcome = try FileRename.move(output.temporaryPath, to: output.path)
            } catch {
                throw BatchWriteError(.ioFailed, "\(error)")
            }
            switch outcome {
            case .moved:
                DurableFile.syncFolder((output.path as NSString).deletingLastPathComponent)
                return PlacedOutput(path: output.path, state: .placed)
            case .destinationExists:
                throw BatchWriteError(.destinationExists, "\(output.path) appeared while it was being placed")
            case .sourceMissing:
                return PlacedOutput(path: output.path, state: .gone)
            }
        }
    }

    /// Brings every unfinished batch of a job to a known state after a restart, oldest first.
    public func recover(job: String) async throws -> [BatchRecovery] {
        var result: [BatchRecovery] = []
        for batch in try await ledger.unfinishedBatches(job: job) {
            switch batch.state {
            case .open:
                for output in batch.outputs { unlink(output.temporaryPath) }
                result.append(.rewrite(batch))
            case .written:
                result.append(.placed(batch, try place(batch)))
            case .delivered, .discarded:
                continue
            }
        }
        return result
    }
}
