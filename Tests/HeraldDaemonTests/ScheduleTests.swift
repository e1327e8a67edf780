import Foundation
import HeraldCore
import Testing

@testable import HeraldDaemon

/// Next-poll arithmetic: server hints as lower bounds, backoff by failure class, jitter, ceilings.
@Suite("Schedule")
struct ScheduleTests {
    let feed = FeedConfig(name: "wire", url: URL(string: "https://w.example/rss")!, interval: .seconds(600))
    let now = Date(timeIntervalSince1970: 1_000_000)

    /// Seconds from `now`, to the millisecond (jitter factors such as 1.1 are not exact in binary).
    func after(_ date: Date) -> Double { (date.timeIntervalSince(now) * 1000).rounded() / 1000 }

    @Test("caching hints and <ttl> are lower bounds on the interval, capped at a day")
    func hints() {
        #expect(after(Schedule.nextDue(feed, after: now, jitter: 0)) == 600)
        #expect(after(Schedule.nextDue(feed, after: now, jitter: 0.1)) == 660)
        // A hint shorter than the interval changes nothing.
        #expect(after(Schedule.nextDue(feed, after: now, freshFor: .seconds(60), jitter: 0)) == 600)
        #expect(after(Schedule.nextDue(feed, after: now, freshFor: .seconds(7200), jitter: 0.1)) == 7200)
        // The larger of the two hints wins.
        #expect(after(Schedule.nextDue(feed, after: now, freshFor: .seconds(7200), ttl: .seconds(10800))) == 10800)
        #expect(after(Schedule.nextDue(feed, after: now, freshFor: .seconds(900), ttl: .seconds(300))) >= 900)
        // `max-age=31536000` must not silence a feed for a year.
        #expect(after(Schedule.nextDue(feed, after: now, freshFor: .seconds(31_536_000))) == 86_400)
    }

    @Test("permanent failures start two doublings further on than transient ones; both stop at 6 h")
    func backoffByClass() {
        let transient = (1...7).map {
            after(
                Schedule.nextDueAfterFailure(
                    feed, failures: $0, transient: true, retryAfter: nil, after: now, jitter: 0))
        }
        let permanent = (1...7).map {
            after(
                Schedule.nextDueAfterFailure(
                    feed, failures: $0, transient: false, retryAfter: nil, after: now, jitter: 0))
        }
        #expect(transient == [600, 1200, 2400, 4800, 9600, 19200, 21600])
        #expect(permanent == [2400, 4800, 9600, 19200, 21600, 21600, 21600])
        // A feed polled less often than the cap keeps its own interval.
        let daily = FeedConfig(name: "d", url: URL(string: "https://w.example/d")!, interval: .seconds(86_400))
        #expect(
            after(
                Schedule.nextDueAfterFailure(
                    daily, failures: 9, transient: false, retryAfter: nil, after: now, jitter: 0)) == 86_400)
        // Thousands of failures do not overflow.
        #expect(
            after(Schedule.nextDueAfterFailure(feed, failures: 5000, retryAfter: nil, after: now, jitter: 0)) == 21600)
    }

    @Test("jitter spreads retries by up to 10 % and never below the backoff")
    func jitter() {
        let waits = (0..<200).map { _ in
            after(Schedule.nextDueAfterFailure(feed, failures: 2, retryAfter: nil, after: now))
        }
        #expect(waits.allSatisfy { (1200...1320).contains($0) })
        #expect(Set(waits).count > 10)
    }

    @Test("Retry-After is honoured above the backoff, up to a day")
    func retryAfter() {
        #expect(
            after(Schedule.nextDueAfterFailure(feed, failures: 1, retryAfter: .seconds(5400), after: now, jitter: 0.1))
                == 5400)
        #expect(
            after(Schedule.nextDueAfterFailure(feed, failures: 1, retryAfter: .seconds(10), after: now, jitter: 0))
                == 600)
        #expect(
            after(Schedule.nextDueAfterFailure(feed, failures: 1, retryAfter: .seconds(9_999_999), after: now))
                == 86_400)
    }
}
