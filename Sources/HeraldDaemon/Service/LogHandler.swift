import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// Herald's log lines on stderr: `<N>` syslog priority prefixes when journald reads them (it
/// turns them into priorities), a timestamp otherwise; metadata as `key=value` after the message.
/// With `--log-format json`, one JSON object per line for log shippers.
public struct HeraldLogHandler: LogHandler {
    /// The shape of each line.
    public enum Format: String, Sendable, CaseIterable {
        case text, json
    }

    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    let label: String
    let journald: Bool
    let format: Format

    public init(
        label: String, level: Logger.Level, format: Format = .text,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.label = label
        logLevel = level
        self.format = format
        journald = environment["JOURNAL_STREAM"] != nil
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        if format == .json {
            writeToStandardError(Self.jsonLine(event, merged))
            return
        }
        let fields = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let body = fields.isEmpty ? "\(event.message)" : "\(event.message) \(fields)"
        if journald {
            writeToStandardError("<\(Self.priority(event.level))>\(body)\n")
        } else {
            writeToStandardError("\(Self.timestamp()) \(event.level) \(body)\n")
        }
    }

    static func jsonLine(_ event: LogEvent, _ metadata: Logger.Metadata) -> String {
        var object: [String: String] = metadata.mapValues { "\($0)" }
        object["time"] = Date().formatted(.iso8601)
        object["level"] = "\(event.level)"
        object["message"] = "\(event.message)"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(object)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    static func timestamp() -> String {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        var buffer = [CChar](repeating: 0, count: 32)
        let count = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%S%z", &parts)
        return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
