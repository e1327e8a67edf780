import Foundation
import HeraldCore

#if canImport(Glibc)
    import Glibc
#endif

/// Alerts appended to a file, one JSON object per line, each line fsync'd before the alert counts
/// as delivered. The file is opened for each delivery, so a rotated file is picked up at once.
public struct FileSink: AlertSink {
    public let name: String
    public let path: String

    public init(name: String, path: String) {
        self.name = name
        self.path = path
    }

    public func deliver(_ alert: Alert) async throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else {
            throw SinkError(sink: name, message: "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        try FileOutput.writeAll(descriptor, Data((AlertFormat.jsonLine(alert) + "\n").utf8), sink: name)
        guard fsync(descriptor) == 0 else {
            throw SinkError(sink: name, message: "fsync \(path) failed: \(String(cString: strerror(errno)))")
        }
    }
}
