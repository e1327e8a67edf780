import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// OPML subscription lists: what other feed readers import and export.
public enum OPML {
    /// One subscription of an OPML file.
    public struct Subscription: Sendable, Hashable {
        public var title: String
        public var url: String
        /// The nearest enclosing outline's title (readers use them as folders); becomes a tag.
        public var category: String?
    }

    /// The subscriptions of an OPML document: every `<outline>` with an `xmlUrl`, at any depth.
    public static func subscriptions(in data: Data) throws(FeedParseError) -> [Subscription] {
        let delegate = OutlineCollector()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        parser.shouldResolveExternalEntities = false
        // libxml2 can report success on a truncated document: trust the error callback and the
        // closing tag too.
        let parsed = parser.parse() && delegate.error == nil
        if parsed && !delegate.sawOPML {
            throw FeedParseError(.notAFeed, "the document is not OPML (no <opml> root)")
        }
        guard parsed, delegate.closedOPML else {
            let reason = (parser.parserError ?? delegate.error).map { "\($0)" } ?? "the document ends early"
            throw FeedParseError(.malformed, "not a readable OPML file: \(reason)", line: parser.lineNumber)
        }
        return delegate.subscriptions
    }

    /// An OPML 2.0 document listing `feeds`, grouped by their first tag.
    public static func document(feeds: [FeedConfig], title: String = "Herald feeds") -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0">
              <head><title>\(escape(title))</title></head>
              <body>

            """
        let groups = Dictionary(grouping: feeds) { $0.tags.first ?? "" }
        for key in groups.keys.sorted() {
            let entries = groups[key] ?? []
            let indent = key.isEmpty ? "    " : "      "
            if !key.isEmpty { out += "    <outline text=\"\(escape(key))\" title=\"\(escape(key))\">\n" }
            for feed in entries {
                out += "\(indent)<outline type=\"rss\" text=\"\(escape(feed.name))\" title=\"\(escape(feed.name))\""
                out += " xmlUrl=\"\(escape(feed.url.absoluteString))\"/>\n"
            }
            if !key.isEmpty { out += "    </outline>\n" }
        }
        out += "  </body>\n</opml>\n"
        return out
    }

    /// A config-safe feed name from a title: lower-case ASCII letters and digits joined by `-`.
    public static func feedName(for title: String, fallback: String) -> String {
        var name = ""
        for scalar in title.lowercased().unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                name.unicodeScalars.append(scalar)
            } else if !name.isEmpty, !name.hasSuffix("-") {
                name += "-"
            }
        }
        while name.hasSuffix("-") { name.removeLast() }
        return name.isEmpty ? fallback : String(name.prefix(40))
    }

    static func escape(_ text: String) -> String { HTMLText.escape(text, quotes: true) }
}

/// Collects `<outline xmlUrl=…>` elements, remembering the enclosing folder.
private final class OutlineCollector: NSObject, XMLParserDelegate {
    var subscriptions: [OPML.Subscription] = []
    var sawOPML = false
    var closedOPML = false
    var error: (any Error)?
    var folders: [String?] = []

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        error = error ?? parseError
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if elementName.lowercased() == "opml" { sawOPML = true }
        guard elementName.lowercased() == "outline" else { return }
        let title = attributes["title"] ?? attributes["text"] ?? ""
        if let url = attributes["xmlUrl"] ?? attributes["xmlurl"], !url.isEmpty {
            let category = folders.last { $0 != nil } ?? nil
            subscriptions.append(.init(title: title, url: url, category: category))
            folders.append(nil)
        } else {
            folders.append(title.isEmpty ? nil : title)
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName.lowercased() == "outline", !folders.isEmpty { folders.removeLast() }
        if elementName.lowercased() == "opml" { closedOPML = true }
    }
}
