#ifndef HERALD_CMALLOC_SHIM_H
#define HERALD_CMALLOC_SHIM_H

// glibc's allocator tuning, which Swift's Glibc module does not export (malloc.h is not in it).
// Elsewhere both do nothing and return 0.

// __GLIBC__ comes from features.h: test it before any libc header and it is never defined.
#if defined(__linux__)
#include <features.h>
#endif

#if defined(__GLIBC__)
#include <malloc.h>
#include <stdlib.h>
#include <string.h>

/// Caps the number of malloc arenas. glibc otherwise gives threads up to 8 per core, and each
/// keeps the memory freed into it. A limit the operator set (MALLOC_ARENA_MAX, or
/// glibc.malloc.arena_max in GLIBC_TUNABLES) wins: then this does nothing and returns 0.
static inline int herald_malloc_limit_arenas(int count) {
    const char *tunables = getenv("GLIBC_TUNABLES");
    if (getenv("MALLOC_ARENA_MAX") != NULL || (tunables != NULL && strstr(tunables, "arena_max") != NULL)) {
        return 0;
    }
    return mallopt(M_ARENA_MAX, count);
}

/// Gives the free memory of every arena back to the kernel. 1 when some was released.
static inline int herald_malloc_trim(void) {
    return malloc_trim(0);
}
#else
static inline int herald_malloc_limit_arenas(int count) {
    (void)count;
    return 0;
}

static inline int herald_malloc_trim(void) {
    return 0;
}
#endif

#endif
