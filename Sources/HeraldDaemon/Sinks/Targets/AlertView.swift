import Foundation
import HeraldCore

/// The parts of an alert every chat target shows, worded once so all targets read alike.
///
/// A `match` leads with the item's title, an `edit` with "updated: " and the title; a feed notice
/// (`feed-unhealthy`, `feed-recovered`) is about a feed, not an item, so it has no "matched" part.
struct AlertView: Sendable {
    /// One line: the title with its line breaks folded, so it cannot break the markup around it.
    var heading: String
    /// The item's text, as the alert carries it.
    var summary: String
    /// "Levant Wire (wire-en) · 2026-01-06 10:00 UTC · matched: Syria, Israel · rule: paris-talks".
    var details: String
    /// The item's (or, for a notice, the feed's) link, when it is a usable http(s) link.
    var link: String?
    var kind: Alert.Kind

    init(_ alert: Alert, linkEncoding extra: Set<Unicode.Scalar> = []) {
        kind = alert.kind
        let title = Self.oneLine(alert.title)
        let shown = title.isEmpty ? "(untitled)" : title
        heading = alert.kind == .edit ? "updated: " + shown : shown
        summary = alert.summary.trimmingCharacters(in: .whitespacesAndNewlines)
        var origin = alert.source.map { "\(Self.oneLine($0)) (\(alert.feed))" } ?? alert.feed
        if let published = alert.published { origin += " · " + Self.utcMinute(published) }
        var parts = [origin]
        if alert.kind != .feedUnhealthy && alert.kind != .feedRecovered {
            let terms = alert.matchedTerms.map(Self.oneLine).joined(separator: ", ")
            if !terms.isEmpty { parts.append("matched: " + terms) }
            parts.append("rule: " + alert.rule)
        }
        details = parts.joined(separator: " · ")
        link = SafeLink.web(alert.link, alsoEncode: extra)
    }

    var isNotice: Bool { kind == .feedUnhealthy || kind == .feedRecovered }

    /// A colour per kind for services that show one (blue match, amber edit, red unhealthy, green
    /// recovered; a story's follow-ups and updates a lighter blue, a held story grey).
    var color: Int {
        switch kind {
        case .match: 0x2B6CB0
        case .followUp, .storyUpdate: 0x63B3ED
        case .held: 0x718096
        case .edit: 0xD69E2E
        case .feedUnhealthy: 0xC53030
        case .feedRecovered: 0x2F855A
        }
    }

    var colorHex: String {
        let digits = String(color, radix: 16, uppercase: true)
        return "#" + String(repeating: "0", count: 6 - digits.count) + digits
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    }

    /// Minutes in UTC, like the text sink, without a formatter shared across threads.
    static func utcMinute(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ value: Int?) -> String { (value ?? 0) < 10 ? "0\(value ?? 0)" : "\(value ?? 0)" }
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute)) UTC"
    }
}
