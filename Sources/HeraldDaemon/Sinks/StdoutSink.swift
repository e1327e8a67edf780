import Foundation
import HeraldCore

#if canImport(Glibc)
    import Glibc
#endif

/// Alerts on standard output, as readable text or as JSON lines.
///
/// A closed pipe (EPIPE) is a failed delivery, not a crash: Herald ignores SIGPIPE, so the write
/// returns an error and the alert stays in the outbox. Under systemd, stdout goes to journald,
/// which rate-limits; use a file sink for a durable record. A template (text format only) replaces
/// the readable lines with its own text.
public struct StdoutSink: AlertSink {
    public let name: String
    public let format: SinkConfig.OutputFormat
    /// Writes each alert's text instead of the built-in lines.
    public let template: MessageTemplate?
    let descriptor: Int32

    public init(
        name: String, format: SinkConfig.OutputFormat, template: MessageTemplate? = nil,
        descriptor: Int32 = STDOUT_FILENO
    ) {
        self.name = name
        self.format = format
        self.template = template
        self.descriptor = descriptor
    }

    public func deliver(_ alert: Alert) async throws {
        let text: String
        if format == .json {
            text = AlertFormat.jsonLine(alert) + "\n"
        } else if let templated = MessageLayout.unlimitedText.render(template, alert) {
            // A blank line after each alert, as after the built-in lines.
            text = templated + "\n\n"
        } else {
            text = AlertFormat.text(alert) + "\n"
        }
        try FileOutput.writeAll(descriptor, Data(text.utf8), sink: name)
    }
}

/// Whole writes to a file descriptor, retrying short writes and EINTR.
enum FileOutput {
    static func writeAll(_ descriptor: Int32, _ data: Data, sink: String) throws {
        try data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                let written = write(descriptor, base + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw SinkError(sink: sink, message: "write failed: \(String(cString: strerror(errno)))")
                }
                offset += written
            }
        }
    }
}
