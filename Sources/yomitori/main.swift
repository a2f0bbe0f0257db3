import ArgumentParser
import Foundation
import Logging
import YomitoriOCR

// Debian's libtesseract uses OpenMP; the reader keeps it to one thread in this process, and the
// programs it starts get OMP_THREAD_LIMIT=1 (see OpenMPThreads).
OpenMPThreads.setLimitForChildProcesses()

// Logs go to stderr; YOMITORI_LOG_LEVEL (trace … critical, default notice) sets how much.
// Field values never appear in logs at any level: only names, statuses and confidences.
let logLevel = Logger.Level(rawValue: ProcessInfo.processInfo.environment["YOMITORI_LOG_LEVEL"] ?? "") ?? .notice
LoggingSystem.bootstrap { label in
    var handler = StreamLogHandler.standardError(label: label)
    handler.logLevel = logLevel
    return handler
}
Yomitori.main()
