import ArgumentParser
import Foundation
import HeraldCore
import HeraldDaemon

struct OPMLCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "opml",
        abstract: "Move subscription lists between Herald and other feed readers.",
        subcommands: [Export.self, Import.self])

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the config's feeds as an OPML 2.0 document (grouped by first tag).")

        @OptionGroup var options: CommonOptions

        func run() async throws {
            let config = try options.loadConfig()
            print(OPML.document(feeds: config.feeds), terminator: "")
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the feeds of an OPML file as `feeds:` entries to paste into a config.",
            discussion: """
                Herald never rewrites your config: review the printed entries and paste them under `feeds:`. \
                Names are made from the titles; folders become tags. Feeds whose URL the config already has \
                are left out when --config names a config.
                """)

        @Argument(help: ArgumentHelp("The OPML file ('-' for standard input).", valueName: "file"))
        var file: String

        @Option(name: .shortAndLong, help: ArgumentHelp("A config whose feeds to skip.", valueName: "file"))
        var config: String?

        func run() async throws {
            let data: Data
            do {
                data =
                    file == "-"
                    ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                writeToStandardError("herald: cannot read \(file): \(error.localizedDescription)\n")
                throw ExitCode(1)
            }
            let subscriptions: [OPML.Subscription]
            do {
                subscriptions = try OPML.subscriptions(in: data)
            } catch {
                writeToStandardError("herald: \(file): \(error)\n")
                throw ExitCode(1)
            }
            var known: Set<String> = []
            var names: Set<String> = []
            if let config {
                let existing = try ConfigLoader.load(path: config)
                known = Set(existing.feeds.map(\.url.absoluteString))
                names = Set(existing.feeds.map(\.name))
            }
            print("feeds:")
            var skipped = 0
            for (index, subscription) in subscriptions.enumerated() {
                if known.contains(subscription.url) {
                    skipped += 1
                    continue
                }
                var name = OPML.feedName(for: subscription.title, fallback: "feed-\(index + 1)")
                var suffix = 2
                while names.contains(name) {
                    name = "\(OPML.feedName(for: subscription.title, fallback: "feed"))-\(suffix)"
                    suffix += 1
                }
                names.insert(name)
                print("  - name: \(name)")
                print("    url: \(YAMLText.quoted(subscription.url))")
                if let category = subscription.category {
                    print("    tags: [\(YAMLText.quoted(OPML.feedName(for: category, fallback: "imported")))]")
                }
            }
            writeToStandardError(
                "herald: \(subscriptions.count - skipped) feeds printed\(skipped > 0 ? ", \(skipped) already in the config" : "")\n"
            )
        }
    }
}

/// YAML scalars that are always read back as the same string.
enum YAMLText {
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
