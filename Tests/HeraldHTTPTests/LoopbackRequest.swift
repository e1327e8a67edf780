import Foundation
import HeraldCore

/// A feed request to a loopback test server. The private-network guard refuses 127.0.0.1 unless
/// the feed allows private networks, so every test that talks to `TestHTTPServer` says it does.
func loopback(
    _ url: URL, etag: String? = nil, lastModified: String? = nil, timeout: Duration = .seconds(30),
    // The fetch request's own default, so a test of the default cap sees it through this helper.
    maxBodyBytes: Int = FeedFetchRequest(url: URL(fileURLWithPath: "/")).maxBodyBytes
) -> FeedFetchRequest {
    FeedFetchRequest(
        url: url, allowPrivateNetwork: true, etag: etag, lastModified: lastModified, timeout: timeout,
        maxBodyBytes: maxBodyBytes)
}

extension FeedFetchOutcome {
    /// The failure, for tests that expect one (`try #require(outcome.failure)`).
    var failure: FeedFetchFailure? {
        if case .failed(let failure) = self { failure } else { nil }
    }
}
