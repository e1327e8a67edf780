import CMalloc
import Foundation

/// The allocator policy of a Herald process (glibc only; elsewhere these do nothing).
///
/// After a poll nearly all of the heap is free again (a cold poll of 1,000 feeds peaks at ~40 MB
/// of live allocations and ends with ~5 MB), but glibc keeps what was freed in the arena of the
/// thread that freed it, and gives each new thread that meets a locked arena one of its own, up to
/// 8 per core. Curl, GRDB's queues and Swift's cooperative threads make a dozen or more arenas,
/// which held ~35 MB of free memory for good after a cold poll.
public enum ProcessMemory {
    /// Caps malloc at two arenas per core, at least four, unless the environment sets a limit
    /// (`MALLOC_ARENA_MAX=N` or `GLIBC_TUNABLES=glibc.malloc.arena_max=N`). Fewer arenas than the
    /// threads that allocate at once during a poll (the cooperative threads, curl's, GRDB's
    /// writer) make them wait on each other's arena locks: two arenas saved 3–4 MB of a cold
    /// poll's peak RSS, but the poll looked slower on a busy 2-core machine. Only works before a
    /// second thread allocates: glibc fixes its arena limit the first time a thread needs an arena,
    /// so `herald`'s `main` calls it first.
    public static func limitArenas() {
        _ = herald_malloc_limit_arenas(Int32(max(4, 2 * ProcessInfo.processInfo.activeProcessorCount)))
    }

    /// Blocks of 128 KB and more (feed bodies, their decoded text, a feed's parse buffers) are
    /// mapped on their own and unmapped when freed, unless the environment sets the threshold
    /// (`MALLOC_MMAP_THRESHOLD_=N` or `GLIBC_TUNABLES=glibc.malloc.mmap_threshold=N`). glibc
    /// otherwise raises the threshold to the largest mapped block freed so far, after which such
    /// blocks come from the arenas, and the arenas' high-water mark depends on which feeds
    /// happened to be in flight together: the daemon soak's cycle peaks moved between 42.6 and
    /// 48.0 MB; with the threshold fixed, between 41.9 and 42.5 MB (Benchmarks/README.md).
    public static func fixMmapThreshold() {
        _ = herald_malloc_fix_mmap_threshold(Int32(mmapThreshold))
    }

    /// The threshold `fixMmapThreshold` sets: glibc's own starting value.
    public static let mmapThreshold = 128 * 1024

    /// Whether `block`, from `malloc`, is mapped on its own (false where not glibc).
    public static func isMapped(_ block: UnsafeRawPointer) -> Bool { herald_malloc_is_mapped(block) != 0 }

    /// Returns the free memory of every arena to the kernel: the daemon calls it after each poll
    /// cycle, so between polls its RSS is what it really uses.
    public static func trim() {
        _ = herald_malloc_trim()
    }
}
