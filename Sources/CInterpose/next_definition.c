#define _GNU_SOURCE
#include "CInterpose.h"

#include <dlfcn.h>
#include <stddef.h>

void *yomitori_next_definition(void **slot, const char *name) {
    void *f = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
    if (f == NULL) {
        f = dlsym(RTLD_NEXT, name);
        __atomic_store_n(slot, f, __ATOMIC_RELEASE);
    }
    return f;
}
