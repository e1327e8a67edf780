import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

@testable import HeraldHTTP

/// Caching hints the server sends back, turned into lower bounds for the next poll.
@Suite("Caching hints")
struct CachingHintsTests {
    let client = HTTPClient(configuration: .init(userAgent: "HeraldTests/1"))
    var fetcher: FeedFetcher { FeedFetcher(client: client) }

    static let rss = "<rss version=\"2.0\"><channel><title>Hints</title></channel></rss>"

    /// `Sun, 06 Nov 1994 08:49:37 GMT`, the RFC's example instant.
    static let now = Date(timeIntervalSince1970: 784_111_777)

    @Test("429 with an HTTP-date Retry-After reports the wait, as a transient failure")
    func retryAfterDate() async throws {
        let server = try TestHTTPServer { _ in
            let later = Date().addingTimeInterval(300)
            return .init(status: 429, headers: [("Retry-After", Self.imfDate(later))], text: "slow down")
        }
        let asked = Date()
        let outcome = await fetcher.fetch(loopback(server.url("/feed")))
        // However long the answer took to be read (a loaded test machine can take many seconds).
        let took = Int(Date().timeIntervalSince(asked).rounded(.up))
        let failure = try #require(outcome.failure, "expected a failure, got \(outcome)")
        #expect(failure.status == 429)
        #expect(failure.isTransient)
        let wait = try #require(failure.retryAfter)
        // 300 s from when the server answered, seen a moment later; whole seconds, rounded up.
        #expect(wait >= .seconds(299 - took) && wait <= .seconds(301), "read after \(took) s")
    }

    @Test("Retry-After counts on 429 and 503 only: a 404 that says it is no reason to wait")
    func retryAfterOnlyWhereMeant() async throws {
        let server = try TestHTTPServer { request in
            .init(status: request.path == "/busy" ? 503 : 404, headers: [("Retry-After", "600")], text: "x")
        }
        guard case .failed(let busy) = await fetcher.fetch(loopback(server.url("/busy"))),
            case .failed(let missing) = await fetcher.fetch(loopback(server.url("/missing")))
        else {
            Issue.record("expected two failures")
            return
        }
        #expect(busy.retryAfter == .seconds(600))
        #expect(busy.isTransient)
        #expect(missing.retryAfter == nil)
        #expect(!missing.isTransient)
    }

    @Test("Cache-Control max-age less Age becomes freshFor on a 200")
    func maxAge() async throws {
        let server = try TestHTTPServer { _ in
            .init(
                headers: [("Cache-Control", "public"), ("Cache-Control", "max-age=600"), ("Age", "100")],
                text: Self.rss)
        }
        let outcome = await fetcher.fetch(loopback(server.url("/feed")))
        guard case .fetched(let document) = outcome else {
            Issue.record("expected a body, got \(outcome)")
            return
        }
        #expect(document.freshFor == .seconds(500))
    }

    @Test("Expires counts from the server's Date, not from our clock")
    func expires() async throws {
        let server = try TestHTTPServer { _ in
            .init(
                headers: [("Date", "Tue, 13 Jan 2026 09:00:00 GMT"), ("Expires", "Tue, 13 Jan 2026 09:15:00 GMT")],
                text: Self.rss)
        }
        let outcome = await fetcher.fetch(loopback(server.url("/feed")))
        guard case .fetched(let document) = outcome else {
            Issue.record("expected a body, got \(outcome)")
            return
        }
        #expect(document.freshFor == .seconds(900))
    }

    @Test("a 304 carries the hint too; no-cache means no hint")
    func notModified() async throws {
        let server = try TestHTTPServer { request in
            request.path == "/cached"
                ? .init(status: 304, headers: [("Cache-Control", "max-age=120")])
                : .init(status: 304, headers: [("Cache-Control", "no-cache, max-age=120")])
        }
        let cached = await fetcher.fetch(loopback(server.url("/cached")))
        guard case .notModified(let freshFor) = cached else {
            Issue.record("expected 304, got \(cached)")
            return
        }
        #expect(freshFor == .seconds(120))
        let uncached = await fetcher.fetch(loopback(server.url("/uncached")))
        guard case .notModified(let none) = uncached else {
            Issue.record("expected 304, got \(uncached)")
            return
        }
        #expect(none == nil)
    }

    struct FreshnessCase: Sendable, CustomTestStringConvertible {
        var cacheControl: String?
        var expires: String?
        var date: String?
        var age: String?
        var expected: Duration?
        var testDescription: String { "\(cacheControl ?? "-") | \(expires ?? "-") | \(age ?? "-")" }
    }

    static let freshnessCases: [FreshnessCase] = [
        .init(cacheControl: "max-age=300", expected: .seconds(300)),
        .init(cacheControl: "Public, MAX-AGE=\"60\"", expected: .seconds(60)),
        .init(cacheControl: "max-age=300", age: "400", expected: .zero),
        .init(cacheControl: "max-age=300, no-store", expected: nil),
        .init(cacheControl: "no-cache", expires: "Sun, 06 Nov 1994 09:49:37 GMT", expected: nil),
        .init(cacheControl: "max-age=ten", expected: nil),
        .init(cacheControl: "s-maxage=900", expected: nil),
        .init(cacheControl: "max-age=30", expires: "Sun, 06 Nov 1994 09:49:37 GMT", expected: .seconds(30)),
        .init(
            expires: "Sun, 06 Nov 1994 09:49:37 GMT", date: "Sun, 06 Nov 1994 09:00:00 GMT",
            expected: .seconds(2977)),
        // Without Date, our clock (`now`, 08:49:37) stands in.
        .init(expires: "Sun, 06 Nov 1994 09:49:37 GMT", expected: .seconds(3600)),
        .init(expires: "Sun, 06 Nov 1994 07:00:00 GMT", expected: .zero),
        .init(expires: "0", expected: .zero),
        .init(expected: nil),
    ]

    @Test("parseFreshness", arguments: freshnessCases)
    func freshness(_ example: FreshnessCase) {
        let parsed = parseFreshness(
            cacheControl: example.cacheControl, expires: example.expires, date: example.date, age: example.age,
            now: Self.now)
        #expect(parsed == example.expected)
    }

    @Test("parseRetryAfter reads seconds and HTTP-dates")
    func retryAfterParsing() {
        #expect(parseRetryAfter("120", now: Self.now) == .seconds(120))
        #expect(parseRetryAfter("Sun, 06 Nov 1994 08:51:37 GMT", now: Self.now) == .seconds(120))
        #expect(parseRetryAfter("Sun, 06 Nov 1994 08:00:00 GMT", now: Self.now) == .zero)
        #expect(parseRetryAfter("soon", now: Self.now) == nil)
    }

    static func imfDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}
