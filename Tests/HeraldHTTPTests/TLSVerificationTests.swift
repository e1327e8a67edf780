import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

@testable import HeraldHTTP

/// TLS verification is on whatever the environment says: an untrusted certificate is a failure,
/// and a permanent one (waiting will not make the certificate trusted).
@Suite("TLS verification")
struct TLSVerificationTests {
    @Test("a self-signed certificate is refused")
    func selfSigned() async throws {
        let server = try SelfSignedTLSServer()
        defer { server.stop() }
        let fetcher = FeedFetcher(client: HTTPClient())
        let outcome = await fetcher.fetch(loopback(server.url("/feed")))
        guard case .failed(let failure) = outcome else {
            Issue.record("an untrusted certificate was accepted: \(outcome)")
            return
        }
        #expect(failure.kind == .tls)
        #expect(!failure.isTransient)
        #expect(failure.message.contains("certificate"))
    }
}
