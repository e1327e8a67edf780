import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

@testable import HeraldHTTP

/// The private-network guard on real connections: it judges the address libcurl resolved, on every
/// hop, whatever the URL looked like.
@Suite("Private-network guard on loopback")
struct AddressGuardTests {
    static let rss = "<rss version=\"2.0\"><channel><title>Guarded</title></channel></rss>"

    /// Spellings of the loopback server's address that a host-name check would miss; each must be
    /// refused at connect time (and so never reach the server).
    static let disguises = [
        "localhost", "127.1", "2130706433", "0x7f000001", "[::ffff:127.0.0.1]", "[::1]", "0.0.0.0", "127.0.0.2",
    ]

    @Test("loopback in disguise is refused without allow_private_network", arguments: disguises)
    func disguisedLoopback(host: String) async throws {
        let server = try TestHTTPServer { _ in .init(text: Self.rss) }
        let client = HTTPClient()
        let url = try #require(URL(string: "http://\(host):\(server.port)/feed"))
        let outcome = await FeedFetcher(client: client).fetch(FeedFetchRequest(url: url))
        let failure = try #require(outcome.failure, "\(host) was fetched: \(outcome)")
        #expect(failure.kind == .refused)
        #expect(!failure.isTransient)
        #expect(failure.message.contains("refused to connect to "))
        #expect(failure.message.contains("set allow_private_network: true on the feed"))
        #expect(server.requests.isEmpty)
    }

    @Test("the refusal names the address and why; allow_private_network lets it through")
    func message() async throws {
        let server = try TestHTTPServer { _ in .init(text: Self.rss) }
        let fetcher = FeedFetcher(client: HTTPClient())
        let failure = try #require(
            await fetcher.fetch(FeedFetchRequest(url: server.url("/feed"))).failure,
            "127.0.0.1 was fetched without allow_private_network")
        #expect(failure.message.contains("127.0.0.1 (a loopback address)"))
        let allowed = await fetcher.fetch(FeedFetchRequest(url: server.url("/feed"), allowPrivateNetwork: true))
        guard case .fetched(let document) = allowed else {
            Issue.record("allow_private_network did not allow: \(allowed)")
            return
        }
        #expect(document.body == Data(Self.rss.utf8))
        #expect(server.requests.count == 1)
    }

    /// A server that keeps connections open: transfers allowed on private networks share them, and
    /// a guarded transfer to the same host and port, which would reuse one, is refused before it
    /// sends anything.
    @Test("connections are reused, but a guarded transfer never rides one a private-network transfer opened")
    func pooledConnections() async throws {
        let server = try TestHTTPServer(keepAlive: true) { _ in .init(text: Self.rss) }
        let fetcher = FeedFetcher(client: HTTPClient())
        for path in ["/a", "/b", "/c"] {
            let outcome = await fetcher.fetch(FeedFetchRequest(url: server.url(path), allowPrivateNetwork: true))
            #expect(outcome.failure == nil, "\(path): \(outcome)")
        }
        #expect(server.requests.count == 3)
        #expect(server.connections == 1)
        let guarded = await fetcher.fetch(FeedFetchRequest(url: server.url("/guarded")))
        let failure = try #require(guarded.failure, "the guarded transfer was fetched: \(guarded)")
        #expect(failure.kind == .refused)
        #expect(failure.message.contains("127.0.0.1 (a loopback address)"))
        #expect(server.requests.map(\.path) == ["/a", "/b", "/c"])
    }

    /// 127.0.0.2 plays a public feed host (the client's policy exempts it); it redirects to
    /// 127.0.0.1, which is still private. Only a guard that looks at every hop stops the second.
    @Test("a redirect from an allowed address to a private one is refused at the second hop")
    func redirectToPrivate() async throws {
        let inside = try TestHTTPServer { _ in .init(text: Self.rss) }
        let target = inside.url("/admin").absoluteString
        let outside = try TestHTTPServer(host: "127.0.0.2") { _ in .init(status: 302, headers: [("Location", target)]) }
        let policy = NetworkAddressPolicy(exemptions: [try #require(IPNetwork("127.0.0.2/32"))])
        let fetcher = FeedFetcher(client: HTTPClient(configuration: .init(addressPolicy: policy)))

        let outcome = await fetcher.fetch(FeedFetchRequest(url: outside.url("/feed")))
        let failure = try #require(outcome.failure, "the redirect into 127.0.0.1 was followed: \(outcome)")
        #expect(failure.kind == .refused)
        #expect(failure.message.contains("127.0.0.1 (a loopback address) for \(target)"))
        #expect(outside.requests.count == 1)
        #expect(inside.requests.isEmpty)

        // The same chain with the feed's permission arrives, so the refusal above was the guard's.
        let permitted = await fetcher.fetch(FeedFetchRequest(url: outside.url("/feed"), allowPrivateNetwork: true))
        guard case .fetched(let document) = permitted else {
            Issue.record("expected the permitted chain to arrive, got \(permitted)")
            return
        }
        #expect(document.finalURL.absoluteString == target)
        #expect(inside.requests.count == 1)
    }

    @Test("webhook-style requests are guarded too: HTTPClient refuses before sending anything")
    func clientLevel() async throws {
        let server = try TestHTTPServer { _ in .init(status: 204) }
        let client = HTTPClient()
        let request = HTTPRequest(url: server.url("/hook"), method: .post, body: Data("{}".utf8))
        do {
            _ = try await client.execute(request)
            Issue.record("the post reached 127.0.0.1")
        } catch let error as HTTPError {
            #expect(error.kind == .blockedAddress)
        }
        #expect(server.requests.isEmpty)
    }
}
