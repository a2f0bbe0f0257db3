#define _GNU_SOURCE
#include "CSerialOpenMP.h"

#include <dlfcn.h>
#include <stddef.h>

// libgomp's compiler ABI (GCC ≥ 4.9), as Tesseract calls it.
typedef void (*region_fn)(void *data);
typedef void (*parallel_fn)(region_fn fn, void *data, unsigned num_threads, unsigned flags);
typedef void (*parallel_sections_fn)(region_fn fn, void *data, unsigned num_threads, unsigned count, unsigned flags);
typedef unsigned (*sections_next_fn)(void);
typedef void (*sections_end_fn)(void);

static __thread int serial_on_this_thread;
static __thread long regions_run_serially;
// The sections region this thread is running serially: the next section to hand out (1-based)
// and how many there are; count 0 means none (the calls belong to a real team).
static __thread unsigned next_section;
static __thread unsigned section_count;

void yomitori_serial_openmp_begin(void) { serial_on_this_thread = 1; }
void yomitori_serial_openmp_end(void) { serial_on_this_thread = 0; }
long yomitori_serial_openmp_regions(void) { return regions_run_serially; }

/// libgomp's function `name`, found after the program in the search order and kept in `slot`.
static void *libgomp_function(void **slot, const char *name) {
    void *f = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
    if (f == NULL) {
        f = dlsym(RTLD_NEXT, name);
        __atomic_store_n(slot, f, __ATOMIC_RELEASE);
    }
    return f;
}

__attribute__((visibility("default")))
void GOMP_parallel(region_fn fn, void *data, unsigned num_threads, unsigned flags) {
    if (serial_on_this_thread) {
        regions_run_serially += 1;
        // A nested region's sections are not the enclosing region's.
        unsigned saved_next = next_section, saved_count = section_count;
        section_count = 0;
        fn(data);
        next_section = saved_next;
        section_count = saved_count;
        return;
    }
    static void *slot;
    parallel_fn libgomps = (parallel_fn)libgomp_function(&slot, "GOMP_parallel");
    if (libgomps != NULL) libgomps(fn, data, num_threads, flags);
    else fn(data);  // no libgomp loaded: nothing else can run a region
}

__attribute__((visibility("default")))
void GOMP_parallel_sections(region_fn fn, void *data, unsigned num_threads, unsigned count, unsigned flags) {
    if (serial_on_this_thread) {
        regions_run_serially += 1;
        unsigned saved_next = next_section, saved_count = section_count;
        next_section = 1;
        section_count = count;
        fn(data);  // asks GOMP_sections_next for 1, 2, … count, then 0
        next_section = saved_next;
        section_count = saved_count;
        return;
    }
    static void *slot;
    parallel_sections_fn libgomps = (parallel_sections_fn)libgomp_function(&slot, "GOMP_parallel_sections");
    if (libgomps != NULL) libgomps(fn, data, num_threads, count, flags);
}

__attribute__((visibility("default")))
unsigned GOMP_sections_next(void) {
    if (serial_on_this_thread && section_count > 0) {
        if (next_section > section_count) return 0;
        return next_section++;
    }
    static void *slot;
    sections_next_fn libgomps = (sections_next_fn)libgomp_function(&slot, "GOMP_sections_next");
    return libgomps != NULL ? libgomps() : 0;
}

__attribute__((visibility("default")))
void GOMP_sections_end_nowait(void) {
    if (serial_on_this_thread && section_count > 0) return;  // one thread: nobody to wait for
    static void *slot;
    sections_end_fn libgomps = (sections_end_fn)libgomp_function(&slot, "GOMP_sections_end_nowait");
    if (libgomps != NULL) libgomps();
}
