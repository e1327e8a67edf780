import ArgumentParser
import Foundation
import HeraldCore
import HeraldDaemon
import HeraldStore
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// Options every command takes.
struct CommonOptions: ParsableArguments {
    @Option(
        name: .shortAndLong,
        help: ArgumentHelp(
            "The config file.",
            discussion: "Default: $HERALD_CONFIG, else ./herald.yaml, else /etc/herald/herald.yaml.", valueName: "file")
    )
    var config: String?

    @Option(help: ArgumentHelp("The SQLite state file (overrides the config's `state`).", valueName: "path"))
    var state: String?

    @Option(help: ArgumentHelp("How much to log on stderr.", valueName: "level"))
    var logLevel: Logger.Level = .notice

    @Option(help: ArgumentHelp("Log lines as text, or as JSON objects for log shippers.", valueName: "format"))
    var logFormat: HeraldLogHandler.Format = .text

    var configPath: String {
        if let config { return config }
        if let path = ProcessInfo.processInfo.environment["HERALD_CONFIG"] { return path }
        if FileManager.default.fileExists(atPath: "herald.yaml") { return "herald.yaml" }
        return "/etc/herald/herald.yaml"
    }

    func makeLogger() -> Logger {
        let level = logLevel
        let format = logFormat
        return Logger(label: "herald") { label in HeraldLogHandler(label: label, level: level, format: format) }
    }

    /// Loads and checks the config; a bad one is printed and becomes exit status 2.
    func loadConfig() throws -> HeraldConfig {
        do {
            return try ConfigLoader.load(path: configPath)
        } catch {
            writeToStandardError("herald: invalid config:\n\(error)\n")
            throw ExitCode(2)
        }
    }

    var heraldOptions: HeraldOptions { HeraldOptions(statePath: state) }

    /// Opens the state file for the read-and-maintain commands; failure is exit status 1.
    func openState(_ config: HeraldConfig) throws -> HeraldStore {
        do {
            return try openStore(config: config, options: heraldOptions)
        } catch {
            writeToStandardError("herald: \(error)\n")
            throw ExitCode(1)
        }
    }
}

/// Pretty, stable JSON for `--json` outputs.
enum JSONOutput {
    static func string(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
extension HeraldLogHandler.Format: ExpressibleByArgument {}

/// Writes don't kill Herald when a reader goes away (`herald poll | head`): the write fails with
/// EPIPE, and the alert stays in the outbox.
func ignoreSIGPIPE() {
    signal(SIGPIPE, SIG_IGN)
}

/// A `--since` value: a duration back from now (`90m`, `24h`, `7d`). Anything else is refused by
/// the argument parser with the option named.
struct SinceOption: ExpressibleByArgument, CustomStringConvertible {
    let text: String
    let duration: Duration

    init?(argument: String) {
        guard let duration = ConfigValues.duration(argument) else { return nil }
        text = argument
        self.duration = duration
    }

    var description: String { text }
    var defaultValueDescription: String { text }

    /// The moment `duration` before now.
    var cutoff: Date { Date().addingTimeInterval(-duration.seconds) }
}
