import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The `XMLParser` delegate that turns SAX events of an RSS, RDF or Atom document into a `ParsedFeed`.
///
/// Elements are matched on namespace URI and local name. A stack of frames tracks where the parser
/// is (feed, item, Atom author, something ignored) and the `xml:base` in effect; the text of a
/// recognised element is gathered by a `MarkupCapture` and assigned when the element closes.
final class XMLFeedHandler: NSObject, XMLParserDelegate {
    private(set) var failure: FeedParseError?
    private let documentURL: URL?

    private enum Role {
        /// The root of an RSS or RDF document (in Atom the root is the feed itself: `.channel`).
        case root
        case channel
        case item
        case author(inItem: Bool)
        /// Anything else, and everything beneath it (an Atom entry's `source`, RSS `image`...).
        case other
    }

    private struct Frame {
        var role: Role
        var base: URL?
    }

    private var format: FeedFormat?
    private var isAtom = false
    /// Namespaces whose elements are the format's own (RSS 2.0 uses none; RDF and Atom have one).
    private var coreNamespaces: Set<String> = []
    private var frames: [Frame] = []
    private var capture: MarkupCapture?
    private var captureBase: URL?
    private var feedDraft = EntryDraft()
    private var itemDraft: EntryDraft?
    private var items: [Item] = []

    init(documentURL: URL?) {
        self.documentURL = documentURL
    }

    /// The feed, once parsing ended without error; nil when no root element was seen.
    func result() -> ParsedFeed? {
        guard let format else { return nil }
        var feed = ParsedFeed(format: format)
        feed.title = feedDraft.title ?? ""
        feed.link = feedDraft.bestLink
        feed.subtitle = feedDraft.summaryText.flatMap { $0.isEmpty ? nil : $0 }
        feed.language = feedDraft.language
        feed.updated = feedDraft.updated ?? feedDraft.published ?? feedDraft.dcDate
        // Atom entries without an author inherit the feed's (RFC 4287 §4.2.1).
        let feedAuthor = isAtom ? feedDraft.author : nil
        feed.items = items.map { item in
            var item = item
            if item.author == nil { item.author = feedAuthor }
            return item
        }
        return feed
    }

    // MARK: XMLParserDelegate

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        guard failure == nil else { return }
        let namespace = Self.namespace(namespaceURI, qualifiedName: qName)
        if capture != nil {
            capture?.startElement(elementName, namespace: namespace, attributes: attributeDict)
            return
        }
        let parentBase = frames.last?.base ?? documentURL
        let base = FeedURL.base(attributeDict["xml:base"], parent: parentBase)
        guard let parent = frames.last else {
            startRoot(elementName, namespace: namespace, qualifiedName: qName, attributes: attributeDict, base: base)
            if failure != nil { parser.abortParsing() }
            return
        }
        let isCore = coreNamespaces.contains(namespace)
        if isCore, format == .rss10, namespace == XMLNamespace.rss090 { format = .rss090 }

        var role = Role.other
        switch parent.role {
        case .root:
            if isCore && elementName == "channel" {
                role = .channel
            } else if isCore && elementName == "item" {
                role = .item
            }
        case .channel, .item:
            let inItem = if case .item = parent.role { true } else { false }
            if isCore && !inItem && (elementName == "item" || elementName == "entry") {
                role = .item
            } else if isCore && isAtom && elementName == "author" {
                role = .author(inItem: inItem)
            } else if isCore && isAtom && elementName == "link" {
                recordAtomLink(attributeDict, base: base, inItem: inItem)
            } else if isCore && isAtom && elementName == "category" {
                if inItem, let term = Self.trimmed(attributeDict["term"] ?? attributeDict["label"]) {
                    itemDraft?.categories.append(term)
                }
            } else if let field = field(elementName, namespace: namespace, attributes: attributeDict) {
                startCapture(field, base: base)
                return
            }
        case .author:
            if isCore && elementName == "name" {
                startCapture(.authorName, base: base)
                return
            }
        case .other:
            break
        }
        if case .item = role {
            var draft = EntryDraft()
            // RDF items are resources: their URI is as good an identity as a guid.
            draft.rdfAbout = Self.trimmed(
                attributeDict.first { $0.key.hasSuffix(":about") || $0.key == "about" }?.value)
            itemDraft = draft
        }
        frames.append(Frame(role: role, base: base))
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        guard failure == nil else { return }
        if let current = capture {
            if current.depth > 0 {
                capture?.endElement(elementName)
            } else {
                capture = nil
                finish(current)
            }
            return
        }
        guard let frame = frames.popLast() else { return }
        if case .item = frame.role, let draft = itemDraft {
            items.append(draft.makeItem())
            itemDraft = nil
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        capture?.characters(string)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard capture != nil else { return }
        capture?.characters(String(decoding: CDATABlock, as: UTF8.self))
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        let code = (parseError as NSError).code
        guard failure == nil, !XMLErrorMessage.isNamespaceError(code) else { return }
        failure = FeedParseError(
            .malformed, "XML is malformed: " + XMLErrorMessage.text(forCode: code),
            line: parser.lineNumber > 0 ? parser.lineNumber : nil)
        parser.abortParsing()
    }

    /// Publishers often use `dc:` or `content:` without declaring the prefix. libxml2 then reports
    /// the element in no namespace, where `dc:title` would pass for an RSS `title`; conventional
    /// prefixes get their usual namespace and any other undeclared prefix a namespace of its own.
    private static func namespace(_ uri: String?, qualifiedName: String?) -> String {
        if let uri, !uri.isEmpty { return uri }
        guard let qualifiedName, let colon = qualifiedName.firstIndex(of: ":") else { return "" }
        let prefix = String(qualifiedName[..<colon])
        return conventionalPrefixes[prefix] ?? "urn:x-herald:undeclared-prefix:\(prefix)"
    }

    private static let conventionalPrefixes: [String: String] = [
        "dc": XMLNamespace.dublinCore, "dcterms": XMLNamespace.dublinCoreTerms, "content": XMLNamespace.content,
        "atom": XMLNamespace.atom10, "rdf": XMLNamespace.rdf,
    ]

    // MARK: Structure

    private func startRoot(
        _ name: String, namespace: String, qualifiedName: String?, attributes: [String: String], base: URL?
    ) {
        var role = Role.root
        switch (namespace, name) {
        case (XMLNamespace.none, "rss"), (XMLNamespace.rss20Userland, "rss"):
            coreNamespaces = [XMLNamespace.none, XMLNamespace.rss20Userland]
            format = Self.rssFormat(version: attributes["version"])
        case (XMLNamespace.rdf, "RDF"):
            // RSS 0.90 is told apart from 1.0 by the namespace of its channel and items.
            coreNamespaces = [XMLNamespace.rss10, XMLNamespace.rss090, XMLNamespace.none]
            format = .rss10
        case (XMLNamespace.atom10, "feed"), (XMLNamespace.atom03, "feed"):
            coreNamespaces = [namespace]
            format = namespace == XMLNamespace.atom03 ? .atom03 : .atom10
            isAtom = true
            role = .channel
            feedDraft.language = Self.trimmed(attributes["xml:lang"])
        case (_, let local) where local.lowercased() == "html":
            failure = FeedParseError(.notAFeed, "document is an HTML page, not a feed")
            return
        default:
            failure = FeedParseError(.notAFeed, "root element <\(qualifiedName ?? name)> is not RSS, RDF or Atom")
            return
        }
        frames.append(Frame(role: role, base: base))
    }

    private static func rssFormat(version: String?) -> FeedFormat {
        switch version?.trimmingCharacters(in: .whitespaces) {
        case "0.90": .rss090
        case "0.91": .rss091
        case "0.92": .rss092
        case "0.93": .rss093
        case "0.94": .rss094
        // 2.0, 2.0.1, and feeds that omit or garble the version are all read as 2.0, its superset.
        default: .rss20
        }
    }

    private func recordAtomLink(_ attributes: [String: String], base: URL?, inItem: Bool) {
        guard let href = attributes["href"].flatMap({ FeedURL.resolve($0, against: base) }) else { return }
        let rel = Self.trimmed(attributes["rel"])?.lowercased() ?? "alternate"
        // Atom 1.0 allows the IANA registry URI as a long form of the short relation names.
        let shortRel = rel.hasPrefix("http://www.iana.org/assignments/relation/") ? String(rel.dropFirst(41)) : rel
        let link = EntryDraft.AtomLink(rel: shortRel, type: attributes["type"]?.lowercased(), href: href)
        if inItem { itemDraft?.atomLinks.append(link) } else { feedDraft.atomLinks.append(link) }
    }

    // MARK: Fields

    /// The field an element of the feed or of an item fills, if Herald reads it.
    private func field(_ name: String, namespace: String, attributes: [String: String]) -> FeedField? {
        switch namespace {
        case XMLNamespace.dublinCore:
            switch name {
            case "creator": return .dcCreator
            case "date": return .dcDate
            case "subject": return .category
            case "language": return .language
            case "identifier": return .dcIdentifier
            default: return nil
            }
        case XMLNamespace.dublinCoreTerms:
            switch name {
            case "modified": return .updated
            case "issued", "created": return .published
            default: return nil
            }
        case XMLNamespace.content:
            return name == "encoded" ? .content(.html) : nil
        case _ where !coreNamespaces.contains(namespace):
            return nil
        case _ where isAtom:
            let kind = FeedTextKind.atom(type: attributes["type"], mode: attributes["mode"], atom03: format == .atom03)
            switch name {
            case "title": return .title(kind)
            case "summary", "subtitle", "tagline": return .summary(kind)
            // Out-of-line content (`src`) has no text here.
            case "content": return .content(attributes["src"] == nil ? kind : .ignored)
            case "id": return .atomID
            case "published", "issued", "created": return .published
            case "updated", "modified": return .updated
            default: return nil
            }
        default:
            switch name {
            case "title": return .title(.escapedText)
            case "link": return .link
            case "description": return .summary(.html)
            case "guid": return .guid(isPermaLink: attributes["isPermaLink"]?.lowercased() != "false")
            case "pubDate": return .published
            case "lastBuildDate": return .updated
            case "author": return .rssAuthor
            case "category": return .category
            case "language": return .language
            default: return nil
            }
        }
    }

    private func startCapture(_ field: FeedField, base: URL?) {
        let kind: FeedTextKind =
            switch field {
            case .title(let kind), .summary(let kind), .content(let kind): kind
            default: .text
            }
        capture = MarkupCapture(field: field, kind: kind)
        captureBase = base
    }

    private func finish(_ capture: MarkupCapture) {
        let inItem =
            switch frames.last?.role {
            case .item?, .author(inItem: true)?: true
            default: false
            }
        if inItem, var draft = itemDraft {
            assign(capture, to: &draft)
            itemDraft = draft
        } else {
            assign(capture, to: &feedDraft)
        }
    }

    private func assign(_ capture: MarkupCapture, to draft: inout EntryDraft) {
        let raw = capture.buffer
        switch capture.field {
        case .title(let kind):
            draft.title = FeedTextDecoding.line(raw, kind: kind) ?? draft.title
        case .summary(let kind):
            guard let body = FeedTextDecoding.body(raw, kind: kind) else { return }
            (draft.summaryHTML, draft.summaryText) = (body.html, body.text)
        case .content(let kind):
            guard let body = FeedTextDecoding.body(raw, kind: kind) else { return }
            (draft.contentHTML, draft.contentText) = (body.html, body.text)
        case .link:
            draft.rssLink = FeedURL.resolve(raw, against: captureBase) ?? draft.rssLink
        case .guid(let isPermaLink):
            guard let guid = Self.trimmed(raw) else { return }
            draft.guid = guid
            // RSS 2.0: a permalink guid is the item's URL, used when there is no <link>.
            if isPermaLink, guid.hasPrefix("http://") || guid.hasPrefix("https://") { draft.permalinkGuid = guid }
        case .atomID:
            draft.atomID = Self.trimmed(raw)
        case .dcIdentifier:
            draft.dcIdentifier = Self.trimmed(raw)
        case .published:
            draft.published = FeedDate.parse(raw) ?? draft.published
        case .dcDate:
            draft.dcDate = FeedDate.parse(raw) ?? draft.dcDate
        case .updated:
            draft.updated = FeedDate.parse(raw) ?? draft.updated
        case .rssAuthor:
            draft.rssAuthor = Self.trimmed(HTMLText.decodedLine(raw))
        case .dcCreator:
            if let name = Self.trimmed(HTMLText.decodedLine(raw)) { draft.dcCreators.append(name) }
        case .authorName:
            if let name = Self.trimmed(HTMLText.collapsedLine(raw)) { draft.authorNames.append(name) }
        case .category:
            if let category = Self.trimmed(HTMLText.decodedLine(raw)) { draft.categories.append(category) }
        case .language:
            draft.language = Self.trimmed(raw) ?? draft.language
        }
    }

    private static func trimmed(_ value: String?) -> String? {
        guard let value = value?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }
}
