import Foundation
import HeraldCore

/// When a feed is next due.
public enum Schedule {
    /// After a success: the interval plus up to 10 % jitter, so feeds configured together drift
    /// apart instead of hitting their hosts in lock-step.
    public static func nextDue(_ feed: FeedConfig, after now: Date, jitter: Double = Double.random(in: 0...0.1)) -> Date
    {
        now.addingTimeInterval(feed.interval.seconds * (1 + jitter))
    }

    /// After a failure: capped exponential backoff (interval × 2^(failures−1), at most 6 h, never
    /// below the interval), and never sooner than the server's `Retry-After`. A failing feed is
    /// never given up on.
    public static func nextDueAfterFailure(
        _ feed: FeedConfig, failures: Int, retryAfter: Duration?, after now: Date
    ) -> Date {
        let backoff = min(
            feed.interval.seconds * pow(2, Double(max(0, failures - 1))), max(feed.interval.seconds, 6 * 3600))
        let wait = max(backoff, retryAfter?.seconds ?? 0)
        return now.addingTimeInterval(wait)
    }
}

extension Duration {
    /// The duration in seconds, as a `TimeInterval`.
    public var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
