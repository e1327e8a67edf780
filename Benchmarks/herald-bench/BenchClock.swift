import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Wall-clock and CPU time for the benchmarks: the machine may be shared, and CPU time is what
/// neighbours do not inflate.
enum BenchClock {
    static func seconds(_ duration: Duration) -> Double {
        let (whole, fraction) = duration.components
        return Double(whole) + Double(fraction) / 1e18
    }

    /// CPU time (user + system) of this process so far.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
