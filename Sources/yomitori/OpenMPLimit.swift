import Foundation

/// OpenMP inside this process is kept to one thread by the reader itself (the first Tesseract
/// engine limits libgomp at run time; see `OpenMPThreads` in YomitoriOCR), so the program no longer
/// starts itself again to set `OMP_THREAD_LIMIT`. Programs it starts (a job's `command` steps,
/// poppler's tools) still get `OMP_THREAD_LIMIT=1` unless the variable is set: on a machine whose
/// cores the workers already keep busy, an OpenMP child should not start a thread per core.
enum OpenMPLimit {
    static func setForChildren() {
        setenv("OMP_THREAD_LIMIT", "1", 0)
    }
}
