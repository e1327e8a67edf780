import ArgumentParser
import Foundation
import HeraldCore
import HeraldDaemon
import HeraldStore

struct StoriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stories",
        abstract: "List recent stories: each event with its reports, outlets and languages, newest first.")

    @OptionGroup var options: CommonOptions

    @Option(help: ArgumentHelp("Only stories this rule alerted on (or holds for min_sources).", valueName: "name"))
    var rule: String?

    @Option(help: ArgumentHelp("Only stories with a report this recent: 90m, 48h, 7d.", valueName: "duration"))
    var since = SinceOption(argument: "48h")!

    @Flag(help: "One JSON object per story, one per line.")
    var json = false

    func run() async throws {
        let config = try options.loadConfig()
        let store = try options.openState(config)
        let cutoff = since.cutoff
        let stories = try await store.stories(since: cutoff, rule: rule)
        for story in stories {
            print(json ? StoryRendering.jsonLine(story) : StoryRendering.text(story))
        }
        if stories.isEmpty && !json {
            writeToStandardError("no stories in the last \(since)\(rule.map { " for rule \($0)" } ?? "")\n")
        }
    }
}

/// The text and JSON shapes of a story for `herald stories`.
enum StoryRendering {
    static func text(_ story: StorySummary) -> String {
        let outlets = story.outlets
        var lines = [
            "story \(story.id) · \(story.reports.count) report\(story.reports.count == 1 ? "" : "s") · "
                + "\(outlets.count) outlet\(outlets.count == 1 ? "" : "s") · \(story.languages.joined(separator: ", "))"
                + " · \(date.string(from: story.first)) → \(date.string(from: story.last)) UTC"
        ]
        for (rule, alert) in story.alerts.sorted(by: { $0.key < $1.key }) {
            lines.append("  rule \(rule): " + (alert.map { "alerted (\($0))" } ?? "held for min_sources"))
        }
        for report in story.reports {
            var line = "  \(date.string(from: report.at))  \(report.source ?? report.feed) [\(report.language)]  "
            line += report.title
            if report.reason == StoryAssignment.Reason.copy.rawValue { line += "  (copy)" }
            lines.append(line)
            if let link = report.link { lines.append("      " + link) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func jsonLine(_ story: StorySummary) -> String {
        let object: [String: Any] = [
            "id": story.id, "first": iso.string(from: story.first), "last": iso.string(from: story.last),
            "sources": story.outlets.count, "outlets": story.outlets, "languages": story.languages,
            "alerts": story.alerts.mapValues { $0 as Any? ?? NSNull() },
            "reports": story.reports.map { report -> [String: Any] in
                [
                    "feed": report.feed, "source": report.source ?? NSNull(), "language": report.language,
                    "title": report.title, "link": report.link ?? NSNull(), "at": iso.string(from: report.at),
                    "joined": report.reason,
                ]
            },
        ]
        let data =
            (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    private static let date: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter
    }()

    private static let iso: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'"
        return formatter
    }()
}
