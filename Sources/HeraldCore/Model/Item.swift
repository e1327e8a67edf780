import Foundation

/// One entry of a feed, after parsing, in the same shape whatever the feed's format.
///
/// `summaryHTML`/`contentHTML` keep the publisher's markup (for display); the `*Text` forms are the
/// same content as plain text — tags stripped, entities decoded, paragraph breaks kept — and are
/// what rules match against.
public struct Item: Sendable, Hashable, Codable {
    /// The publisher's id: RSS `guid`, Atom `id`, JSON Feed `id`. Trimmed; nil when absent or empty.
    public var guid: String?
    /// The item's link, resolved to an absolute URL when the document gave a base.
    public var link: String?
    /// Plain-text title (entities decoded, markup stripped).
    public var title: String
    public var summaryHTML: String?
    public var contentHTML: String?
    public var summaryText: String
    public var contentText: String
    public var published: Date?
    public var updated: Date?
    public var author: String?
    public var categories: [String]

    public init(
        guid: String? = nil, link: String? = nil, title: String = "",
        summaryHTML: String? = nil, contentHTML: String? = nil,
        summaryText: String = "", contentText: String = "",
        published: Date? = nil, updated: Date? = nil,
        author: String? = nil, categories: [String] = []
    ) {
        self.guid = guid
        self.link = link
        self.title = title
        self.summaryHTML = summaryHTML
        self.contentHTML = contentHTML
        self.summaryText = summaryText
        self.contentText = contentText
        self.published = published
        self.updated = updated
        self.author = author
        self.categories = categories
    }

    /// The longest plain text the item has: content when present, else summary.
    public var bodyText: String { contentText.isEmpty ? summaryText : contentText }
}

/// The syndication format a document was recognised as.
public enum FeedFormat: String, Sendable, Codable {
    case rss090 = "rss0.90"
    case rss091 = "rss0.91"
    case rss092 = "rss0.92"
    case rss093 = "rss0.93"
    case rss094 = "rss0.94"
    case rss10 = "rss1.0"
    case rss20 = "rss2.0"
    case atom03 = "atom0.3"
    case atom10 = "atom1.0"
    case jsonFeed10 = "json1.0"
    case jsonFeed11 = "json1.1"
}

/// A parsed feed document: its own metadata and its items, in document order.
public struct ParsedFeed: Sendable, Hashable {
    public var format: FeedFormat
    public var title: String
    public var link: String?
    public var subtitle: String?
    public var language: String?
    public var updated: Date?
    public var items: [Item]

    public init(
        format: FeedFormat, title: String = "", link: String? = nil, subtitle: String? = nil,
        language: String? = nil, updated: Date? = nil, items: [Item] = []
    ) {
        self.format = format
        self.title = title
        self.link = link
        self.subtitle = subtitle
        self.language = language
        self.updated = updated
        self.items = items
    }
}

/// Why a document could not be read as a feed. The message is meant for a user's eyes.
public struct FeedParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// Not XML nor JSON, or not a feed (e.g. an HTML page).
        case notAFeed
        /// XML or JSON that is ill-formed.
        case malformed
        /// The bytes cannot be decoded in the declared or detected charset.
        case undecodable
    }

    public var kind: Kind
    public var message: String
    /// 1-based line of the problem, when the parser knows it.
    public var line: Int?

    public init(_ kind: Kind, _ message: String, line: Int? = nil) {
        self.kind = kind
        self.message = message
        self.line = line
    }

    public var description: String {
        if let line { return "\(message) (line \(line))" }
        return message
    }
}
