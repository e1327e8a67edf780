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
        print("\(config.file): OK — \(config.feeds.count) feeds, \(config.rules.count) rules, \(config.sinks.count) sinks")
    }
}
