import Foundation
import HeraldCore
import HeraldTestSupport
import Synchronization
import Testing

@testable import HeraldHTTP

/// The fetcher against a real HTTP server on a loopback port: real sockets, real libcurl.
@Suite("FeedFetcher on loopback")
struct FeedFetcherTests {
    let client = HTTPClient(configuration: .init(userAgent: "HeraldTests/1"))
    var fetcher: FeedFetcher { FeedFetcher(client: client) }

    static let rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Test</title>
        <item><guid>a-1</guid><title>Barrack meets al-Shaibani in Paris</title></item>
        </channel></rss>
        """

    @Test("200 returns the body, the validators and the content type")
    func ok() async throws {
        let server = try TestHTTPServer { _ in
            .init(
                headers: [
                    ("Content-Type", "application/rss+xml"), ("ETag", "\"v1\""),
                    ("Last-Modified", "Tue, 13 Jan 2026 09:00:00 GMT"),
                ], text: Self.rss)
        }
        let outcome = await fetcher.fetch(loopback(server.url("/feed.xml")))
        guard case .fetched(let document) = outcome else {
            Issue.record("expected a body, got \(outcome)")
            return
        }
        #expect(String(decoding: document.body, as: UTF8.self) == Self.rss)
        #expect(document.etag == "\"v1\"")
        #expect(document.lastModified == "Tue, 13 Jan 2026 09:00:00 GMT")
        #expect(document.contentType == "application/rss+xml")
        #expect(document.permanentRedirect == nil)
        let request = try #require(server.requests.first)
        #expect(request.header("User-Agent") == "HeraldTests/1")
        #expect(request.header("If-None-Match") == nil)
        #expect(request.header("Accept-Encoding")?.contains("gzip") == true)
    }

    @Test("validators are sent back and 304 is reported as not modified")
    func notModified() async throws {
        let server = try TestHTTPServer { request in
            request.header("If-None-Match") == "\"v1\"" ? .init(status: 304) : .init(text: Self.rss)
        }
        let outcome = await fetcher.fetch(
            loopback(
                server.url("/feed.xml"), etag: "\"v1\"", lastModified: "Tue, 13 Jan 2026 09:00:00 GMT"))
        guard case .notModified = outcome else {
            Issue.record("expected 304, got \(outcome)")
            return
        }
        let request = try #require(server.requests.first)
        #expect(request.header("If-Modified-Since") == "Tue, 13 Jan 2026 09:00:00 GMT")
    }

    @Test("301 then 200 follows and reports the permanent new address; 302 does not")
    func redirects() async throws {
        let server = try TestHTTPServer { request in
            switch request.path {
            case "/old": .init(status: 301, headers: [("Location", "/new")])
            case "/temp": .init(status: 302, headers: [("Location", "/new")])
            default: .init(text: Self.rss)
            }
        }
        guard case .fetched(let moved) = await fetcher.fetch(loopback(server.url("/old"))) else {
            Issue.record("301 was not followed")
            return
        }
        #expect(moved.finalURL == server.url("/new"))
        #expect(moved.permanentRedirect == server.url("/new"))
        guard case .fetched(let temporary) = await fetcher.fetch(loopback(server.url("/temp"))) else {
            Issue.record("302 was not followed")
            return
        }
        #expect(temporary.finalURL == server.url("/new"))
        #expect(temporary.permanentRedirect == nil)
    }

    @Test("a redirect loop stops after five hops")
    func redirectLoop() async throws {
        let server = try TestHTTPServer { request in
            let hop = Int(request.path.dropFirst()) ?? 0
            return .init(status: 302, headers: [("Location", "/\(hop + 1)")])
        }
        let outcome = await fetcher.fetch(loopback(server.url("/0")))
        let failure = try #require(outcome.failure, "expected a failure, got \(outcome)")
        #expect(failure.kind == .redirects)
        #expect(!failure.isTransient)
        #expect(server.requests.count == 6)
    }

    @Test("404 and 500 are failures that keep the status", arguments: [404, 500])
    func httpErrors(status: Int) async throws {
        let server = try TestHTTPServer { _ in .init(status: status, text: "nope") }
        let failure = try #require(await fetcher.fetch(loopback(server.url("/feed"))).failure, "expected a failure")
        #expect(failure.kind == .httpStatus)
        #expect(failure.status == status)
        #expect(failure.message.contains("\(status)"))
    }

    @Test("503 with Retry-After reports how long to wait")
    func retryAfter() async throws {
        let server = try TestHTTPServer { _ in .init(status: 503, headers: [("Retry-After", "120")], text: "busy") }
        let failure = try #require(await fetcher.fetch(loopback(server.url("/feed"))).failure, "expected a failure")
        #expect(failure.retryAfter == .seconds(120))
    }

    @Test("a server that never answers times out")
    func stall() async throws {
        let server = try TestHTTPServer { _ in .stalled }
        defer { server.stop() }
        let started = ContinuousClock.now
        let outcome = await fetcher.fetch(loopback(server.url("/slow"), timeout: .seconds(1)))
        let failure = try #require(outcome.failure, "expected a timeout, got \(outcome)")
        #expect(failure.kind == .timeout)
        // Only that it ends: a 1 s limit on a machine busy with the rest of the suite can take a
        // few seconds, but never the minutes a missing timeout would.
        #expect(ContinuousClock.now - started < .seconds(30))
    }

    @Test("a gzip body is decompressed")
    func gzip() async throws {
        let compressed = try gzipped(Data(Self.rss.utf8))
        let server = try TestHTTPServer { _ in
            .init(headers: [("Content-Encoding", "gzip"), ("Content-Type", "application/rss+xml")], body: compressed)
        }
        guard case .fetched(let document) = await fetcher.fetch(loopback(server.url("/feed"))) else {
            Issue.record("expected a body")
            return
        }
        #expect(String(decoding: document.body, as: UTF8.self) == Self.rss)
    }

    @Test("the body cap counts decompressed bytes: a small gzip bomb is stopped")
    func bodyCap() async throws {
        let inflated = Data(repeating: UInt8(ascii: " "), count: 4 << 20)
        let bomb = try gzipped(inflated)
        #expect(bomb.count < 64 << 10)
        let server = try TestHTTPServer { _ in .init(headers: [("Content-Encoding", "gzip")], body: bomb) }
        let outcome = await fetcher.fetch(loopback(server.url("/bomb"), maxBodyBytes: 1 << 20))
        let failure = try #require(outcome.failure, "expected the cap to stop the transfer, got \(outcome)")
        #expect(failure.kind == .tooLarge)
    }

    @Test("file: URLs are refused unless the feed allows them")
    func fileScheme() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("herald-\(UUID()).xml")
        try Data(Self.rss.utf8).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        guard case .failed(let refused) = await fetcher.fetch(FeedFetchRequest(url: path)) else {
            Issue.record("file: was read without allow_file")
            return
        }
        #expect(refused.kind == .refused)
        #expect(refused.message.contains("allow_file"))
        guard case .fetched(let document) = await fetcher.fetch(FeedFetchRequest(url: path, allowFile: true)) else {
            Issue.record("file: was not read with allow_file")
            return
        }
        #expect(document.body == Data(Self.rss.utf8))
    }

    @Test("requests to one host run one at a time")
    func perHostLimit() async throws {
        let inFlight = InFlightCounter()
        let server = try TestHTTPServer { _ in
            inFlight.enter()
            usleep(50_000)
            inFlight.leave()
            return .init(text: Self.rss)
        }
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<4 {
                group.addTask { _ = await fetcher.fetch(loopback(server.url("/feed\(index)"))) }
            }
        }
        #expect(server.requests.count == 4)
        #expect(inFlight.peak == 1)
    }
}

/// Counts concurrent handler invocations on the test server.
final class InFlightCounter: Sendable {
    private let state = Mutex((current: 0, peak: 0))
    func enter() {
        state.withLock {
            $0.current += 1; $0.peak = max($0.peak, $0.current)
        }
    }
    func leave() { state.withLock { $0.current -= 1 } }
    var peak: Int { state.withLock { $0.peak } }
}

/// gzip through the system's `gzip`, so the test does not trust Herald's own code to make its input.
func gzipped(_ data: Data) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/gzip")
    process.arguments = ["-c", "-9"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    let writer = Thread {
        input.fileHandleForWriting.write(data)
        try? input.fileHandleForWriting.close()
    }
    writer.start()
    let result = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return result
}
