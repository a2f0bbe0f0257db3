import Foundation

// Debian's libtesseract uses OpenMP: the reader keeps it to one thread in this process, and the
// programs the bench starts get OMP_THREAD_LIMIT=1 (see OpenMPLimit), as yomitori's do.
OpenMPLimit.setForChildren()

do {
    let args = Array(CommandLine.arguments.dropFirst())
    let options = try Options.parse(args)
    let command = (["yomitori-bench"] + args).joined(separator: " ")
    try Benchmark(options: options, command: command).run()
} catch {
    log("\(error)")
    exit(1)
}
