#ifndef YOMITORI_CSERIALOPENMP_H
#define YOMITORI_CSERIALOPENMP_H

/// Debian's libtesseract is built with OpenMP. Its LSTM recogniser opens a parallel region for
/// every time step of every layer (`#pragma omp parallel` + `sections` in LSTM::Forward, and
/// `parallel for` elsewhere), tens of thousands per page. yomitori runs one engine per worker and
/// keeps OpenMP to one thread (OMP_THREAD_LIMIT=1), yet libgomp still builds a team for each
/// region: a malloc and free, its bookkeeping, and a futex wake system call at the closing
/// barrier: about two million system calls in a 60-page run, and by perf some 3 % of its CPU.
///
/// This file defines the four libgomp entry points Tesseract calls (GOMP_parallel,
/// GOMP_parallel_sections, GOMP_sections_next, GOMP_sections_end_nowait) in the program itself,
/// so the dynamic linker binds Tesseract's calls to them. On a thread between
/// `yomitori_serial_openmp_begin` and `_end` a region runs as a one-thread team would run it, on
/// the calling thread, without a team: the region's body once, its sections one after another in
/// order (outside any team, libgomp's omp_get_num_threads() is 1 and omp_get_thread_num() is 0,
/// so a `parallel for` body takes the whole range). Everywhere else the calls go on to libgomp.

/// From now on, OpenMP regions entered by this thread run on it serially. Not nested.
void yomitori_serial_openmp_begin(void);
/// Back to libgomp's own teams on this thread.
void yomitori_serial_openmp_end(void);
/// How many regions this thread has run serially so far (for tests and benchmarks: 0 after its
/// recognitions means the program's definitions were not the ones Tesseract called).
long yomitori_serial_openmp_regions(void);

/// From now on every OpenMP region the calling thread starts runs with a one-thread team, as
/// under OMP_THREAD_LIMIT=1 (libgomp keeps max-active-levels per thread, as OpenMP 5 asks):
/// libgomp's max-active-levels set to 0 through
/// omp_set_max_active_levels, found at run time. libgomp reads OMP_THREAD_LIMIT only while it
/// loads, before the program's first line, so the variable cannot be set from the program; the
/// call can. Returns 1 when libgomp was found, 0 when the process has no OpenMP runtime.
int yomitori_openmp_one_thread(void);
/// The calling thread's max-active-levels (omp_get_max_active_levels), or -1 without an OpenMP runtime.
int yomitori_openmp_max_active_levels(void);

/// libgomp's entry points as Tesseract calls them (GCC's OpenMP ABI), defined in this target;
/// declared for tests.
void GOMP_parallel(void (*fn)(void *), void *data, unsigned num_threads, unsigned flags);
void GOMP_parallel_sections(void (*fn)(void *), void *data, unsigned num_threads, unsigned count, unsigned flags);
unsigned GOMP_sections_next(void);
void GOMP_sections_end_nowait(void);

#endif
