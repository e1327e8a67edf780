import ArgumentParser
import Foundation
import HeraldCore
import HeraldDaemon

struct DatabaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Look after the state file.",
        subcommands: [Stats.self, Prune.self, Vacuum.self, Backup.self])

    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Counts and sizes of the state file.")

        @OptionGroup var options: CommonOptions

        @Flag(help: "One JSON document.")
        var json = false

        func run() async throws {
            let config = try options.loadConfig()
            let store = try options.openState(config)
            let stats = try await store.statistics()
            if json {
                print(try JSONOutput.string(stats))
                return
            }
            print(
                """
                state file:         \(store.path)
                size:               \(ByteCountFormatter.string(fromByteCount: stats.fileBytes, countStyle: .file)) \
                (+ \(ByteCountFormatter.string(fromByteCount: stats.walBytes, countStyle: .file)) WAL)
                items:              \(stats.items)
                identity keys:      \(stats.identityKeys)
                alerts:             \(stats.alerts)
                deliveries pending: \(stats.pendingDeliveries)
                deliveries done:    \(stats.delivered)
                """)
        }
    }

    struct Prune: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Drop history older than the config's `retention` (the daemon does this daily).",
            discussion: """
                Alerts every sink has confirmed leave the history, confirmed delivery records go, and \
                items keep their identity keys (so they never alert again) but lose their title. \
                Alerts still waiting for a sink are kept, whatever their age.
                """)

        @OptionGroup var options: CommonOptions

        @Option(help: ArgumentHelp("Prune what is older than this instead, e.g. 7d.", valueName: "duration"))
        var olderThan: String?

        @Flag(help: "One JSON document.")
        var json = false

        func run() async throws {
            let config = try options.loadConfig()
            var age = config.retention
            if let olderThan {
                guard let parsed = ConfigValues.duration(olderThan) else {
                    throw ValidationError("--older-than: '\(olderThan)' is not a duration (e.g. 7d, 36h)")
                }
                age = parsed
            }
            let store = try options.openState(config)
            let cutoff = Date().addingTimeInterval(-age.seconds)
            let report = try await store.prune(before: cutoff)
            if json {
                print(try JSONOutput.string(report))
                return
            }
            print(
                """
                pruned what is older than \(cutoff.formatted(.iso8601)) from \(store.path):
                items trimmed:      \(report.itemsTrimmed)
                alerts removed:     \(report.alertsRemoved)
                deliveries removed: \(report.deliveriesRemoved)
                """)
        }
    }

    struct Vacuum: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rebuild the state file to reclaim free space (needs free disk as large as the file).")

        @OptionGroup var options: CommonOptions

        func run() async throws {
            let config = try options.loadConfig()
            let store = try options.openState(config)
            let before = try await store.statistics().fileBytes
            try await store.vacuum()
            let after = try await store.statistics().fileBytes
            print("\(store.path): \(before) → \(after) bytes")
        }
    }

    struct Backup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy the state file consistently, even while the daemon runs.")

        @OptionGroup var options: CommonOptions

        @Argument(help: ArgumentHelp("Where to write the copy (must not exist).", valueName: "file"))
        var destination: String

        func validate() throws {
            if FileManager.default.fileExists(atPath: destination) {
                throw ValidationError("\(destination) exists already; choose a new file name")
            }
        }

        func run() async throws {
            let config = try options.loadConfig()
            let store = try options.openState(config)
            try await store.backup(to: destination)
            print("backed up \(store.path) to \(destination)")
        }
    }
}
