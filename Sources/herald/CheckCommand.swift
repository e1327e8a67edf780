import ArgumentParser
import Foundation
import HeraldDaemon

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a config file and its rules; say precisely what is wrong and where.",
        discussion: """
            Also runs every rule's `expect:` and `reject:` sentences: each must (or must not) match \
            as an item title.

            Exit status: 0 the config is valid and every rule passes its sentences; 2 it is not \
            (every problem and every failing sentence is listed on stderr).
            """)

    @OptionGroup var options: CommonOptions

    func run() async throws {
        let config = try options.loadConfig()
        for warning in config.templateWarnings { writeToStandardError("herald: warning: \(warning)\n") }
        let failures = config.ruleExpectationProblems()
        if !failures.isEmpty {
            var report = "herald: \(failures.count) rule test\(failures.count == 1 ? "" : "s") failed:\n"
            for failure in failures { report += "  \(failure)\n" }
            writeToStandardError(report)
            throw ExitCode(2)
        }
        let tests = config.ruleExpectationCount
        let counts = [
            (config.feeds.count, "feed"), (config.rules.count, "rule"), (config.sinks.count, "sink"),
            (tests, "rule test"),
        ]
        .map { count, noun in "\(count) \(noun)\(count == 1 ? "" : "s")" }
        print("\(config.file): OK — \(counts.joined(separator: ", "))")
    }
}
