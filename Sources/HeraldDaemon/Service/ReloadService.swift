import Foundation
import HeraldCore
import Logging
import ServiceLifecycle
import UnixSignals

#if canImport(Glibc)
    import Glibc
#endif

/// Re-reads the config on SIGHUP. A config that does not load or check is rejected with a log
/// line and the running one stays in force; a good one is swapped in and the scheduler woken.
struct ReloadService: Service {
    let herald: Herald
    let configPath: String
    let wakeup: Wakeup
    let notifier: SystemdNotifier
    /// Trapped before any service starts, so a SIGHUP that arrives right after `READY=1` is a
    /// reload, never the default action (termination).
    let hangups: UnixSignalsSequence

    func run() async throws {
        await cancelWhenGracefulShutdown {
            for await _ in hangups {
                reload()
            }
        }
    }

    func reload() {
        let logger = herald.logger
        notifier.notify("RELOADING=1\nMONOTONIC_USEC=\(Self.monotonicMicroseconds())")
        defer { notifier.notify("READY=1") }
        do {
            let config = try ConfigLoader.load(path: configPath)
            try herald.apply(config)
            logger.notice(
                "config reloaded",
                metadata: [
                    "feeds": "\(config.feeds.count)", "rules": "\(config.rules.count)",
                    "sinks": "\(config.sinks.count)",
                ])
            wakeup.wake()
        } catch {
            logger.error("config reload rejected, keeping the running config: \(error)")
        }
    }

    static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1000
    }
}

/// Builds the pipeline and runs it as a daemon until SIGTERM or SIGINT.
public func runDaemon(configPath: String, config: HeraldConfig, options: HeraldOptions, logger: Logger) async throws {
    let herald = try buildHerald(config: config, options: options, logger: logger)
    let hangups = await UnixSignalsSequence(trapping: .sighup)
    let notifier = SystemdNotifier(environment: options.environment)
    let wakeup = Wakeup()
    let heartbeat = Heartbeat()
    let deliveryWakeup = Wakeup()
    let scheduler = SchedulerService(
        herald: herald, wakeup: wakeup, notifier: notifier, heartbeat: heartbeat, deliveryWakeup: deliveryWakeup)
    // Graceful shutdown runs in reverse order: the scheduler finishes its poll before the
    // delivery lanes make their last pass.
    var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
        .init(service: DeliveryService(herald: herald, wakeup: deliveryWakeup)),
        .init(service: scheduler, successTerminationBehavior: .gracefullyShutdownGroup),
        .init(
            service: ReloadService(
                herald: herald, configPath: configPath, wakeup: wakeup, notifier: notifier, hangups: hangups)),
    ]
    if let interval = WatchdogService.interval(environment: options.environment) {
        let watchdog = WatchdogService(
            herald: herald, heartbeat: heartbeat, notifier: notifier, interval: interval,
            maxSilence: scheduler.maxSleep * 3 + .seconds(300))
        services.append(.init(service: watchdog))
    }
    if let address = options.listen {
        let maxSilence = scheduler.maxSleep * 3 + .seconds(300)
        let server = try StatusServer(address: address, herald: herald) {
            heartbeat.age < maxSilence ? await herald.store.ping() : false
        }
        services.append(.init(service: StatusService(server: server, logger: logger)))
    }
    let group = ServiceGroup(
        configuration: .init(
            services: services,
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
    do {
        try await group.run()
    } catch {
        await herald.shutdown()
        throw error
    }
    await herald.shutdown()
}
