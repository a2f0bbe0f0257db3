import ArgumentParser
import Foundation
import Logging

// Debian's libtesseract uses OpenMP; without a thread limit one worker runs 7× slower. libgomp
// reads the variable when the process starts, so set it and start again (once).
OpenMPLimit.ensure()

// Logs go to stderr; YOMITORI_LOG_LEVEL (trace … critical, default notice) sets how much.
// Field values never appear in logs at any level: only names, statuses and confidences.
let logLevel = Logger.Level(rawValue: ProcessInfo.processInfo.environment["YOMITORI_LOG_LEVEL"] ?? "") ?? .notice
LoggingSystem.bootstrap { label in
    var handler = StreamLogHandler.standardError(label: label)
    handler.logLevel = logLevel
    return handler
}
Yomitori.main()
