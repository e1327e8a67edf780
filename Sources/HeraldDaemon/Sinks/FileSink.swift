import Foundation
import HeraldCore
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Alerts appended to a file, one JSON object per line, each line fsync'd before the alert counts
/// as delivered. The file is opened for each delivery, so a rotated file (logrotate, then SIGHUP
/// or not) is picked up at once.
///
/// Effectively exactly-once: the first delivery after start-up reads the file's tail, cuts off a
/// torn last line (a crash in the middle of a write), and remembers the alert ids already there;
/// an alert that was written but not yet marked delivered when Herald stopped is then marked
/// delivered without being appended again.
public final class FileSink: AlertSink {
    public let name: String
    public let path: String
    /// Ids found at the tail on start-up; nil until the tail has been read.
    private let tailIDs = Mutex<Set<String>?>(nil)
    /// How much of the file's end is read on start-up: far more than one batch of alerts.
    static let tailBytes = 1 << 20

    public init(name: String, path: String) {
        self.name = name
        self.path = path
    }

    public func deliver(_ alert: Alert) async throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        let descriptor = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else {
            throw SinkError(sink: name, message: "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let known = try tailIDs.withLock { ids -> Set<String> in
            if let ids { return ids }
            let found = try Self.reconcile(descriptor, path: path, sink: name)
            ids = found
            return found
        }
        if known.contains(alert.id) { return }
        try FileOutput.writeAll(descriptor, Data((AlertFormat.jsonLine(alert) + "\n").utf8), sink: name)
        guard fsync(descriptor) == 0 else {
            throw SinkError(sink: name, message: "fsync \(path) failed: \(String(cString: strerror(errno)))")
        }
    }

    /// Reads the tail: truncates a torn last line, returns the ids of the whole lines found.
    static func reconcile(_ descriptor: Int32, path: String, sink: String) throws -> Set<String> {
        let size = lseek(descriptor, 0, SEEK_END)
        guard size > 0 else { return [] }
        let start = max(0, size - off_t(tailBytes))
        var buffer = [UInt8](repeating: 0, count: Int(size - start))
        let count = pread(descriptor, &buffer, buffer.count, start)
        guard count == buffer.count else {
            throw SinkError(sink: sink, message: "cannot read the tail of \(path): \(String(cString: strerror(errno)))")
        }
        if buffer.last != UInt8(ascii: "\n") {
            // A torn line: everything after the last newline is a write cut short.
            let keep = buffer.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
            guard ftruncate(descriptor, start + off_t(keep)) == 0, fsync(descriptor) == 0 else {
                throw SinkError(
                    sink: sink,
                    message: "cannot repair the torn last line of \(path): \(String(cString: strerror(errno)))"
                )
            }
            buffer.removeSubrange(keep...)
        }
        var ids: Set<String> = []
        for line in buffer.split(separator: UInt8(ascii: "\n")) {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                let id = object["id"] as? String
            else { continue }
            ids.insert(id)
        }
        return ids
    }
}
