import Foundation

/// Which of an item's keys make it "seen" for a feed (config `identity:`).
public enum IdentityKeyKind: String, Sendable, Hashable, CaseIterable {
    /// The publisher's guid / id, scoped to the feed (publishers reuse short ids such as "1").
    case guid
    /// The canonical link, global: the same article reached through two feeds is judged once.
    case link
    /// A hash of the normalised title and text, scoped to the feed.
    case fingerprint
}

/// The identity keys of one item.
public struct ItemKeys: Sendable, Hashable {
    /// Keys that make the item "seen" under the feed's policy, strongest first. Never empty: an item
    /// with none of the policy's keys falls back to its fingerprint.
    public var strong: [String]
    /// The fingerprint key, always computed: it recognises items whose guid and link changed
    /// (churn) and items whose text changed (edits).
    public var fingerprint: String

    public init(strong: [String], fingerprint: String) {
        self.strong = strong.isEmpty ? [fingerprint] : strong
        self.fingerprint = fingerprint
    }

    /// The key alert ids are derived from.
    public var primary: String { strong[0] }

    /// Every key to remember for the item.
    public var all: [String] { strong.contains(fingerprint) ? strong : strong + [fingerprint] }
}

/// The keys by which Herald recognises an item it has already judged.
public enum ItemIdentity {
    public static let defaultPolicy: [IdentityKeyKind] = [.guid, .link]

    /// The item's keys under `policy` (the kinds that count as strong, in order).
    public static func keys(feed: String, item: Item, policy: [IdentityKeyKind] = defaultPolicy) -> ItemKeys {
        let fingerprint = "fp:\(feed)\u{1F}" + StableHash.hex128(normalizedContent(item))
        var strong: [String] = []
        for kind in policy {
            switch kind {
            case .guid:
                if let guid = item.guid, !guid.isEmpty { strong.append("guid:\(feed)\u{1F}\(guid)") }
            case .link:
                if let link = item.link.flatMap(canonicalLink) { strong.append("link:\(link)") }
            case .fingerprint:
                strong.append(fingerprint)
            }
        }
        return ItemKeys(strong: strong, fingerprint: fingerprint)
    }

    /// Title and text reduced to lower-cased letters and digits separated by single spaces, so
    /// re-rendered markup, whitespace or punctuation changes are not "edits".
    static func normalizedContent(_ item: Item) -> String {
        var result = ""
        var pendingSpace = false
        for scalar in (item.title + " \u{1F} " + item.bodyText).lowercased().unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) || scalar == "\u{1F}" {
                if pendingSpace && !result.isEmpty { result.unicodeScalars.append(" ") }
                result.unicodeScalars.append(scalar)
                pendingSpace = false
            } else {
                pendingSpace = true
            }
        }
        return result
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
