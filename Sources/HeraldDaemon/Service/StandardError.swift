#if canImport(Glibc)
    import Glibc
#endif

/// Writes `text` to file descriptor 2 in one `write` call per chunk: no shared `FILE*` buffer, so
/// it is safe from any thread and lines from concurrent tasks do not interleave mid-line.
public func writeToStandardError(_ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
        let written = bytes.withUnsafeMutableBytes { raw in write(2, raw.baseAddress! + offset, raw.count - offset) }
        if written < 0 && errno == EINTR { continue }
        if written <= 0 { return }
        offset += written
    }
}
