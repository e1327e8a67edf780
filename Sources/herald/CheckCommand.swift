import ArgumentParser
import Foundation
import HeraldDaemon

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a config file and its rules; say precisely what is wrong and where.",
        discussion: "Exit status: 0 the config is valid; 2 it is not (every problem is listed on stderr).")

    @OptionGroup var options: CommonOptions

    func run() async throws {
        let config = try options.loadConfig()
        let counts = [(config.feeds.count, "feed"), (config.rules.count, "rule"), (config.sinks.count, "sink")]
            .map { count, noun in "\(count) \(noun)\(count == 1 ? "" : "s")" }
        print("\(config.file): OK — \(counts.joined(separator: ", "))")
    }
}
