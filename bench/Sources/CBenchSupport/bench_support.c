#define _GNU_SOURCE
#include "bench_support.h"

#include <errno.h>
#include <linux/perf_event.h>
#include <malloc.h>
#include <stddef.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

// MARK: - Instructions

int bench_instructions_open(void) {
    struct perf_event_attr attr;
    memset(&attr, 0, sizeof attr);
    attr.type = PERF_TYPE_HARDWARE;
    attr.size = sizeof attr;
    attr.config = PERF_COUNT_HW_INSTRUCTIONS;
    attr.exclude_kernel = 1;
    attr.exclude_hv = 1;
    // pid 0, cpu -1: this thread, on whichever CPU it runs.
    long fd = syscall(SYS_perf_event_open, &attr, 0, -1, -1, 0);
    return fd < 0 ? -1 : (int)fd;
}

uint64_t bench_instructions_read(int fd) {
    if (fd < 0) return 0;
    uint64_t value = 0;
    if (read(fd, &value, sizeof value) != (ssize_t)sizeof value) return 0;
    return value;
}

void bench_instructions_close(int fd) {
    if (fd >= 0) close(fd);
}

// MARK: - Allocations
// glibc exports its allocator under __libc_* names: the wrappers below count and forward to them.
// Defined in the executable, they take precedence over libc's for every library in the process
// (libtesseract, Leptonica, the Swift runtime). free() is not wrapped: it needs no counting.
// Counts are per thread (static TLS of the executable: no allocation, no shared cache line, so
// two workers allocating at once do not slow each other down through the counter).

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void *__libc_memalign(size_t, size_t);

static _Thread_local uint64_t allocations = 0;
static _Thread_local uint64_t allocated_bytes = 0;

static inline void count(size_t bytes) {
    allocations += 1;
    allocated_bytes += bytes;
}

void *malloc(size_t size) {
    count(size);
    return __libc_malloc(size);
}

void *calloc(size_t n, size_t size) {
    count(n * size);
    return __libc_calloc(n, size);
}

void *realloc(void *p, size_t size) {
    count(size);
    return __libc_realloc(p, size);
}

void *memalign(size_t alignment, size_t size) {
    count(size);
    return __libc_memalign(alignment, size);
}

void *aligned_alloc(size_t alignment, size_t size) {
    count(size);
    return __libc_memalign(alignment, size);
}

int posix_memalign(void **out, size_t alignment, size_t size) {
    if (alignment % sizeof(void *) != 0 || (alignment & (alignment - 1)) != 0) return EINVAL;
    count(size);
    void *p = __libc_memalign(alignment, size);
    if (p == NULL && size != 0) return ENOMEM;
    *out = p;
    return 0;
}

uint64_t bench_thread_allocations(void) { return allocations; }
uint64_t bench_thread_allocated_bytes(void) { return allocated_bytes; }

void bench_release_free_memory(void) { malloc_trim(0); }

// MARK: - Clocks

double bench_thread_cpu_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

double bench_monotonic_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}
