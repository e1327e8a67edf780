#ifndef HERALD_CMALLOC_SHIM_H
#define HERALD_CMALLOC_SHIM_H

// glibc's allocator tuning, which Swift's Glibc module does not export (malloc.h is not in it).
// Elsewhere both calls do nothing, and say so.

#if defined(__GLIBC__)
#include <malloc.h>

/// Caps the number of malloc arenas. glibc otherwise gives threads up to 8 per core, and each
/// keeps the memory freed into it.
static inline int herald_malloc_limit_arenas(int count) {
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
