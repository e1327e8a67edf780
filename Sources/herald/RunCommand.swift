import ArgumentParser
import Foundation
import HeraldDaemon

#if canImport(Glibc)
    import Glibc
#endif

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run as a daemon: poll each feed on its interval until stopped.",
        discussion: """
            SIGTERM or SIGINT: finish what is in flight, deliver what is pending, exit 0.

            SIGHUP: re-read the config; a config with errors is rejected and the running one kept.

            Under systemd (Type=notify) it reports READY=1, STATUS=, RELOADING=1 and STOPPING=1.

            With --listen, an HTTP endpoint on a loopback address serves /metrics (Prometheus), /healthz, \
            /status.json and a read-only status page at /.
            """)

    @OptionGroup var options: CommonOptions

    @Option(
        name: .long, help: ArgumentHelp("Serve /metrics, /healthz and a status page here.", valueName: "HOST:PORT"))
    var listen: String?

    func run() async throws {
        ignoreSIGPIPE()
        var heraldOptions = options.heraldOptions
        if let listen {
            do throws(ListenAddressError) {
                heraldOptions.listen = try ListenAddress(parsing: listen)
            } catch {
                writeToStandardError("herald: --listen: \(error)\n")
                throw ExitCode(2)
            }
        }
        let config = try options.loadConfig()
        let logger = options.makeLogger()
        do {
            try await runDaemon(
                configPath: options.configPath, config: config, options: heraldOptions, logger: logger)
        } catch {
            logger.critical("herald stopped: \(error)")
            throw ExitCode(1)
        }
    }
}
