import Foundation

/// The keys by which Herald recognises an item it has already judged.
///
/// An item is "seen" when any of its keys is known. Guids are scoped to their feed (publishers reuse
/// short guids such as "1"); canonical links are global, so the same article reached through two
/// feeds is judged once. An item with neither gets a fingerprint of its title and text.
public enum ItemIdentity {
    /// The item's keys, strongest first; the first is its primary key (used in alert ids).
    public static func keys(feed: String, item: Item) -> [String] {
        var keys: [String] = []
        if let guid = item.guid, !guid.isEmpty { keys.append("guid:\(feed)\u{1F}\(guid)") }
        if let link = item.link.flatMap(canonicalLink) { keys.append("link:\(link)") }
        if keys.isEmpty {
            keys.append("fp:\(feed)\u{1F}" + StableHash.hex128(item.title + "\u{1F}" + item.bodyText))
        }
        return keys
    }

    /// Query parameters that only track readers; dropping them makes one article one link.
    static let trackingParameters: Set<String> = [
        "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ref", "ref_src", "cmpid", "at_medium",
        "at_campaign", "ocid", "spm", "yclid",
    ]

    /// The link with scheme and host lower-cased, default port, fragment and tracking parameters
    /// removed. Nil for something that is not an absolute http(s) URL.
    public static func canonicalLink(_ link: String) -> String? {
        guard var components = URLComponents(string: link.trimmingCharacters(in: .whitespacesAndNewlines)),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = components.host, !host.isEmpty
        else { return nil }
        components.scheme = scheme
        components.host = host.lowercased()
        if (scheme == "http" && components.port == 80) || (scheme == "https" && components.port == 443) {
            components.port = nil
        }
        components.fragment = nil
        if let items = components.queryItems {
            let kept = items.filter { item in
                let name = item.name.lowercased()
                return !name.hasPrefix("utm_") && !trackingParameters.contains(name)
            }
            components.queryItems = kept.isEmpty ? nil : kept
        }
        if components.path.isEmpty { components.path = "/" }
        return components.string
    }
}
