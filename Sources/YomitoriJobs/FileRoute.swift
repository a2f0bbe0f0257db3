/// Moves an input file to the folder its outcome routes it to (`route:` in the job), never
/// overwriting anything there and never losing the file: a rename on one file system, otherwise a
/// flushed copy followed by removing the original.
public enum FileRoute {
    /// Moves `source` into `folder` (created when missing) as `name`, or `name (2)`, `name (3)` …
    /// when that is taken. Returns the final path.
    ///
    /// - Throws: ``IntakeError`` when the file cannot be moved; it is then still at `source`.
    public static func move(_ source: String, toFolder folder: String, name: String) throws(IntakeError) -> String {
        try DurableFile.makeFolder(folder)
        for attempt in 1...1000 {
            let destination = folder + "/" + DurableFile.candidateName(name, attempt: attempt)
            switch try DurableFile.move(source, to: destination) {
            case .moved: return destination
            case .destinationExists: continue
            case .sourceMissing: throw IntakeError(.ioFailed, "\(source) does not exist")
            }
        }
        throw IntakeError(.destinationExists, "\(folder) already has 1000 files named like \(name)")
    }
}
