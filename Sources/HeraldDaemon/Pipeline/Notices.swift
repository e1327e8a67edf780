import Foundation
import HeraldCore
import HeraldStore

/// The "feed unhealthy" and "feed recovered" notices: alerts about a feed rather than an item,
/// sent to every sink once per failure streak.
enum Notices {
    static let rule = "feed-health"

    static func unhealthy(
        _ feed: FeedConfig, failures: Int, error: String, at now: Date, sinks: [String]
    ) -> RoutedAlert? {
        guard feed.unhealthyAfter > 0 else { return nil }
        let alert = Alert(
            id: Alert.id(rule: rule, itemKey: "unhealthy\u{1F}\(feed.name)\u{1F}\(now.timeIntervalSince1970)"),
            kind: .feedUnhealthy, rule: rule, feed: feed.name,
            title: "Feed \(feed.name) has failed \(failures) times in a row",
            link: feed.url.absoluteString,
            summary: "Last error: \(error). Herald keeps polling it with backoff and will say when it recovers.",
            createdAt: now)
        return RoutedAlert(alert: alert, sinks: sinks)
    }

    /// Built for every poll; the store sends it only if the feed had been reported unhealthy.
    static func recovered(_ feed: FeedConfig, state: FeedState?, at now: Date, sinks: [String]) -> RoutedAlert? {
        guard let since = state?.unhealthySince else { return nil }
        let alert = Alert(
            id: Alert.id(rule: rule, itemKey: "recovered\u{1F}\(feed.name)\u{1F}\(since.timeIntervalSince1970)"),
            kind: .feedRecovered, rule: rule, feed: feed.name, title: "Feed \(feed.name) works again",
            link: feed.url.absoluteString,
            summary: "It had been failing since \(since.formatted(.iso8601)).", createdAt: now)
        return RoutedAlert(alert: alert, sinks: sinks)
    }
}
