import ArgumentParser
import Foundation
import HeraldDaemon

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show feeds, sinks and rules with what the state file knows of them.",
        discussion: "Reads the state file only; safe while `herald run` is running.")

    @OptionGroup var options: CommonOptions

    @Flag(help: "One JSON document instead of tables.")
    var json = false

    func run() async throws {
        let config = try options.loadConfig()
        let store = try options.openState(config)
        let report = try await StatusReport.build(config: config, store: store)
        if json {
            print(try JSONOutput.string(report))
        } else {
            print(report.renderText(), terminator: "")
        }
    }
}
