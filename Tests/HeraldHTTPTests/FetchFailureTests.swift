import Foundation
import HeraldCore
import Testing

@testable import HeraldHTTP

/// Which failures are worth retrying, per the table on `FeedFetchFailure`.
@Suite("Failure classification")
struct FetchFailureTests {
    @Test(
        "HTTP statuses",
        arguments: [
            (408, true), (429, true), (500, true), (502, true), (503, true), (504, true),
            (400, false), (401, false), (403, false), (404, false), (410, false), (300, false),
        ])
    func statuses(status: Int, transient: Bool) {
        #expect(FeedFetchFailure(kind: .httpStatus, status: status, message: "HTTP \(status)").isTransient == transient)
    }

    @Test(
        "transfer errors",
        arguments: [
            (HTTPError.Kind.timeout, true), (.resolve, true), (.connect, true), (.truncated, true),
            (.transfer, true), (.tls, false), (.tooManyRedirects, false), (.bodyTooLarge, false),
            (.headersTooLarge, false), (.protocolNotAllowed, false), (.blockedAddress, false),
        ])
    func transferErrors(kind: HTTPError.Kind, transient: Bool) throws {
        let url = try #require(URL(string: "https://example.com/feed"))
        let failure = FeedFetcher.failure(for: HTTPError(kind, url: url, message: "x"))
        #expect(failure.isTransient == transient)
    }
}
