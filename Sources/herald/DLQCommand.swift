import ArgumentParser
import Foundation
import HeraldCore
import HeraldDaemon
import HeraldStore

/// `herald dlq list | retry | purge`: alerts a sink gave up on.
struct DLQCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dlq",
        abstract: "List, retry or purge dead letters (alerts a sink refused or failed for too long).",
        discussion: """
            A dead letter keeps the receiver's last status and the start of its answer. `retry` puts it \
            back in its sink's lane with its original id, so receivers can still drop duplicates.
            """,
        subcommands: [List.self, Retry.self, Purge.self],
        defaultSubcommand: List.self)

    /// Which dead letters a command applies to.
    struct Selection: ParsableArguments {
        @Option(help: ArgumentHelp("Only this sink's dead letters.", valueName: "name"))
        var sink: String?

        @Argument(help: ArgumentHelp("Alert ids or sequence numbers (default: all).", valueName: "id"))
        var ids: [String] = []
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Show dead letters.")

        @OptionGroup var options: CommonOptions

        @Option(help: ArgumentHelp("Only this sink's dead letters.", valueName: "name"))
        var sink: String?

        @Flag(help: "One JSON document instead of lines.")
        var json = false

        func run() async throws {
            let config = try options.loadConfig()
            let store = try options.openState(config)
            let letters = try await store.deadLetters(sink: sink)
            if json {
                print(try JSONOutput.string(letters))
                return
            }
            if letters.isEmpty {
                writeToStandardError("no dead letters\(sink.map { " for sink \($0)" } ?? "")\n")
                return
            }
            for letter in letters {
                let status = letter.lastStatus.map { "HTTP \($0)" } ?? "no response"
                print("#\(letter.seq)  \(letter.sink)  \(letter.alertID)  \(status)  attempts \(letter.attempts)")
                print("    \(letter.title)")
                if let error = letter.lastError { print("    error: \(error)") }
                if let excerpt = letter.responseExcerpt {
                    print("    response: \(excerpt.prefix(200).replacingOccurrences(of: "\n", with: " "))")
                }
            }
        }
    }

    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "retry", abstract: "Put dead letters back in their lane, with their original ids.")

        @OptionGroup var options: CommonOptions
        @OptionGroup var selection: Selection

        func run() async throws {
            let config = try options.loadConfig()
            let store = try options.openState(config)
            let count = try await store.retryDeadLetters(sink: selection.sink, ids: selection.ids)
            print("\(count) dead letter\(count == 1 ? "" : "s") queued again")
        }
    }

    struct Purge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "purge", abstract: "Delete dead letters.")

        @OptionGroup var options: CommonOptions
        @OptionGroup var selection: Selection

        func run() async throws {
            let config = try options.loadConfig()
            let store = try options.openState(config)
            let count = try await store.purgeDeadLetters(sink: selection.sink, ids: selection.ids)
            print("\(count) dead letter\(count == 1 ? "" : "s") purged")
        }
    }
}
