/// How the text of a feed element is to be read.
enum FeedTextKind: Equatable {
    /// Plain text (Atom `type="text"`): nothing to decode.
    case text
    /// Plain text that publishers habitually entity-escape (RSS titles).
    case escapedText
    /// HTML carried as escaped text or CDATA (RSS `description`, Atom `type="html"`).
    case html
    /// Inline XHTML elements (Atom `type="xhtml"`), re-serialised as HTML.
    case xhtml
    /// Base64 (Atom 0.3 `mode="base64"`), decoded and then read as `decoded`.
    indirect case base64(decoded: FeedTextKind)
    /// Content this parser does not read (binary media, out-of-line `src`).
    case ignored

    /// The kind an Atom text construct declares through `type` (and, in Atom 0.3, `mode`).
    static func atom(type: String?, mode: String?, atom03: Bool) -> FeedTextKind {
        let mode = mode?.lowercased()
        let kind: FeedTextKind
        switch type?.lowercased() {
        case nil, "", "text", "text/plain":
            kind = .text
        case "html":
            kind = .html
        case "text/html":
            // Atom 0.3's default mode is "xml", i.e. inline elements; Atom 1.0 reads text/* as text.
            kind = atom03 && (mode == nil || mode == "xml") ? .xhtml : .html
        case "xhtml", "application/xhtml+xml":
            kind = .xhtml
        case let other? where other.hasPrefix("text/"):
            kind = .text
        case let other? where other.hasSuffix("+xml") || other.hasSuffix("/xml"):
            kind = .xhtml
        default:
            return .ignored
        }
        if mode == "base64" { return .base64(decoded: kind == .xhtml ? .html : kind) }
        return kind
    }
}

/// What a feed element's text feeds into, on the item or the feed that encloses it.
enum FeedField: Equatable {
    case title(FeedTextKind)
    case link
    /// RSS `guid`; a permalink guid doubles as the link when there is none.
    case guid(isPermaLink: Bool)
    case atomID
    case dcIdentifier
    case summary(FeedTextKind)
    case content(FeedTextKind)
    /// RSS `pubDate`, Atom `published`/`issued`/`created`.
    case published
    /// Dublin Core `dc:date`: publication when nothing more specific is given.
    case dcDate
    /// RSS `lastBuildDate`, Atom `updated`/`modified`.
    case updated
    /// RSS `author`: "email (Name)".
    case rssAuthor
    case dcCreator
    /// Atom `author/name`, `author/email` and `author/uri` (0.3: `url`).
    case authorName
    case authorEmail
    case authorURL
    /// RSS `category` (its `domain` the scheme), `dc:subject`.
    case category(scheme: String?, label: String?)
    case language
    /// RSS `ttl`, in minutes.
    case ttl
    /// `dc:title`, `media:title`: the title when there is no other.
    case fallbackTitle
    /// `dc:description`, `media:description`, `itunes:summary`/`subtitle`: the summary when there is no other.
    case fallbackSummary(FeedTextKind)
    /// `itunes:author`: the author when there is no other.
    case fallbackAuthor
    /// A non-standard RSS `summary`: the summary, pushing `description` to the content.
    case rssSummary
    /// Comma-separated keywords (`itunes:keywords`, `media:keywords`), each a category.
    case keywords(scheme: String?)
    /// An Atom 0.3 `link` with the URL as its text.
    case atomLinkText(rel: String, type: String?)
}
