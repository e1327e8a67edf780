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

/// Whether the operator set a malloc parameter: its environment variable (`variable`), or its
/// tunable (`glibc.malloc.<tunable>`) in GLIBC_TUNABLES. Herald's own setting then yields.
static inline int herald_malloc_operator_set(const char *variable, const char *tunable) {
    const char *tunables = getenv("GLIBC_TUNABLES");
    return getenv(variable) != NULL || (tunables != NULL && strstr(tunables, tunable) != NULL);
}

/// Caps the number of malloc arenas. glibc otherwise gives threads up to 8 per core, and each
/// keeps the memory freed into it. A limit the operator set (MALLOC_ARENA_MAX, or
/// glibc.malloc.arena_max in GLIBC_TUNABLES) wins: then this does nothing and returns 0.
static inline int herald_malloc_limit_arenas(int count) {
    if (herald_malloc_operator_set("MALLOC_ARENA_MAX", "arena_max")) {
        return 0;
    }
    return mallopt(M_ARENA_MAX, count);
}

/// Fixes the size from which malloc maps a block of its own (returned to the kernel when freed)
/// instead of taking it from an arena. glibc otherwise raises that size to the largest mapped block
/// freed so far (up to 32 MB). A limit the operator set (MALLOC_MMAP_THRESHOLD_, or
/// glibc.malloc.mmap_threshold in GLIBC_TUNABLES) wins: then this does nothing and returns 0.
static inline int herald_malloc_fix_mmap_threshold(int bytes) {
    if (herald_malloc_operator_set("MALLOC_MMAP_THRESHOLD_", "mmap_threshold")) {
        return 0;
    }
    return mallopt(M_MMAP_THRESHOLD, bytes);
}

/// Whether a block malloc returned is mapped on its own: glibc marks such a chunk with bit 1 of
/// the size word in front of it (IS_MMAPPED).
static inline int herald_malloc_is_mapped(const void *block) {
    return (((const size_t *)block)[-1] & 2) != 0;
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

static inline int herald_malloc_fix_mmap_threshold(int bytes) {
    (void)bytes;
    return 0;
}

static inline int herald_malloc_is_mapped(const void *block) {
    (void)block;
    return 0;
}

static inline int herald_malloc_trim(void) {
    return 0;
}
#endif

#endif
