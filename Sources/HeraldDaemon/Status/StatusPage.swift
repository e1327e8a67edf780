import Foundation
import HeraldCore

/// The status endpoint's read-only HTML page: what `herald status` shows, plus the latest alerts and
/// story follow-ups.
/// Self-contained (no scripts, no external styles) and refreshed by the browser every 30 seconds.
enum StatusPage {
    static func render(_ report: StatusReport, alerts: [Alert], now: Date = Date()) -> String {
        var html = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="refresh" content="30">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Herald status</title>
            <style>
            body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #1d1d1f; }
            h1 { font-size: 1.3rem; margin: 0 0 .2rem; }
            h2 { font-size: 1.05rem; margin: 1.6rem 0 .4rem; }
            p.summary { color: #555; margin: 0; }
            table { border-collapse: collapse; width: 100%; }
            th, td { text-align: left; padding: .25rem .6rem .25rem 0; border-bottom: 1px solid #e3e3e3;
                     vertical-align: top; }
            th { font-weight: 600; color: #555; }
            td.number { text-align: right; font-variant-numeric: tabular-nums; }
            .ok { color: #1a7f37; } .failing { color: #9a6700; } .unhealthy { color: #cf222e; } .new { color: #555; }
            td.error { color: #cf222e; max-width: 30rem; overflow-wrap: anywhere; }
            [dir=auto] { unicode-bidi: plaintext; }
            </style>
            </head>
            <body>
            <h1>Herald</h1>

            """
        html += "<p class=\"summary\" id=\"summary\">\(escape(report.summaryLine)) · state \(escape(report.stateFile))"
        html += " · \(escape(Self.timestamp(report.generatedAt)))</p>\n"

        html += "<h2>Feeds</h2>\n<table id=\"feeds\">\n"
        html += row(header: [
            "Feed", "Health", "Last success", "Next poll", "Every", "Seen", "Alerts 24h", "Last error",
        ])
        for feed in report.feeds {
            let health = feed.health.rawValue + (feed.consecutiveFailures > 0 ? " ×\(feed.consecutiveFailures)" : "")
            html += "<tr data-feed=\"\(escape(feed.name))\"><td><a href=\"\(escape(feed.url))\">"
            html += "\(escape(feed.name))</a></td>"
            html += "<td class=\"health \(feed.health.rawValue)\">\(escape(health))</td>"
            html += "<td>\(escape(RelativeTime.describe(feed.lastSuccess, now: now)))</td>"
            html += "<td>\(escape(RelativeTime.describe(feed.nextDue, now: now)))</td>"
            html +=
                "<td class=\"interval\">\(feed.adaptive ? "~" : "")\(RelativeTime.span(Int(feed.interval.rounded())))</td>"
            html += "<td class=\"number\">\(feed.itemsSeen)</td><td class=\"number\">\(feed.alerts24h)</td>"
            html += "<td class=\"error\">\(escape(feed.lastError ?? ""))</td></tr>\n"
        }
        html += "</table>\n"

        html += "<h2>Sinks</h2>\n<table id=\"sinks\">\n"
        html += row(header: ["Sink", "Pending", "Retrying", "Last error"])
        for sink in report.sinks {
            html += "<tr data-sink=\"\(escape(sink.name))\"><td>\(escape(sink.name))</td>"
            html += "<td class=\"number\">\(sink.pending)</td><td class=\"number\">\(sink.failing)</td>"
            html += "<td class=\"error\">\(escape(sink.lastError ?? ""))</td></tr>\n"
        }
        html += "</table>\n"

        html += "<h2>Rules</h2>\n<table id=\"rules\">\n" + row(header: ["Rule", "Hits 24h"])
        for rule in report.rules {
            html += "<tr data-rule=\"\(escape(rule.name))\"><td>\(escape(rule.name))</td>"
            html += "<td class=\"number\">\(rule.hits24h)</td></tr>\n"
        }
        html += "</table>\n"

        html += "<h2>Latest alerts</h2>\n<table id=\"alerts\">\n"
        html += row(header: ["When", "Rule", "Feed", "Title"])
        for alert in alerts {
            html += "<tr data-alert=\"\(escape(alert.id))\"><td>\(escape(Self.timestamp(alert.createdAt)))</td>"
            html += "<td>\(escape(alert.rule))</td><td>\(escape(alert.feed))</td><td dir=\"auto\">"
            if let link = alert.link, link.hasPrefix("http://") || link.hasPrefix("https://") {
                html += "<a href=\"\(escape(link))\" rel=\"noreferrer\">\(escape(alert.title))</a>"
            } else {
                html += escape(alert.title)
            }
            html += "</td></tr>\n"
        }
        if alerts.isEmpty { html += "<tr><td colspan=\"4\">No alerts yet.</td></tr>\n" }
        html += "</table>\n"
        html += followUps(report.followUps)
        html += "</body>\n</html>\n"
        return html
    }

    /// Later reports of stories already alerted on, and their "also reported by" updates, each with
    /// the story's outlets so far.
    private static func followUps(_ followUps: [StatusReport.FollowUpStatus]) -> String {
        var html = "<h2>Story follow-ups</h2>\n<table id=\"followups\">\n"
        html += row(header: ["When", "Rule", "Kind", "Title", "Story"])
        for followUp in followUps {
            html += "<tr data-alert=\"\(escape(followUp.id))\" data-story=\"\(escape(followUp.story?.id ?? ""))\">"
            html += "<td>\(escape(Self.timestamp(followUp.createdAt)))</td><td>\(escape(followUp.rule))</td>"
            html += "<td>\(followUp.kind == .storyUpdate ? "update" : "follow-up")</td><td dir=\"auto\">"
            if let link = followUp.link, link.hasPrefix("http://") || link.hasPrefix("https://") {
                html += "<a href=\"\(escape(link))\" rel=\"noreferrer\">\(escape(followUp.title))</a>"
            } else {
                html += escape(followUp.title)
            }
            html += "</td><td class=\"story\" dir=\"auto\">"
            if let story = followUp.story {
                let noun = story.sources == 1 ? "outlet" : "outlets"
                html +=
                    "\(escape(story.id)) · \(story.sources) \(noun): \(escape(story.outlets.joined(separator: ", ")))"
            }
            html += "</td></tr>\n"
        }
        if followUps.isEmpty { html += "<tr><td colspan=\"5\">No follow-ups in the last 7 days.</td></tr>\n" }
        return html + "</table>\n"
    }

    private static func row(header: [String]) -> String {
        "<tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr>\n"
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// Escapes text for HTML element content and double-quoted attribute values.
    static func escape(_ text: String) -> String { HTMLText.escape(text, quotes: true) }
}
