import Foundation

/// Resolution of the relative references feeds contain (links, `xml:base`).
enum FeedURL {
    /// `reference` made absolute against `base`. An absolute reference is returned as written (only
    /// trimmed), so Foundation's re-encoding never alters a publisher's link; one that cannot be
    /// resolved is returned as is too, since a relative link still beats none. Nil when empty.
    static func resolve(_ reference: String, against base: URL?) -> String? {
        let trimmed = reference.trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        guard !hasScheme(trimmed), let base, let url = URL(string: trimmed, relativeTo: base) else { return trimmed }
        return url.absoluteURL.absoluteString
    }

    /// The base URL in effect inside an element with this `xml:base` (nil attribute: the parent's).
    static func base(_ attribute: String?, parent: URL?) -> URL? {
        guard let value = attribute?.trimmingWhitespace(), !value.isEmpty else {
            return parent
        }
        if let parent, let url = URL(string: value, relativeTo: parent) { return url.absoluteURL }
        return URL(string: value) ?? parent
    }

    /// Whether the reference starts with a URI scheme ("https:", "mailto:", "tag:").
    static func hasScheme(_ reference: String) -> Bool {
        for (index, scalar) in reference.unicodeScalars.enumerated() {
            switch scalar {
            case "a"..."z", "A"..."Z": continue
            case "0"..."9", "+", "-", ".": if index == 0 { return false }
            case ":": return index > 0
            default: return false
            }
        }
        return false
    }
}
