#ifndef BENCH_SUPPORT_H
#define BENCH_SUPPORT_H

#include <stdint.h>

/// Opens a counter of user-space instructions retired by the calling thread (perf_event_open).
/// Returns a file descriptor, or -1 when the kernel or container does not allow it.
int bench_instructions_open(void);
/// Instructions counted so far on `fd` (0 when fd < 0).
uint64_t bench_instructions_read(int fd);
void bench_instructions_close(int fd);

/// Allocation calls (malloc, calloc, realloc, posix_memalign, aligned_alloc, memalign) made by the
/// calling thread since it started: the bench binary interposes these functions and forwards them
/// to glibc's allocator.
uint64_t bench_thread_allocations(void);
/// Bytes requested by those calls.
uint64_t bench_thread_allocated_bytes(void);

/// Returns free heap memory to the system (glibc malloc_trim), so that the next phase's peak RSS
/// is its own and not what earlier phases left in the allocator's arenas.
void bench_release_free_memory(void);

/// Thread CPU time of the calling thread, in seconds (CLOCK_THREAD_CPUTIME_ID).
double bench_thread_cpu_seconds(void);
/// CLOCK_MONOTONIC, in seconds.
double bench_monotonic_seconds(void);

#endif
