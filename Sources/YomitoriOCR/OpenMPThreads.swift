internal import CSerialOpenMP
import Foundation

/// Debian's libtesseract uses OpenMP, and libgomp would start a team of threads per core for
/// every region outside a worker's recognition (inside one, CSerialOpenMP runs regions on the
/// worker's thread). yomitori runs one engine per worker and wants one thread each: every engine
/// created limits the regions of the thread creating it to a one-thread team (see
/// `yomitori_openmp_one_thread`; libgomp keeps max-active-levels per thread), which is what
/// `OMP_THREAD_LIMIT=1` did, without the program having to start itself again to set the
/// variable before libgomp loads.
///
/// Programs the process starts (a job's `command` steps, poppler's tools, the bench's `tesseract`
/// calls) get `OMP_THREAD_LIMIT=1` through ``setLimitForChildProcesses()`` instead: on a machine
/// whose cores the workers already keep busy, an OpenMP child should not start a thread per core.
public enum OpenMPThreads {
    /// Whether libgomp was found (false: no OpenMP runtime in the process, nothing to limit).
    static let limitedToOne: Bool = yomitori_openmp_max_active_levels() >= 0

    /// Limits the calling thread's OpenMP regions to a one-thread team.
    static func limitToOne() { _ = yomitori_openmp_one_thread() }

    /// Sets `OMP_THREAD_LIMIT=1` for the programs this process starts, unless it is set already.
    public static func setLimitForChildProcesses() {
        setenv("OMP_THREAD_LIMIT", "1", 0)
    }
}
