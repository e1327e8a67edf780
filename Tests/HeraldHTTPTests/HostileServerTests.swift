import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

@testable import HeraldHTTP

/// Servers that try to hurt the fetcher — by dawdling, by flooding, by lying — on real loopback
/// sockets. Each must cost Herald a bounded amount of time and memory and end in a clear failure.
@Suite("Hostile servers")
struct HostileServerTests {
    let client = HTTPClient(configuration: .init(userAgent: "HeraldTests/1"))
    var fetcher: FeedFetcher { FeedFetcher(client: client) }

    static let rss = "<rss version=\"2.0\"><channel><title>Slow</title></channel></rss>"

    @Test("a 1 byte/s server is cut off by the total timeout")
    func trickleTotalTimeout() async throws {
        let sent = Locked(0)
        let server = try TestHTTPServer { _ in .trickle(Self.rss, every: .seconds(1), sent: sent) }
        defer { server.stop() }
        let started = ContinuousClock.now
        let outcome = await fetcher.fetch(
            loopback(server.url("/feed"), timeout: .seconds(2)))
        let failure = try #require(outcome.failure, "expected a timeout, got \(outcome)")
        #expect(failure.kind == .timeout)
        #expect(failure.isTransient)
        // The whole feed takes a minute at a byte a second; cut off at 2 s (a loaded test machine
        // can add many seconds before the fetch is resumed).
        #expect(ContinuousClock.now - started < .seconds(45))
        #expect(sent.value < Self.rss.utf8.count)
    }

    @Test("a 1 byte/s server is cut off by the low-speed limit long before the total timeout")
    func trickleLowSpeed() async throws {
        let sent = Locked(0)
        let server = try TestHTTPServer { _ in .trickle(Self.rss, every: .seconds(1), sent: sent) }
        defer { server.stop() }
        let request = HTTPRequest(
            url: server.url("/feed"), allowPrivateNetwork: true, timeout: .seconds(120), slowTimeout: .seconds(2))
        let started = ContinuousClock.now
        do {
            let response = try await client.execute(request)
            Issue.record("expected the transfer to be cut off, got status \(response.status)")
        } catch let error as HTTPError {
            #expect(error.kind == .timeout)
            #expect(error.message.contains("too slow"))
        }
        // Far below the 120 s total: only the low-speed limit can have ended it.
        #expect(ContinuousClock.now - started < .seconds(60))
    }

    @Test("a 100 MB header flood is cut off at the header cap")
    func headerFlood() async throws {
        let sent = Locked(0)
        let server = try TestHTTPServer { _ in .headerFlood(total: 100_000_000, sent: sent) }
        defer { server.stop() }
        let started = ContinuousClock.now
        let outcome = await fetcher.fetch(loopback(server.url("/feed")))
        let failure = try #require(outcome.failure, "expected the header cap to stop the transfer, got \(outcome)")
        #expect(failure.kind == .tooLarge)
        #expect(!failure.isTransient)
        #expect(failure.message.contains("response headers exceed the 262144-byte cap"))
        #expect(ContinuousClock.now - started < .seconds(45))
        // The writer notices the hang-up once the socket buffers are full: a few MB at most.
        try await waitUntil { sent.value > 0 }
        #expect(sent.value < 50_000_000)
    }

    @Test("a single 100 MB header line is cut off too")
    func endlessHeaderLine() async throws {
        let sent = Locked(0)
        let server = try TestHTTPServer { _ in .endlessHeaderLine(total: 100_000_000, sent: sent) }
        defer { server.stop() }
        let outcome = await fetcher.fetch(loopback(server.url("/feed")))
        let failure = try #require(outcome.failure, "expected the header cap to stop the transfer, got \(outcome)")
        #expect(failure.kind == .tooLarge)
        #expect(!failure.isTransient)
        #expect(failure.message.contains("header"))
        try await waitUntil { sent.value > 0 }
        #expect(sent.value < 50_000_000)
    }

    @Test("a body cut short of its Content-Length is a clear, transient failure")
    func truncatedBody() async throws {
        let server = try TestHTTPServer { _ in .truncated(Data(Self.rss.utf8), announced: 10_000) }
        let outcome = await fetcher.fetch(loopback(server.url("/feed")))
        let failure = try #require(outcome.failure, "expected a truncation failure, got \(outcome)")
        #expect(failure.kind == .network)
        #expect(failure.isTransient)
        #expect(failure.message.hasPrefix("response truncated: "))
        #expect(failure.message.contains("\(10_000 - Self.rss.utf8.count) bytes remaining"))
    }

    @Test("an endless redirect loop stops after 5 hops with a clear error")
    func redirectLoop() async throws {
        let server = try TestHTTPServer { request in
            .init(status: 302, headers: [("Location", request.path == "/a" ? "/b" : "/a")])
        }
        let outcome = await fetcher.fetch(loopback(server.url("/a")))
        let failure = try #require(outcome.failure, "expected a redirect failure, got \(outcome)")
        #expect(failure.kind == .redirects)
        #expect(!failure.isTransient)
        #expect(failure.message.contains("Maximum (5) redirects followed"))
        // The first request and five redirects.
        #expect(server.requests.map(\.path) == ["/a", "/b", "/a", "/b", "/a", "/b"])
    }

    @Test("a streamed gzip bomb (10 MB on the wire, GBs inflated) stops at the default 16 MiB cap")
    func gzipBomb() async throws {
        let sent = Locked(0)
        let server = try TestHTTPServer { _ in .gzipBomb(wireLimit: 10_000_000, sent: sent) }
        defer { server.stop() }
        let request = loopback(server.url("/bomb"))
        #expect(request.maxBodyBytes == 16 << 20)
        let outcome = await fetcher.fetch(request)
        let failure = try #require(outcome.failure, "expected the body cap to stop the bomb, got \(outcome)")
        #expect(failure.kind == .tooLarge)
        #expect(failure.message.contains("16777216-byte cap"))
        try await waitUntil { sent.value > 0 }
        // 16 MiB of zeros is some 73 KB of gzip; the rest of the 10 MB was never made.
        #expect(sent.value < 10_000_000)
    }
}

/// Polls `condition` (a server thread's report) for up to 20 s; the server writes its report after
/// the client has already hung up, so a test may get there first.
func waitUntil(_ condition: () -> Bool) async throws {
    let deadline = ContinuousClock.now + .seconds(20)
    while !condition() && ContinuousClock.now < deadline {
        try await Task.sleep(for: .milliseconds(20))
    }
}
