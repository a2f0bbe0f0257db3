import Foundation
import YomitoriOCR

/// The scans the benchmark reads: generated holdout pages or a folder given by the user.
struct Corpus {
    struct File: Sendable {
        var path: String
        var pages: Int
        var bytes: Int
    }

    var directory: String
    var files: [File]
    /// How the corpus was made (`make_samples.py --set holdout --seed 7 --per-form 10`, or the folder).
    var source: String
    var pageCount: Int { files.reduce(0) { $0 + $1.pages } }

    static let extensions: Set<String> = ["png", "jpg", "jpeg", "tif", "tiff", "pdf"]

    /// Generates about `pages` pages: `per-form` pages of each of the three forms, plus the two
    /// three-page mixed stacks (TIFF and PDF) that `make_samples.py` always adds.
    static func generate(pages: Int, seed: Int, root: String, into dir: String) throws -> Corpus {
        let perForm = max(2, (pages - 6 + 2) / 3)
        let script = (root as NSString).appendingPathComponent("samples/make_samples.py")
        let python = FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") ? "/usr/bin/python3" : "python3"
        let args = [script, "--set", "holdout", "--seed", String(seed), "--per-form", String(perForm), "--out", dir]
        log("generating the corpus: \(python) \(args.joined(separator: " "))")
        let r = try Subprocess(executable: python, arguments: args).run()
        guard r.succeeded else { throw BenchError("make_samples.py failed (exit \(r.status)): \(r.stderr.suffix(2000))") }
        var corpus = try load(dir)
        corpus.source = "samples/make_samples.py --set holdout --seed \(seed) --per-form \(perForm)"
        return corpus
    }

    /// Every scan under `dir` (recursively, hidden names skipped), sorted by path.
    static func load(_ dir: String) throws -> Corpus {
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: dir) else { throw BenchError("\(dir): not a readable folder") }
        var paths: [String] = []
        while let rel = walker.nextObject() as? String {
            let name = (rel as NSString).lastPathComponent
            if name.hasPrefix(".") { continue }
            if extensions.contains((name as NSString).pathExtension.lowercased()) {
                paths.append((dir as NSString).appendingPathComponent(rel))
            }
        }
        paths.sort()
        var files: [File] = []
        for path in paths {
            do {
                let scan = try ScanFile(path: path)
                let size = (try? fm.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
                files.append(File(path: path, pages: scan.pageCount, bytes: size))
            } catch {
                log("skipping \(path): \(error)")
            }
        }
        guard !files.isEmpty else { throw BenchError("\(dir): no readable scans (PNG, JPEG, TIFF, PDF)") }
        return Corpus(directory: dir, files: files, source: dir)
    }

    /// Page counts by format (`png: 15, jpg: 15, tif: 3, pdf: 3`).
    var formats: [String: Int] {
        var out: [String: Int] = [:]
        for f in files { out[(f.path as NSString).pathExtension.lowercased(), default: 0] += f.pages }
        return out
    }
}

/// Progress on standard error.
func log(_ message: String) {
    FileHandle.standardError.write(Data("yomitori-bench: \(message)\n".utf8))
}
