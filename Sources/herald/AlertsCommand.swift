import ArgumentParser
import Foundation
import HeraldCore
import HeraldDaemon

struct AlertsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "Show the alert history, oldest first.")

    @OptionGroup var options: CommonOptions

    @Option(help: ArgumentHelp("Only this rule's alerts.", valueName: "name"))
    var rule: String?

    @Option(help: ArgumentHelp("Only alerts this recent: 90m, 24h, 7d.", valueName: "duration"))
    var since = SinceOption(argument: "24h")!

    @Flag(help: "One JSON object per line.")
    var json = false

    /// The alert as the sinks write it, with where it stands in its story: follow-ups (recorded
    /// quietly unless the rule says `followups: each`) name the alert they follow.
    static func text(_ alert: Alert) -> String {
        var text = AlertRendering.text(alert)
        guard let story = alert.story else { return text }
        let marker: String
        switch alert.kind {
        case .followUp: marker = "follow-up of \(story.followUpOf ?? "?")"
        case .storyUpdate: marker = "update of \(story.followUpOf ?? "?")"
        case .held: marker = "held until min_sources outlets report it"
        default: marker = "first report"
        }
        text.removeLast()
        text += "\n  story \(story.id) (\(marker)): \(story.items) reports, \(story.sources) outlets"
        text += " (\(story.outlets.joined(separator: ", "))), \(story.languages.joined(separator: ", "))\n"
        return text
    }

    func run() async throws {
        let config = try options.loadConfig()
        let store = try options.openState(config)
        let cutoff = since.cutoff
        let alerts = try await store.alerts(since: cutoff, rule: rule)
        for alert in alerts {
            print(json ? AlertRendering.jsonLine(alert) : Self.text(alert))
        }
        if alerts.isEmpty && !json {
            writeToStandardError("no alerts in the last \(since)\(rule.map { " for rule \($0)" } ?? "")\n")
        }
    }
}
