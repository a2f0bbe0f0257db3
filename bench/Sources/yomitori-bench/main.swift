import Foundation
import YomitoriOCR

// Debian's libtesseract uses OpenMP: the reader keeps it to one thread in this process, and the
// programs the bench starts get OMP_THREAD_LIMIT=1 (see YomitoriOCR's OpenMPThreads), as yomitori's do.
OpenMPThreads.setLimitForChildProcesses()

do {
    let args = Array(CommandLine.arguments.dropFirst())
    let options = try Options.parse(args)
    let command = (["yomitori-bench"] + args).joined(separator: " ")
    try Benchmark(options: options, command: command).run()
} catch {
    log("\(error)")
    exit(1)
}
