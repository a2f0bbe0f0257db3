import Foundation

/// The programs the bench starts (the naive baseline's `tesseract` calls) get `OMP_THREAD_LIMIT=1`
/// unless it is set, as `yomitori` gives its own children. Inside this process the reader's first
/// Tesseract engine keeps OpenMP to one thread (YomitoriOCR's `OpenMPThreads`).
enum OpenMPLimit {
    static func setForChildren() {
        setenv("OMP_THREAD_LIMIT", "1", 0)
    }
}
