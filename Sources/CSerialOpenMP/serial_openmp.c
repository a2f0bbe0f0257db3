#include "CSerialOpenMP.h"

#include <CInterpose.h>
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
// The sections region this thread is running serially, if any: whether there is one, the next
// section to hand out (1-based) and how many there are.
struct serial_sections {
    int active;
    unsigned next;
    unsigned count;
};
static __thread struct serial_sections sections;

void yomitori_serial_openmp_begin(void) { serial_on_this_thread = 1; }

int yomitori_openmp_one_thread(void) {
    void (*set_max_active_levels)(int) = (void (*)(int))dlsym(RTLD_DEFAULT, "omp_set_max_active_levels");
    if (set_max_active_levels == NULL) return 0;
    // A region at nesting level 0 is active only while 0 < max-active-levels: with 0, none is,
    // and libgomp runs it with a team of one (no thread started), whatever num_threads asks.
    set_max_active_levels(0);
    return 1;
}

int yomitori_openmp_max_active_levels(void) {
    int (*get_max_active_levels)(void) = (int (*)(void))dlsym(RTLD_DEFAULT, "omp_get_max_active_levels");
    return get_max_active_levels != NULL ? get_max_active_levels() : -1;
}
void yomitori_serial_openmp_end(void) { serial_on_this_thread = 0; }
long yomitori_serial_openmp_regions(void) { return regions_run_serially; }

/// Runs a region on the calling thread as a one-thread team would: `fn` once; with `count`
/// sections (has_sections), GOMP_sections_next hands it 1, 2, … count, then 0. A region nested in
/// it has sections of its own, or none.
static void run_serially(region_fn fn, void *data, int has_sections, unsigned count) {
    regions_run_serially += 1;
    struct serial_sections enclosing = sections;
    sections = (struct serial_sections){ .active = has_sections, .next = 1, .count = count };
    fn(data);
    sections = enclosing;
}

__attribute__((visibility("default")))
void GOMP_parallel(region_fn fn, void *data, unsigned num_threads, unsigned flags) {
    static void *slot;
    parallel_fn libgomps = serial_on_this_thread ? NULL : (parallel_fn)yomitori_next_definition(&slot, "GOMP_parallel");
    if (libgomps != NULL) libgomps(fn, data, num_threads, flags);
    else run_serially(fn, data, 0, 0);  // a worker recognising, or no libgomp loaded
}

__attribute__((visibility("default")))
void GOMP_parallel_sections(region_fn fn, void *data, unsigned num_threads, unsigned count, unsigned flags) {
    static void *slot;
    parallel_sections_fn libgomps = serial_on_this_thread
        ? NULL : (parallel_sections_fn)yomitori_next_definition(&slot, "GOMP_parallel_sections");
    if (libgomps != NULL) libgomps(fn, data, num_threads, count, flags);
    else run_serially(fn, data, 1, count);
}

__attribute__((visibility("default")))
unsigned GOMP_sections_next(void) {
    if (sections.active) return sections.next <= sections.count ? sections.next++ : 0;
    static void *slot;
    sections_next_fn libgomps = (sections_next_fn)yomitori_next_definition(&slot, "GOMP_sections_next");
    return libgomps != NULL ? libgomps() : 0;
}

__attribute__((visibility("default")))
void GOMP_sections_end_nowait(void) {
    if (sections.active) return;  // one thread: nobody to wait for
    static void *slot;
    sections_end_fn libgomps = (sections_end_fn)yomitori_next_definition(&slot, "GOMP_sections_end_nowait");
    if (libgomps != NULL) libgomps();
}
