import ArgumentParser
import Foundation
import HeraldDaemon

@main
struct HeraldCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "herald",
        abstract: "Watch news feeds for topics and send alerts.",
        discussion: """
            Herald polls RSS, Atom and JSON feeds, remembers every item it has judged in a SQLite state \
            file, matches new items against topic rules and delivers alerts to stdout, a file or webhooks.

            Exit status: 0 all feeds fetched and alerts delivered; 1 some feed or sink failed (what could \
            be done was done and recorded); 2 the config is invalid; 64 bad command line.
            """,
        version: "0.1.0",
        subcommands: [
            PollCommand.self, RunCommand.self, CheckCommand.self, StatusCommand.self, AlertsCommand.self,
            DatabaseCommand.self, OPMLCommand.self, RulesCommand.self, InspectCommand.self, StoriesCommand.self,
            DeliveriesCommand.self, DLQCommand.self,
        ]
    )

    /// Caps malloc's arenas while the main thread is the only one and fixes its mmap threshold
    /// (see `ProcessMemory`), then runs the command.
    static func main() async {
        ProcessMemory.limitArenas()
        ProcessMemory.fixMmapThreshold()
        await main(nil)
    }
}
