import Foundation
import HeraldCore

/// When a feed is next due.
public enum Schedule {
    /// The longest wait a server can impose through `Cache-Control`/`Expires`, `<ttl>` or
    /// `Retry-After`. Those are lower bounds Herald honours to be polite; without a ceiling a
    /// careless (or hostile) `max-age=31536000` would silence a feed for a year.
    public static let maxServerDelay: Duration = .seconds(24 * 3600)

    /// Backoff after failures never grows past this (or the feed's interval, if that is longer).
    public static let maxBackoff: Duration = .seconds(6 * 3600)

    /// After a success: the interval plus up to 10 % jitter, so feeds configured together drift
    /// apart instead of hitting their hosts in lock-step — but never sooner than the server asked.
    /// `freshFor` is what the response's caching headers allow (`FetchedDocument.freshFor`); `ttl`
    /// is the feed's own `<ttl>` (RSS). Each is a lower bound, capped at `maxServerDelay`. For a
    /// feed with `adaptive_interval`, `publishingGap` sets the interval (`FeedConfig.pollInterval`).
    public static func nextDue(
        _ feed: FeedConfig, after now: Date, freshFor: Duration? = nil, ttl: Duration? = nil,
        publishingGap: Duration? = nil, jitter: Double = Double.random(in: 0...0.1)
    ) -> Date {
        let regular = feed.pollInterval(publishingGap: publishingGap).seconds * (1 + jitter)
        return now.addingTimeInterval(max(regular, serverDelay(freshFor), serverDelay(ttl)))
    }

    /// After a failure: capped exponential backoff with up to 10 % jitter, and never sooner than the
    /// server's `Retry-After` (capped at `maxServerDelay`). A failing feed is never given up on.
    ///
    /// A transient failure (timeout, DNS, 5xx, 429: see `FeedFetchFailure.isTransient`) waits
    /// interval × 2^(failures−1); a permanent one (404, 410, a parse error, a refused address)
    /// starts two doublings further on, since it needs a person, not another try in ten minutes.
    /// Either way at most `maxBackoff` (or the interval, if longer), and never below the interval.
    public static func nextDueAfterFailure(
        _ feed: FeedConfig, failures: Int, transient: Bool = true, retryAfter: Duration?, after now: Date,
        jitter: Double = Double.random(in: 0...0.1)
    ) -> Date {
        let interval = feed.interval.seconds
        let doublings = Double(max(0, failures - 1) + (transient ? 0 : 2))
        let cap = max(interval, maxBackoff.seconds)
        let backoff = min(interval * pow(2, min(doublings, 62)), cap) * (1 + jitter)
        return now.addingTimeInterval(max(backoff, serverDelay(retryAfter)))
    }

    /// A server-given delay in seconds, capped at `maxServerDelay`; 0 when there is none.
    static func serverDelay(_ delay: Duration?) -> TimeInterval {
        guard let delay else { return 0 }
        return min(max(0, delay.seconds), maxServerDelay.seconds)
    }
}
