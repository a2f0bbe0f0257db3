import Foundation

extension BenchResults.Machine {
    /// This machine: cores, CPU model, memory, OS and the versions of Swift and Tesseract.
    static func current(instructionsCounted: Bool) -> BenchResults.Machine {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { String($0.split(separator: ":", maxSplits: 1).last ?? "").trimmingCharacters(in: .whitespaces) } ?? "unknown"
        let meminfo = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? ""
        let memKB = meminfo.split(separator: "\n").first { $0.hasPrefix("MemTotal:") }
            .flatMap { $0.split(separator: " ").compactMap { Double($0) }.first } ?? 0
        let osRelease = (try? String(contentsOfFile: "/etc/os-release", encoding: .utf8)) ?? ""
        let os = osRelease.split(separator: "\n").first { $0.hasPrefix("PRETTY_NAME=") }
            .map { $0.dropFirst("PRETTY_NAME=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) } ?? "unknown"
        var uts = utsname()
        uname(&uts)
        let kernel = withUnsafeBytes(of: &uts.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let tesseract = (try? Subprocess(executable: "tesseract", arguments: ["--version"]).run())
        let tessText = tesseract.map { $0.stdoutText + $0.stderr } ?? ""
        let tessLines = tessText.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        return BenchResults.Machine(
            nproc: ProcessInfo.processInfo.activeProcessorCount,
            cpuModel: model,
            memoryGB: (memKB / 1024 / 1024 * 10).rounded() / 10,
            os: os,
            kernel: kernel,
            swift: Subprocess.firstLine("swift", ["--version"]) ?? compiledWith,
            tesseract: tessLines.first { $0.hasPrefix("tesseract") } ?? "not found",
            leptonica: tessLines.first { $0.hasPrefix("leptonica") } ?? "unknown",
            instructionsCounted: instructionsCounted,
            ompThreadLimit: ProcessInfo.processInfo.environment["OMP_THREAD_LIMIT"] ?? "unset"
        )
    }

    private static var compiledWith: String {
        #if compiler(>=6.3)
        "Swift ≥ 6.3 (compiler of this binary)"
        #else
        "Swift < 6.3 (compiler of this binary)"
        #endif
    }
}
