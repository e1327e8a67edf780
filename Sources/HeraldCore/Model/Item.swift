import Foundation

/// One entry of a feed, after parsing, in the same shape whatever the feed's format.
///
/// `summaryHTML`/`contentHTML` keep the publisher's markup (for display); the `*Text` forms are the
/// same content as plain text — tags stripped, entities decoded, paragraph breaks kept — and are
/// what rules match against.
public struct Item: Sendable, Hashable, Codable {
    /// The publisher's markup, as parsed: its relative links are resolved when it is read
    /// (`summaryHTML`), since most items are never shown and a poll need not pay for it.
    var summaryMarkup: FeedMarkup?
    var contentMarkup: FeedMarkup?
    /// The publisher's id: RSS `guid`, Atom `id`, JSON Feed `id`. Trimmed; nil when absent or empty.
    public var guid: String?
    /// The item's link, resolved to an absolute URL when the document gave a base.
    public var link: String?
    /// Plain-text title (entities decoded, markup stripped).
    public var title: String
    /// The summary's HTML, its relative links made absolute; nil for a plain-text summary.
    public var summaryHTML: String? {
        get { summaryMarkup?.html }
        set { summaryMarkup = newValue.map { FeedMarkup(source: $0) } }
    }
    /// The content's HTML, its relative links made absolute; nil for plain-text content.
    public var contentHTML: String? {
        get { contentMarkup?.html }
        set { contentMarkup = newValue.map { FeedMarkup(source: $0) } }
    }
    /// The summary's plain text. For an item with content it is rendered from the markup when
    /// first read (`DeferredText`): rules, stories and fingerprints read the body, so a poll does
    /// not pay for it.
    public var summaryText: String {
        get { deferredSummary.value }
        set { deferredSummary = DeferredText(newValue) }
    }
    var deferredSummary: DeferredText
    public var contentText: String
    public var published: Date?
    public var updated: Date?
    public var author: String?
    public var categories: [String]
    /// Attached media (RSS `enclosure`, Atom `link rel="enclosure"`, JSON Feed `attachments`).
    public var enclosures: [Enclosure]
    /// The language the item declares (`xml:lang`, `dc:language`), else the feed's; nil when neither does.
    public var language: String?
    /// Everyone the item names as author, with what the feed says of them; `author` is their names.
    public var authors: [Person]
    /// `categories` with their scheme and label, where the feed gives them.
    public var categoryDetails: [FeedCategory]

    public init(
        guid: String? = nil, link: String? = nil, title: String = "",
        summaryHTML: String? = nil, contentHTML: String? = nil,
        summaryText: String = "", contentText: String = "",
        published: Date? = nil, updated: Date? = nil,
        author: String? = nil, categories: [String] = [],
        enclosures: [Enclosure] = [], language: String? = nil,
        authors: [Person] = [], categoryDetails: [FeedCategory] = []
    ) {
        self.guid = guid
        self.link = link
        self.title = title
        self.summaryMarkup = summaryHTML.map { FeedMarkup(source: $0) }
        self.contentMarkup = contentHTML.map { FeedMarkup(source: $0) }
        self.deferredSummary = DeferredText(summaryText)
        self.contentText = contentText
        self.published = published
        self.updated = updated
        self.author = author
        self.categories = categories
        self.enclosures = enclosures
        self.language = language
        self.authors = authors
        self.categoryDetails = categoryDetails
    }

    /// The longest plain text the item has: content when present, else summary.
    public var bodyText: String { contentText.isEmpty ? summaryText : contentText }

    /// Drops the summary and content (text and markup), keeping what identifies the item and its
    /// dates: for an item already keyed and judged, whose text nothing needs any more.
    public mutating func dropText() {
        summaryMarkup = nil
        contentMarkup = nil
        deferredSummary = DeferredText("")
        contentText = ""
    }
}

extension Item {
    enum CodingKeys: String, CodingKey {
        case guid, link, title, summaryHTML, contentHTML, summaryText, contentText, published, updated, author
        case categories, enclosures, language, authors, categoryDetails
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(guid, forKey: .guid)
        try container.encodeIfPresent(link, forKey: .link)
        try container.encode(title, forKey: .title)
        try container.encodeIfPresent(summaryHTML, forKey: .summaryHTML)
        try container.encodeIfPresent(contentHTML, forKey: .contentHTML)
        try container.encode(summaryText, forKey: .summaryText)
        try container.encode(contentText, forKey: .contentText)
        try container.encodeIfPresent(published, forKey: .published)
        try container.encodeIfPresent(updated, forKey: .updated)
        try container.encodeIfPresent(author, forKey: .author)
        try container.encode(categories, forKey: .categories)
        try container.encode(enclosures, forKey: .enclosures)
        try container.encodeIfPresent(language, forKey: .language)
        try container.encode(authors, forKey: .authors)
        try container.encode(categoryDetails, forKey: .categoryDetails)
    }

    /// Decodes items encoded before `enclosures`, `language`, `authors` and `categoryDetails`
    /// existed, which lack those keys.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            guid: try container.decodeIfPresent(String.self, forKey: .guid),
            link: try container.decodeIfPresent(String.self, forKey: .link),
            title: try container.decode(String.self, forKey: .title),
            summaryHTML: try container.decodeIfPresent(String.self, forKey: .summaryHTML),
            contentHTML: try container.decodeIfPresent(String.self, forKey: .contentHTML),
            summaryText: try container.decode(String.self, forKey: .summaryText),
            contentText: try container.decode(String.self, forKey: .contentText),
            published: try container.decodeIfPresent(Date.self, forKey: .published),
            updated: try container.decodeIfPresent(Date.self, forKey: .updated),
            author: try container.decodeIfPresent(String.self, forKey: .author),
            categories: try container.decode([String].self, forKey: .categories),
            enclosures: try container.decodeIfPresent([Enclosure].self, forKey: .enclosures) ?? [],
            language: try container.decodeIfPresent(String.self, forKey: .language),
            authors: try container.decodeIfPresent([Person].self, forKey: .authors) ?? [],
            categoryDetails: try container.decodeIfPresent([FeedCategory].self, forKey: .categoryDetails) ?? []
        )
    }
}

/// A summary's or content's HTML as the feed gave it, with the base its relative links resolve
/// against (`xml:base`, the feed's URL).
struct FeedMarkup: Sendable, Hashable {
    var source: String
    var base: URL?

    /// The markup with its relative URL attributes made absolute.
    var html: String { HTMLLinks.resolvingRelativeURLs(source, against: base) }
}

/// Plain text, or the HTML it is rendered from (`HTMLText.plainText`) when read. Compared and
/// hashed by its text, rendered or not.
struct DeferredText: Sendable, Hashable {
    private var text: String?
    private var html: String?

    init(_ text: String) { self.text = text }

    init(renderingHTML html: String) { self.html = html }

    var value: String { text ?? HTMLText.plainText(html ?? "") }

    /// Renders the markup now, for text that will be read more than once.
    mutating func render() {
        guard text == nil else { return }
        text = value
        html = nil
    }

    static func == (lhs: Self, rhs: Self) -> Bool { lhs.value == rhs.value }
    func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

/// The syndication format a document was recognised as.
public enum FeedFormat: String, Sendable, Codable {
    case rss090 = "rss0.90"
    /// RSS 0.91 as UserLand wrote it (no doctype).
    case rss091 = "rss0.91"
    /// RSS 0.91 with Netscape's doctype.
    case rss091Netscape = "rss0.91n"
    case rss092 = "rss0.92"
    case rss093 = "rss0.93"
    case rss094 = "rss0.94"
    case rss10 = "rss1.0"
    case rss20 = "rss2.0"
    /// An `<rss>` root without a `version`: read as 2.0, its superset.
    case rssUnversioned = "rss"
    case atom03 = "atom0.3"
    case atom10 = "atom1.0"
    case jsonFeed10 = "json1.0"
    case jsonFeed11 = "json1.1"
    /// Microsoft's Channel Definition Format (1997), read for its channel and items.
    case cdf
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
    /// How long the publisher says the feed may be cached (RSS `ttl`, in minutes); nil when unsaid.
    public var ttl: Duration?
    /// The charset the document was decoded from, as labelled (lower-cased, e.g. "utf-8",
    /// "windows-1256"); nil for JSON, which is always UTF-8.
    public var encoding: String?
    /// Why `encoding` was chosen.
    public var encodingReason: EncodingReason?
    /// Faults in the document that parsing worked around (a charset label that lied, an
    /// undeclared namespace prefix...). Empty for a clean document; the feed is usable either way.
    public var problems: [String]
    /// The feed's own id (Atom `id`); nil when it has none.
    public var id: String?
    /// The feed's authors (Atom `author`, RSS `managingEditor`, `dc:creator`, JSON Feed `authors`).
    public var authors: [Person]
    /// The feed's own categories.
    public var categories: [FeedCategory]

    public init(
        format: FeedFormat, title: String = "", link: String? = nil, subtitle: String? = nil,
        language: String? = nil, updated: Date? = nil, items: [Item] = [], ttl: Duration? = nil,
        encoding: String? = nil, encodingReason: EncodingReason? = nil, problems: [String] = [],
        id: String? = nil, authors: [Person] = [], categories: [FeedCategory] = []
    ) {
        self.format = format
        self.title = title
        self.link = link
        self.subtitle = subtitle
        self.language = language
        self.updated = updated
        self.items = items
        self.ttl = ttl
        self.encoding = encoding
        self.encodingReason = encodingReason
        self.problems = problems
        self.id = id
        self.authors = authors
        self.categories = categories
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
