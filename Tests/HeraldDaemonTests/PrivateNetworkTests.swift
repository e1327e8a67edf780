import Foundation
import HeraldCore
import HeraldHTTP
import HeraldTestSupport
import Testing

@testable import HeraldDaemon

/// The private-network guard through the whole pipeline: what a refused feed leaves in the state
/// file, and that `allow_private_network` is what lets it through.
@Suite("Private networks in the pipeline")
struct PrivateNetworkTests {
    /// 127.0.0.2 plays a public feed host (the client's policy exempts it, as nothing else on
    /// loopback can play one); it redirects into 127.0.0.1, where an "internal" service answers.
    @Test("a public-looking feed that redirects into 127.0.0.1 fails with a clear, permanent error")
    func redirectIntoLoopback() async throws {
        let inside = try TestHTTPServer { _ in .init(text: Fixtures.rss()) }
        let target = inside.url("/internal").absoluteString
        let outside = try TestHTTPServer(host: "127.0.0.2") { _ in .init(status: 302, headers: [("Location", target)]) }
        var http = HTTPClient.Configuration()
        http.addressPolicy = NetworkAddressPolicy(exemptions: [try #require(IPNetwork("127.0.0.2/32"))])

        func poll(allowPrivateNetwork: Bool) async throws -> (state: FeedState?, report: PollReport) {
            let workspace = try Workspace()
            let herald = try buildHerald(
                config: HeraldConfig(
                    file: workspace.path("h.yaml"),
                    feeds: [
                        FeedConfig(
                            name: "wire", url: outside.url("/rss"), firstPollWindow: nil,
                            allowPrivateNetwork: allowPrivateNetwork)
                    ],
                    rules: [RuleConfig(name: "talks", query: Fixtures.talksQuery)],
                    sinks: [SinkConfig(name: "archive", kind: .file(path: workspace.path("a.jsonl")))]),
                options: HeraldOptions(statePath: workspace.path("s.sqlite"), http: http), logger: testLogger)
            let report = await herald.poll()
            let state = try await herald.store.feedState("wire")
            await herald.shutdown()
            return (state, report)
        }

        let refused = try await poll(allowPrivateNetwork: false)
        let error = try #require(refused.state?.lastError)
        #expect(error.hasPrefix("permanent: refused to connect to 127.0.0.1 (a loopback address) for \(target)"))
        #expect(refused.report.failures.map(\.feed) == ["wire"])
        #expect(refused.report.newItems == 0)
        #expect(outside.requests.count == 1)
        #expect(inside.requests.isEmpty)

        let allowed = try await poll(allowPrivateNetwork: true)
        #expect(allowed.report.failures.isEmpty)
        #expect(allowed.report.newItems == 3)
        #expect(allowed.state?.lastError == nil)
        #expect(inside.requests.count == 1)
    }
}
