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
        let failure = try #require(outcome.failure, "an untrusted certificate was accepted: \(outcome)")
        #expect(failure.kind == .tls)
        #expect(!failure.isTransient)
        #expect(failure.message.contains("certificate"))
    }

    /// This libcurl and OpenSSL would negotiate TLS 1.1 by themselves (and then fail on the
    /// certificate); Herald's minimum makes the handshake itself fail, before any certificate.
    @Test("a server that speaks only TLS 1.1 is refused at the handshake")
    func oldProtocol() async throws {
        let server = try SelfSignedTLSServer(serverOptions: ["-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0"])
        defer { server.stop() }
        let fetcher = FeedFetcher(client: HTTPClient())
        let outcome = await fetcher.fetch(loopback(server.url("/feed")))
        let failure = try #require(outcome.failure, "a TLS 1.1 server was accepted: \(outcome)")
        #expect(failure.kind == .tls)
        #expect(failure.message.contains("protocol version"))
        #expect(!failure.message.contains("certificate"))
    }
}
