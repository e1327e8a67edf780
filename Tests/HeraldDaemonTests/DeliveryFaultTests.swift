import Foundation
import HeraldCore
import HeraldStore
import HeraldTestSupport
import Testing

@testable import HeraldDaemon

#if canImport(Glibc)
    import Glibc
#endif

/// Every way a webhook receiver can misbehave, against a real loopback socket and a real state file:
/// each cell checks the classification, the wait before the next try, and what the outbox holds.
@Suite("Webhook fault matrix")
struct DeliveryFaultTests {
    enum Expected: Sendable {
        /// Delivered: the receiver's status counted, whatever its body.
        case delivered
        /// Retried, next try between `min` and `max` seconds from now; the message says `says`.
        case retry(min: Double, max: Double, says: String)
        /// Retried at the given time (an HTTP-date the receiver sent), give or take a second.
        case retryAt(Date, says: String)
        case deadLetter(status: Int)
        case disabled(status: Int)
    }

    struct Cell: Sendable, CustomTestStringConvertible {
        var name: String
        var script: [ScriptedReceiver.Behaviour]
        var timeout: Duration = .seconds(5)
        var expected: Expected
        var testDescription: String { name }
    }

    /// Ten minutes from when the cells are built, to the second (HTTP-dates have no fractions).
    static let retryDate = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 + 600).rounded(.down))
    static let httpDate: String = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: retryDate)
    }()

    static let cells: [Cell] = [
        Cell(
            name: "blackhole: times out", script: [.blackhole], timeout: .seconds(1),
            expected: .retry(min: 0, max: 1, says: "timed out")),
        Cell(
            name: "1 byte/s trickle: times out", script: [.trickle(interval: .seconds(1))], timeout: .seconds(2),
            expected: .retry(min: 0, max: 1, says: "timed out")),
        Cell(
            name: "500 with Retry-After seconds",
            script: [.respond(status: 500, headers: [("Retry-After", "120")], body: "boom")],
            expected: .retry(min: 119, max: 122, says: "HTTP 500")),
        Cell(
            name: "502 with Retry-After HTTP-date",
            script: [.respond(status: 502, headers: [("Retry-After", httpDate)])],
            expected: .retryAt(retryDate, says: "HTTP 502")),
        Cell(
            name: "503 with Retry-After", script: [.respond(status: 503, headers: [("Retry-After", "30")])],
            expected: .retry(min: 29, max: 32, says: "HTTP 503")),
        Cell(
            name: "429, Retry-After seconds", script: [.respond(status: 429, headers: [("Retry-After", "45")])],
            expected: .retry(min: 44, max: 47, says: "HTTP 429")),
        Cell(
            name: "429, Retry-After HTTP-date", script: [.respond(status: 429, headers: [("Retry-After", httpDate)])],
            expected: .retryAt(retryDate, says: "HTTP 429")),
        Cell(
            name: "429, Discord retry_after in the body",
            script: [
                .respond(
                    status: 429, headers: [("Content-Type", "application/json")],
                    body: #"{"message": "You are being rate limited.", "retry_after": 12.5, "global": false}"#)
            ],
            expected: .retry(min: 12.4, max: 14, says: "HTTP 429")),
        Cell(
            name: "429, Telegram parameters.retry_after",
            script: [
                .respond(
                    status: 429, headers: [("Content-Type", "application/json")],
                    body:
                        #"{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 40","parameters":{"retry_after":40}}"#
                )
            ],
            expected: .retry(min: 39, max: 42, says: "HTTP 429")),
        Cell(name: "reset mid-response", script: [.reset], expected: .retry(min: 0, max: 1, says: "posting to")),
        Cell(
            name: "301 is not followed",
            script: [.respond(status: 301, headers: [("Location", "http://127.0.0.1:9/elsewhere")])],
            expected: .retry(min: 0, max: 1, says: "redirects are not followed")),
        Cell(
            name: "10 MB body: at most 64 KiB read, the 200 counts", script: [.huge(status: 200, bytes: 10 << 20)],
            expected: .delivered),
        Cell(
            name: "400: dead letter", script: [.respond(status: 400, body: #"{"error":"bad payload"}"#)],
            expected: .deadLetter(status: 400)),
        Cell(name: "422: dead letter", script: [.respond(status: 422, body: "no")], expected: .deadLetter(status: 422)),
        Cell(
            name: "410: sink disabled", script: [.respond(status: 410, body: "gone")], expected: .disabled(status: 410)),
        Cell(name: "401: sink disabled", script: [.respond(status: 401)], expected: .disabled(status: 401)),
        Cell(name: "404: sink disabled", script: [.respond(status: 404)], expected: .disabled(status: 404)),
    ]

    @Test("classification, wait and final state", arguments: cells)
    func cell(_ cell: Cell) async throws {
        let receiver = try ScriptedReceiver(cell.script)
        defer { receiver.stop() }
        let workspace = try Workspace()
        let logs = LogRecorder()
        let herald = try deliveryHerald(
            [.hook("hook", receiver.url().absoluteString, timeout: cell.timeout)], workspace: workspace,
            logger: logs.logger)
        let alerts = try await seedAlerts(2, in: herald.store, sinks: ["hook"])
        let started = Date()
        let report = await herald.deliver()
        let finished = Date()
        if case .delivered = cell.expected {
            #expect(report.delivered == 2)
            #expect(report.failures.isEmpty)
            #expect(try await herald.store.backlog().allSatisfy { $0.pending == 0 && $0.dead == 0 })
            #expect(receiver.requests.count == 2)
            #expect(!receiver.hugeBodyBytesSent.isEmpty)
            #expect(receiver.hugeBodyBytesSent.allSatisfy { $0 < 1 << 20 }, "the client stopped reading early")
            await herald.shutdown()
            return
        }
        let backlog = try #require(try await herald.store.backlog().first)
        switch cell.expected {
        case .delivered:
            Issue.record("handled above")
        case .retry(let min, let max, let says):
            #expect(report.delivered == 0)
            #expect(backlog.pending == 2 && backlog.failing == 1 && backlog.dead == 0)
            #expect(backlog.disabledAt == nil)
            // The wait starts when the answer (or timeout) came, some time within the pass: the
            // next try is at least `min` after the pass started and at most `max` after it ended
            // (bounds that hold however long a loaded machine takes to finish the pass).
            let next = try #require(backlog.nextAttempt)
            #expect(
                next.timeIntervalSince(started) >= min - 0.01 && next.timeIntervalSince(finished) <= max,
                "next try \(next.timeIntervalSince(started))s after the pass started, \(next.timeIntervalSince(finished))s after it ended"
            )
            #expect(backlog.lastError?.contains(says) == true, "\(backlog.lastError ?? "")")
            // The lane stopped at its first failure: the second alert was not tried.
            #expect(receiver.requests.count == 1)
        case .retryAt(let date, let says):
            #expect(backlog.pending == 2 && backlog.failing == 1)
            let next = try #require(backlog.nextAttempt)
            #expect(abs(next.timeIntervalSince(date)) <= 1.5, "next try \(next), asked for \(date)")
            #expect(backlog.lastError?.contains(says) == true, "\(backlog.lastError ?? "")")
            #expect(receiver.requests.count == 1)
        case .deadLetter(let status):
            // The refused alert is set aside; the next one is tried (and refused the same way).
            #expect(backlog.dead == 2 && backlog.pending == 0)
            let letters = try await herald.store.deadLetters()
            #expect(letters.map(\.alertID) == alerts.map(\.id))
            #expect(letters.allSatisfy { $0.lastStatus == status && $0.responseExcerpt != nil })
        case .disabled(let status):
            #expect(backlog.disabledAt != nil)
            #expect(backlog.disabledReason?.contains("HTTP \(status)") == true)
            #expect(backlog.pending == 2 && backlog.dead == 0)
            #expect(receiver.requests.count == 1)
            // Further passes send nothing and log nothing more: one line, not one per alert.
            _ = await herald.deliver()
            _ = await herald.deliver()
            #expect(receiver.requests.count == 1)
            #expect(logs.all.filter { $0.contains("sink disabled") }.count == 1)
            let report = try await StatusReport.build(config: herald.config, store: herald.store)
            #expect(report.sinks.first?.disabled?.contains("HTTP \(status)") == true)
            #expect(report.summaryLine.contains("sinks disabled: hook"))
        }
        if case .huge = cell.script[0] {
            #expect(
                try #require(receiver.hugeBodyBytesSent.first) < 1 << 20, "the client stopped reading early")
        }
        await herald.shutdown()
    }

    @Test("connection refused is retried")
    func refused() async throws {
        let port = try Self.closedPort()
        let workspace = try Workspace()
        let herald = try deliveryHerald([.hook("hook", "http://127.0.0.1:\(port)/hook")], workspace: workspace)
        _ = try await seedAlerts(1, in: herald.store, sinks: ["hook"])
        let report = await herald.deliver()
        #expect(report.failures.count == 1)
        let backlog = try #require(try await herald.store.backlog().first)
        #expect(backlog.pending == 1 && backlog.failing == 1)
        #expect(backlog.lastError?.contains("connection failed") == true)
        await herald.shutdown()
    }

    @Test("a name that does not resolve is retried, and delivered once the receiver is reachable")
    func dnsFailureThenRecovery() async throws {
        let receiver = try ScriptedReceiver([.respond(status: 204)])
        let workspace = try Workspace()
        let failing = SinkConfig.hook("hook", "http://herald-test.invalid/hook", timeout: .seconds(5))
        let herald = try deliveryHerald([failing], workspace: workspace)
        let alerts = try await seedAlerts(1, in: herald.store, sinks: ["hook"])
        _ = await herald.deliver()
        let backlog = try #require(try await herald.store.backlog().first)
        #expect(backlog.lastError?.contains("resolve") == true, "\(backlog.lastError ?? "")")
        // The name resolves again (here: the config now points at a reachable receiver).
        var config = herald.config
        config.sinks = [.hook("hook", receiver.url().absoluteString)]
        try herald.apply(config)
        let report = await herald.deliver()
        #expect(report.delivered == 1)
        #expect(receiver.requests.map { $0.header("webhook-id") } == [alerts[0].id])
        await herald.shutdown()
    }

    /// A port nobody listens on.
    static func closedPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        close(fd)
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
