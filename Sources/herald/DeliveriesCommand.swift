import ArgumentParser
import Foundation
import HeraldCore
import HeraldDaemon
import HeraldStore

/// `herald deliveries`: each sink's pending, failing, dead and disabled state.
struct DeliveriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliveries",
        abstract: "Show pending, failing and dead alerts and disabled sinks, per sink.",
        subcommands: [Show.self, Enable.self],
        defaultSubcommand: Show.self)

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "The table (the default).")

        @OptionGroup var options: CommonOptions

        @Flag(help: "One JSON document instead of a table.")
        var json = false

        func run() async throws {
            let config = try options.loadConfig()
            let store = try options.openState(config)
            let backlog = Dictionary(uniqueKeysWithValues: try await store.backlog().map { ($0.sink, $0) })
            let rows = config.sinks.map { sink in
                backlog[sink.name] ?? SinkBacklog(sink: sink.name, pending: 0, failing: 0, dead: 0)
            }
            if json {
                print(try JSONOutput.string(rows))
                return
            }
            var table = [["SINK", "STATE", "PENDING", "FAILING", "DEAD", "NEXT TRY", "LAST ERROR"]]
            for row in rows {
                let next =
                    row.nextAttempt.map { date in
                        let seconds = Int(date.timeIntervalSinceNow.rounded())
                        return seconds <= 0 ? "due" : "in \(seconds)s"
                    } ?? ""
                table.append([
                    row.sink, row.disabledAt == nil ? "on" : "disabled", "\(row.pending)", "\(row.failing)",
                    "\(row.dead)", row.disabledAt == nil ? next : "",
                    String((row.disabledReason ?? row.lastError ?? "").prefix(70)),
                ])
            }
            let widths = table[0].indices.map { column in table.map { $0[column].count }.max() ?? 0 }
            for line in table {
                print(
                    line.enumerated().map { column, cell in
                        column == line.count - 1
                            ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                    }.joined(separator: "  ").trimmingCharacters(in: .whitespaces))
            }
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "enable", abstract: "Switch a disabled sink back on; its kept alerts are due at once.")

        @OptionGroup var options: CommonOptions

        @Argument(help: ArgumentHelp("The sink.", valueName: "name"))
        var sink: String

        func run() async throws {
            let config = try options.loadConfig()
            guard config.sinks.contains(where: { $0.name == sink }) else {
                writeToStandardError("herald: no sink named \(sink) in \(config.file)\n")
                throw ExitCode(2)
            }
            let store = try options.openState(config)
            let changed = try await store.enableSink(sink)
            print(changed ? "sink \(sink) enabled" : "sink \(sink) was not disabled")
        }
    }
}
