import ArgumentParser
import Foundation
import HeraldCore
import HeraldDaemon

#if canImport(Glibc)
    import Glibc
#endif

struct PollCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "poll",
        abstract: "Poll every feed once, deliver the alerts, and exit.",
        discussion: """
            For cron, systemd timers and shells. Safe to run next to `herald run` on the same state file.

            Exit status: 0 all feeds fetched and all alerts delivered; 1 some feed or sink failed (the \
            rest was done and recorded; failed deliveries are retried next time); 2 invalid config.
            """)

    @OptionGroup var options: CommonOptions

    @Option(name: .customLong("feed"), help: ArgumentHelp("Poll only this feed (repeatable).", valueName: "name"))
    var feeds: [String] = []

    @Flag(help: "Never show the progress line, even in a terminal.")
    var quiet = false

    @Flag(help: "Record every item as seen without alerting (e.g. after adding feeds).")
    var catchUp = false

    func run() async throws {
        ignoreSIGPIPE()
        let config = try options.loadConfig()
        let unknown = feeds.filter { name in !config.feeds.contains { $0.name == name } }
        if !unknown.isEmpty {
            let known = config.feeds.map(\.name).joined(separator: ", ")
            writeToStandardError(
                "herald: no feed named \(unknown.joined(separator: ", ")) in \(config.file) (feeds: \(known))\n")
            throw ExitCode(2)
        }
        let logger = options.makeLogger()
        let herald: Herald
        do {
            herald = try buildHerald(config: config, options: options.heraldOptions, logger: logger)
        } catch {
            writeToStandardError("herald: \(error)\n")
            throw ExitCode(1)
        }
        let progress = ProgressLine(enabled: !quiet && isatty(STDERR_FILENO) == 1)
        let report = await herald.poll(
            feeds: feeds.isEmpty ? nil : feeds, options: PollOptions(catchUp: catchUp),
            progress: { progress.show($0) })
        progress.finish()
        let delivery = await herald.deliver()
        await herald.shutdown()
        for failure in report.failures { writeToStandardError("herald: feed \(failure.feed): \(failure.message)\n") }
        for failure in delivery.failures { writeToStandardError("herald: \(failure.message) (kept for retry)\n") }
        if !report.failures.isEmpty || !delivery.failures.isEmpty { throw ExitCode(1) }
    }
}

/// The one-line progress indicator on stderr, redrawn in place; only in a terminal.
final class ProgressLine: Sendable {
    let enabled: Bool

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func show(_ progress: PollProgress) {
        guard enabled else { return }
        let line =
            "polling: \(progress.feedsDone)/\(progress.feedsTotal) feeds · \(progress.newItems) new items · \(progress.alerts) alerts"
        writeToStandardError("\r\u{1B}[2K" + line)
    }

    func finish() {
        guard enabled else { return }
        writeToStandardError("\r\u{1B}[2K")
    }
}
