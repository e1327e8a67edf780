import Foundation
import HeraldCore
import HeraldStore
import HeraldTestSupport
import Synchronization
import Testing

@testable import HeraldDaemon

#if canImport(Glibc)
    import Glibc
#endif

/// Retry schedules, dead letters and the independence of lanes, end to end through real sockets
/// and a real state file.
@Suite("Delivery lanes")
struct DeliveryLaneTests {
    @Test("full jitter: each wait lies between 0 and the step, and never below what the receiver asked")
    func jitterBounds() {
        let schedule = RetrySchedule(steps: [.seconds(0), .seconds(5), .seconds(30)])
        // The random source is asked for a number in the range it is given; the extremes are the bounds.
        let low: @Sendable (ClosedRange<Double>) -> Double = { $0.lowerBound }
        let high: @Sendable (ClosedRange<Double>) -> Double = { $0.upperBound }
        #expect(Herald.retryWait(failures: 1, schedule: schedule, asked: nil, random: high) == 0)
        #expect(Herald.retryWait(failures: 2, schedule: schedule, asked: nil, random: low) == 0)
        #expect(Herald.retryWait(failures: 2, schedule: schedule, asked: nil, random: high) == 5)
        #expect(Herald.retryWait(failures: 3, schedule: schedule, asked: nil, random: high) == 30)
        // The last step repeats.
        #expect(Herald.retryWait(failures: 9, schedule: schedule, asked: nil, random: high) == 30)
        #expect(Herald.retryWait(failures: 3, schedule: schedule, asked: .seconds(100), random: high) == 100)
        #expect(Herald.retryWait(failures: 3, schedule: schedule, asked: .seconds(2), random: low) == 2)
        // Real draws stay inside the bounds.
        for failures in 1...5 {
            let wait = Herald.retryWait(
                failures: failures, schedule: schedule, asked: nil, random: { Double.random(in: $0) })
            #expect(wait >= 0 && wait <= schedule.step(afterFailures: failures).seconds)
        }
    }

    @Test("a 503 without Retry-After waits a drawn time within the configured step")
    func configuredSchedule() async throws {
        let receiver = try ScriptedReceiver([.respond(status: 503)])
        let workspace = try Workspace()
        let herald = try deliveryHerald(
            [.hook("hook", receiver.url().absoluteString, retry: RetrySchedule(steps: [.seconds(40)]))],
            workspace: workspace)
        _ = try await seedAlerts(1, in: herald.store, sinks: ["hook"])
        let before = Date()
        _ = await herald.deliver()
        let next = try #require(try await herald.store.backlog().first?.nextAttempt)
        #expect(next.timeIntervalSince(before) >= -0.01 && next.timeIntervalSince(Date()) <= 40)
        await herald.shutdown()
    }

    @Test("failing past give_up_after makes a dead letter; dlq retry sends it again with its original id")
    func giveUpThenRetry() async throws {
        let receiver = try ScriptedReceiver([.respond(status: 500, body: "still broken")])
        let workspace = try Workspace()
        let herald = try deliveryHerald(
            [
                .hook(
                    "hook", receiver.url().absoluteString,
                    retry: RetrySchedule(steps: [.seconds(0)], giveUpAfter: .seconds(60)))
            ], workspace: workspace)
        let alerts = try await seedAlerts(2, in: herald.store, sinks: ["hook"])
        let clock = Mutex(Date())
        let now: @Sendable () -> Date = { clock.withLock { $0 } }
        _ = await herald.deliver(now: now)
        #expect(try await herald.store.deadLetters().isEmpty)
        clock.withLock { $0 = $0.addingTimeInterval(61) }
        let report = await herald.deliver(now: now)
        // The first alert has failed for 61 s: given up. The lane then moved on to the second, whose
        // first try just failed, so it waits for its retry.
        #expect(report.deadLettered == 1)
        let letters = try await herald.store.deadLetters()
        #expect(letters.map(\.alertID) == [alerts[0].id])
        #expect(letters.first?.lastStatus == 500)
        #expect(letters.first?.responseExcerpt == "still broken")
        #expect(letters.first?.lastError?.contains("gave up") == true)

        receiver.setScript([.respond(status: 200)])
        #expect(try await herald.store.retryDeadLetters(ids: [alerts[0].id], at: now()) == 1)
        let retried = await herald.deliver(now: now)
        #expect(retried.delivered == 2)
        let ids = receiver.requests.map { $0.header("webhook-id") }
        #expect(ids.suffix(2) == [alerts[0].id, alerts[1].id])
        #expect(try await herald.store.deadLetters().isEmpty)
        await herald.shutdown()
    }

    @Test("purge deletes dead letters, only the sink's when named")
    func purge() async throws {
        let receiver = try ScriptedReceiver([.respond(status: 400)])
        let workspace = try Workspace()
        let herald = try deliveryHerald(
            [.hook("a", receiver.url().absoluteString), .hook("b", receiver.url().absoluteString)],
            workspace: workspace)
        _ = try await seedAlerts(2, in: herald.store, sinks: ["a", "b"])
        _ = await herald.deliver()
        #expect(try await herald.store.deadLetters().count == 4)
        #expect(try await herald.store.purgeDeadLetters(sink: "a") == 2)
        #expect(try await herald.store.deadLetters().map(\.sink) == ["b", "b"])
        await herald.shutdown()
    }

    @Test("a disabled sink is enabled again and its kept alerts go out")
    func enableAgain() async throws {
        let receiver = try ScriptedReceiver([.respond(status: 403), .respond(status: 200)])
        let workspace = try Workspace()
        let herald = try deliveryHerald([.hook("hook", receiver.url().absoluteString)], workspace: workspace)
        _ = try await seedAlerts(2, in: herald.store, sinks: ["hook"])
        let first = await herald.deliver()
        #expect(first.disabled == ["hook"])
        #expect(try await herald.store.enableSink("hook"))
        let second = await herald.deliver()
        #expect(second.delivered == 2)
        await herald.shutdown()
    }

    @Test("a hung webhook does not hold up the file sink: its alerts land long before the webhook's timeout")
    func lanesAreIndependent() async throws {
        let receiver = try ScriptedReceiver([.blackhole])
        defer { receiver.stop() }
        let workspace = try Workspace()
        let herald = try deliveryHerald(
            [
                .hook("hook", receiver.url().absoluteString, timeout: .seconds(30)),
                SinkConfig(name: "archive", kind: .file(path: workspace.path("alerts.jsonl"))),
            ], workspace: workspace)
        let wakeup = Wakeup()
        let service = DeliveryService(herald: herald, wakeup: wakeup)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await service.run() }
            _ = try await seedAlerts(1, in: herald.store, sinks: ["hook", "archive"])
            wakeup.wake()
            // The webhook now hangs on its first alert.
            #expect(await eventually(within: .seconds(5)) { receiver.requests.count == 1 })
            #expect(await eventually(within: .seconds(5)) { (try? workspace.alertLines("alerts.jsonl").count) == 1 })

            _ = try await seedAlerts(3, in: herald.store, sinks: ["hook", "archive"], first: 2)
            wakeup.wake()
            // Held up, they would wait for the webhook's 30 s timeout; 10 s leaves a loaded
            // machine room without letting that pass.
            let landed = await eventually(within: .seconds(10)) {
                (try? workspace.alertLines("alerts.jsonl").count) == 4
            }
            #expect(landed, "the file sink waited for the hung webhook")
            #expect(receiver.requests.count == 1)
            group.cancelAll()
        }
        await herald.shutdown()
    }

    @Test("a lease left by a killed process is taken over at once; a live process's lease is respected")
    func abandonedLeases() async throws {
        let receiver = try ScriptedReceiver([.respond(status: 204)])
        let workspace = try Workspace()
        let herald = try deliveryHerald([.hook("hook", receiver.url().absoluteString)], workspace: workspace)
        _ = try await seedAlerts(2, in: herald.store, sinks: ["hook"])
        // A live process (this one, under another owner name) holds the lane: nothing is sent.
        let live = "herald-\(getpid())-otherone"
        #expect(try await herald.store.claim(sink: "hook", owner: live).count == 2)
        #expect(await herald.deliver().delivered == 0)
        #expect(receiver.requests.isEmpty)
        try await herald.store.releaseLeases(owner: live)
        // A process that has exited held it: its lease is cleared and the alerts go out.
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = "herald-\(finished.processIdentifier)-gone0000"
        #expect(try await herald.store.claim(sink: "hook", owner: dead).count == 2)
        #expect(await herald.deliver().delivered == 2)
        #expect(receiver.requests.count == 2)
        await herald.shutdown()
    }

    @Test("the daemon's lanes take over a killed process's lease at once")
    func daemonTakesOverAbandonedLease() async throws {
        let workspace = try Workspace()
        let herald = try deliveryHerald(
            [SinkConfig(name: "archive", kind: .file(path: workspace.path("alerts.jsonl")))], workspace: workspace)
        _ = try await seedAlerts(2, in: herald.store, sinks: ["archive"])
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        #expect(
            try await herald.store.claim(sink: "archive", owner: "herald-\(finished.processIdentifier)-x").count == 2)
        let wakeup = Wakeup()
        let service = DeliveryService(herald: herald, wakeup: wakeup)
        await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await service.run() }
            let landed = await eventually(within: .seconds(10)) {
                (try? workspace.alertLines("alerts.jsonl").count) == 2
            }
            #expect(landed, "the lane waited for the dead process's lease")
            group.cancelAll()
        }
        await herald.shutdown()
    }

    @Test("a closed stdout pipe is a failed delivery, not a crash; the alert stays queued")
    func brokenPipe() async throws {
        signal(SIGPIPE, SIG_IGN)
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        close(fds[0])
        defer { close(fds[1]) }
        let sink = StdoutSink(name: "console", format: .json, descriptor: fds[1])
        let alert = Alert(id: "a1", rule: "talks", feed: "wire", title: "t")
        await #expect(throws: SinkError.self) { try await sink.deliver(alert) }
        do {
            try await sink.deliver(alert)
        } catch let error as SinkError {
            #expect(error.message.contains("Broken pipe"))
            #expect(error.disposition == .retry)
        }
    }
}
