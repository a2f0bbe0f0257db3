internal import CSerialOpenMP
import Foundation

/// Debian's libtesseract uses OpenMP, and libgomp would start a team of threads per core for
/// every region outside a worker's recognition (inside one, CSerialOpenMP runs regions on the
/// worker's thread). yomitori runs one engine per worker and wants one thread each: the first
/// engine created limits every region in the process to a one-thread team (see
/// `yomitori_openmp_one_thread`), which is what `OMP_THREAD_LIMIT=1` did, without the program
/// having to start itself again to set the variable before libgomp loads.
///
/// Programs the process starts (a job's `command` steps, poppler's tools, the bench's `tesseract`
/// calls) get `OMP_THREAD_LIMIT=1` through ``setLimitForChildProcesses()`` instead: on a machine
/// whose cores the workers already keep busy, an OpenMP child should not start a thread per core.
public enum OpenMPThreads {
    /// Whether libgomp was found and limited (false: no OpenMP runtime in the process).
    static let limitedToOne: Bool = yomitori_openmp_one_thread() != 0

    static func limitToOne() { _ = limitedToOne }

    /// Sets `OMP_THREAD_LIMIT=1` for the programs this process starts, unless it is set already.
    public static func setLimitForChildProcesses() {
        setenv("OMP_THREAD_LIMIT", "1", 0)
    }
}
