import YomitoriYAML
import Foundation
import Yams
#if canImport(Glibc)
import Glibc
#endif

extension JobParser {
    /// Variables available in paths that concern one input file (route folders, page-level commands).
    static let fileVariables: Set<String> = ["job", "date", "time", "run", "name"]
    /// Variables available in paths that concern a batch (export folders and names, batch-level commands).
    static let batchVariables: Set<String> = ["job", "date", "time", "run", "seq"]

    /// An absolute, standardised path: relative ones are resolved against the job file's folder.
    mutating func resolve(_ text: String, _ node: Node, _ what: String) -> String? {
        guard !text.isEmpty else {
            reader.error(.invalidValue, at: node, "\(what) path must not be empty")
            return nil
        }
        if text.hasPrefix("~") {
            reader.error(.invalidValue, at: node,
                         "\(what) path '\(text)': '~' is not expanded; write an absolute path or one relative to the job file")
            return nil
        }
        let url = text.hasPrefix("/") ? URL(fileURLWithPath: text) : directory.appendingPathComponent(text)
        return url.standardizedFileURL.path
    }

    /// A folder path without variables (`inbox`, `work`).
    mutating func parseFolder(_ node: Node, _ what: String) -> String? {
        guard let text = reader.nonEmptyText(node, what) else { return nil }
        if text.contains("{") || text.contains("}") {
            reader.error(.invalidPath, at: node, "\(what) must be a plain folder path; variables like {job} are not expanded here")
            return nil
        }
        return resolve(text, node, what)
    }

    /// A path template whose variables are all in `allowed`; resolved when `isPath`.
    mutating func parsePathTemplate(_ node: Node, _ what: String, allowed: Set<String>, isPath: Bool = true) -> String? {
        guard let text = reader.nonEmptyText(node, what) else { return nil }
        guard checkVariables(text, node, what, allowed: allowed) else { return nil }
        return isPath ? resolve(text, node, what) : text
    }

    /// Reports bad braces, unknown variables (with a suggestion) and variables not available here.
    mutating func checkVariables(_ text: String, _ node: Node, _ what: String, allowed: Set<String>) -> Bool {
        let names: [String]
        do {
            names = try PathTemplate.variables(in: text)
        } catch {
            reader.error(.invalidPath, at: node, "\(what): \(error.message)")
            return false
        }
        var ok = true
        for name in names where !allowed.contains(name) {
            ok = false
            if PathTemplate.knownVariables.contains(name) {
                let reason = name == "name" ? "it names one input file, and this is per batch"
                    : name == "seq" ? "it numbers batches, and this is per file" : "it has no value here"
                reader.error(.invalidPath, at: node, "\(what): {\(name)} cannot be used here: \(reason); available: "
                    + allowed.sorted().map { "{\($0)}" }.joined(separator: ", "))
            } else {
                var message = "\(what): unknown variable {\(name)}"
                if let close = closestWord(to: name, in: PathTemplate.knownVariables) {
                    message += "; did you mean {\(close)}?"
                } else {
                    message += "; variables are " + PathTemplate.knownVariables.map { "{\($0)}" }.joined(separator: ", ")
                }
                reader.error(.invalidPath, at: node, message)
            }
        }
        return ok
    }

    // MARK: - This machine

    /// A warning when the inbox is not (yet) a folder on this machine.
    mutating func checkInbox(_ inbox: String, node: Node?) {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: inbox, isDirectory: &isDirectory) {
            reader.warning(.missingInbox, at: node, "inbox \(inbox) does not exist on this machine")
        } else if !isDirectory.boolValue {
            reader.error(.invalidValue, at: node, "inbox \(inbox) is a file, not a folder")
        }
    }

    /// Claiming renames files from the inbox into the work folder, which is atomic only within one
    /// file system: an error when both exist here on different ones.
    mutating func checkSameFileSystem(inbox: String, work: String, node: Node?) {
        guard let inboxDevice = Self.device(of: inbox) else { return }
        var candidate = URL(fileURLWithPath: work)
        while Self.device(of: candidate.path) == nil, candidate.path != "/" {
            candidate.deleteLastPathComponent()
        }
        guard let workDevice = Self.device(of: candidate.path), workDevice != inboxDevice else { return }
        reader.error(.crossFileSystem, at: node,
                     "work folder \(work) is on another file system than the inbox \(inbox); files are claimed "
                         + "by renaming, which needs one file system: set `work:` to a folder on the inbox's share")
    }

    static func device(of path: String) -> UInt64? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return UInt64(info.st_dev)
    }
}
