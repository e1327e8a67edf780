import Foundation
import HeraldCore

/// The text and JSON shapes of an alert, for `herald alerts` and other outputs.
public enum AlertRendering {
    public static func jsonLine(_ alert: Alert) -> String { AlertFormat.jsonLine(alert) }
    public static func text(_ alert: Alert) -> String { AlertFormat.text(alert) }
}

/// The text and JSON shapes of an alert shared by the sinks.
enum AlertFormat {
    /// One JSON object, keys sorted, no newline inside: a JSON line.
    static func jsonLine(_ alert: Alert) -> String {
        let data = (try? encoder.encode(alert)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// A few readable lines for a terminal or a log.
    static func text(_ alert: Alert) -> String {
        var lines = ["[\(alert.rule)] \(alert.title)"]
        var origin = alert.source.map { "\($0) (\(alert.feed))" } ?? alert.feed
        if let published = alert.published { origin += " · " + displayDate.string(from: published) }
        lines.append("  " + origin)
        if let link = alert.link { lines.append("  " + link) }
        if !alert.matchedTerms.isEmpty { lines.append("  matched: " + alert.matchedTerms.joined(separator: ", ")) }
        for line in alert.explanation?.explanationLines() ?? [] { lines.append("  " + line) }
        return lines.joined(separator: "\n") + "\n"
    }

    private static let displayDate: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter
    }()
}
