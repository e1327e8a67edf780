import Foundation

extension StatusReport {
    /// The report as plain-text tables, for a terminal.
    public func renderText(now: Date = Date()) -> String {
        var out = "state: \(stateFile)\n\n"
        out += TextTable.render(
            header: ["FEED", "HEALTH", "LAST SUCCESS", "NEXT POLL", "EVERY", "SEEN", "ALERTS 24H", "LAST ERROR"],
            rows: feeds.map { feed in
                [
                    feed.name,
                    feed.health.rawValue + (feed.consecutiveFailures > 0 ? " ×\(feed.consecutiveFailures)" : ""),
                    RelativeTime.describe(feed.lastSuccess, now: now), RelativeTime.describe(feed.nextDue, now: now),
                    (feed.adaptive ? "~" : "") + RelativeTime.span(Int(feed.interval.rounded())),
                    "\(feed.itemsSeen)", "\(feed.alerts24h)", feed.lastError.map { String($0.prefix(60)) } ?? "",
                ]
            })
        out += "\n"
        out += TextTable.render(
            header: ["SINK", "STATE", "PENDING", "RETRYING", "DEAD", "LAST ERROR"],
            rows: sinks.map {
                [
                    $0.name, $0.disabled == nil ? "on" : "disabled", "\($0.pending)", "\($0.failing)", "\($0.dead)",
                    ($0.disabled ?? $0.lastError).map { String($0.prefix(60)) } ?? "",
                ]
            })
        out += "\n"
        out += TextTable.render(header: ["RULE", "HITS 24H"], rows: rules.map { [$0.name, "\($0.hits24h)"] })
        if !followUps.isEmpty {
            out += "\n"
            out += TextTable.render(
                header: ["FOLLOW-UP", "RULE", "STORY", "OUTLETS", "TITLE"],
                rows: followUps.map {
                    [
                        RelativeTime.describe($0.createdAt, now: now), $0.rule, $0.story?.id ?? "",
                        $0.story.map { "\($0.sources): " + $0.outlets.joined(separator: ", ") } ?? "",
                        String($0.title.prefix(60)),
                    ]
                })
        }
        return out
    }
}

/// Left-aligned columns separated by two spaces.
enum TextTable {
    static func render(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n") + "\n"
    }
}

/// "3m ago", "in 7m", "never".
enum RelativeTime {
    static func describe(_ date: Date?, now: Date) -> String {
        guard let date else { return "never" }
        let seconds = Int(date.timeIntervalSince(now).rounded())
        let text = span(abs(seconds))
        return seconds <= 0 ? "\(text) ago" : "in \(text)"
    }

    /// A length of time the way the config writes one: `45s`, `25m`, `1h30m`, `3d`.
    static func span(_ seconds: Int) -> String {
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return "\(seconds / 60)m" }
        if seconds < 86_400 {
            return "\(seconds / 3600)h\(seconds % 3600 / 60 > 0 ? "\(seconds % 3600 / 60)m" : "")"
        }
        return "\(seconds / 86_400)d"
    }
}
