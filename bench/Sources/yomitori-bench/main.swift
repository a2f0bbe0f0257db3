import Foundation

// Debian's libtesseract uses OpenMP: without a thread limit one worker runs 7× slower, and libgomp
// reads the variable only when the process starts. Set it and start again (once), as yomitori does.
OpenMPLimit.ensure()

do {
    let args = Array(CommandLine.arguments.dropFirst())
    let options = try Options.parse(args)
    let command = (["yomitori-bench"] + args).joined(separator: " ")
    try Benchmark(options: options, command: command).run()
} catch {
    log("\(error)")
    exit(1)
}
