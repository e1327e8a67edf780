import Foundation

/// Turns the events of an RSS, RDF or Atom document (from `XMLFeedParser`'s loop) into a `ParsedFeed`.
///
/// Elements are matched on namespace URI and local name. A stack of frames tracks where the parser
/// is (feed, item, Atom author, something ignored) and the `xml:base` in effect; the text of a
/// recognised element is gathered by a `MarkupCapture` and assigned when the element closes.
final class XMLFeedHandler {
    private(set) var failure: FeedParseError?
    private let documentURL: URL?

    private enum Role {
        /// The root of an RSS or RDF document (in Atom the root is the feed itself: `.channel`).
        case root
        case channel
        case item
        case author(inItem: Bool)
        /// A Media RSS `group`, whose `media:content` elements are the item's enclosures.
        case mediaGroup
        /// Anything else, and everything beneath it (an Atom entry's `source`, RSS `image`...).
        case other
    }

    private struct Frame {
        var role: Role
        var base: URL?
        /// The `xml:lang` in effect.
        var language: String?
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
    /// The Atom author being read (its `name`, `email` and `uri` children).
    private var person: Person?
    /// Faults worked around, for `ParsedFeed.problems`.
    private(set) var problems: [String] = []
    private var undeclaredPrefixes: Set<Substring> = []

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
        feed.id = feedDraft.atomID ?? feedDraft.guid
        feed.authors = feedDraft.persons
        feed.categories = feedDraft.uniqueCategories
        feed.ttl = feedDraft.ttl
        feed.problems = problems
        // Atom entries without an author inherit the feed's (RFC 4287 §4.2.1).
        let feedAuthors = isAtom ? feedDraft.persons : []
        feed.items = items.map { item in
            var item = item
            if item.authors.isEmpty && !feedAuthors.isEmpty {
                item.authors = feedAuthors
                item.author = feedDraft.author
            }
            if item.language == nil { item.language = feed.language }
            return item
        }
        return feed
    }

    /// Whether the text of the current element is wanted (the caller decodes only what is).
    var isCapturing: Bool { capture != nil }

    // MARK: Events

    func startElement(_ elementName: String, namespace: String, qualifiedName qName: String, attributes: XMLAttributes)
    {
        guard failure == nil else { return }
        let attributeDict = attributes
        if capture != nil {
            capture?.startElement(elementName, namespace: namespace, attributes: attributes.list)
            return
        }
        let parentBase = frames.last?.base ?? documentURL
        let base = FeedURL.base(attributeDict["xml:base"], parent: parentBase)
        let language = Self.trimmed(attributeDict["xml:lang"]) ?? frames.last?.language
        guard let parent = frames.last else {
            startRoot(
                elementName, namespace: namespace, qualifiedName: qName, attributes: attributeDict, base: base,
                language: language)
            return
        }
        let isCore = coreNamespaces.contains(namespace)
        if isCore, format == .rss10, namespace == XMLNamespace.rss090 { format = .rss090 }

        var role = Role.other
        switch parent.role {
        case .root:
            if isCore && elementName == "channel" {
                role = .channel
                if feedDraft.language == nil { feedDraft.language = language }
            } else if isCore && elementName == "item" {
                role = .item
            }
        case .channel, .item:
            let inItem = if case .item = parent.role { true } else { false }
            if isCore && !inItem && (elementName == "item" || elementName == "entry") {
                role = .item
            } else if isCore && isAtom && elementName == "author" {
                role = .author(inItem: inItem)
                person = Person()
            } else if isCore && isAtom && elementName == "link" {
                recordAtomLink(attributeDict, base: base, inItem: inItem)
            } else if isCore && isAtom && elementName == "category" {
                if let term = Self.trimmed(attributeDict["term"] ?? attributeDict["label"]) {
                    let category = FeedCategory(
                        term: term, scheme: Self.trimmed(attributeDict["scheme"]),
                        label: Self.trimmed(attributeDict["label"]))
                    if inItem { itemDraft?.categories.append(category) } else { feedDraft.categories.append(category) }
                }
            } else if inItem && namespace == XMLNamespace.media && elementName == "group" {
                role = .mediaGroup
            } else if inItem, let enclosure = enclosure(elementName, namespace: namespace, attributeDict, base: base) {
                itemDraft?.enclosures.append(enclosure)
            } else if let field = field(elementName, namespace: namespace, attributes: attributeDict) {
                startCapture(field, base: base)
                return
            }
        case .author:
            // Atom 0.3 calls the home page `url`, Atom 1.0 `uri`.
            let parts: [String: FeedField] = [
                "name": .authorName, "email": .authorEmail, "uri": .authorURL, "url": .authorURL,
            ]
            if isCore, let field = parts[elementName] {
                startCapture(field, base: base)
                return
            }
        case .mediaGroup:
            if let enclosure = enclosure(elementName, namespace: namespace, attributeDict, base: base) {
                itemDraft?.enclosures.append(enclosure)
            }
        case .other:
            break
        }
        if case .item = role {
            var draft = EntryDraft()
            // RDF items are resources: their URI is as good an identity as a guid.
            draft.rdfAbout = Self.trimmed(attributeDict.value(localName: "about"))
            draft.language = Self.trimmed(attributeDict["xml:lang"]) ?? (language == parent.language ? nil : language)
            itemDraft = draft
        }
        frames.append(Frame(role: role, base: base, language: language))
    }

    func endElement(_ elementName: String) {
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
        switch frame.role {
        case .item:
            if let draft = itemDraft { items.append(draft.makeItem()) }
            itemDraft = nil
        case .author(let inItem):
            if let person, person.name != nil || person.email != nil || person.url != nil {
                if inItem { itemDraft?.atomAuthors.append(person) } else { feedDraft.atomAuthors.append(person) }
            }
            person = nil
        default:
            break
        }
    }

    /// Decoded character data, or the content of a CDATA section.
    func characters(_ text: UnsafeBufferPointer<UInt8>) {
        capture?.characters(text)
    }

    /// Publishers often use `dc:` or `content:` without declaring the prefix. libxml2 then reports
    /// the element in no namespace, where `dc:title` would pass for an RSS `title`; conventional
    /// prefixes get their usual namespace and any other undeclared prefix a namespace of its own.
    func namespace(undeclaredPrefix prefix: Substring) -> String {
        if undeclaredPrefixes.insert(prefix).inserted {
            problems.append("namespace prefix \"\(prefix)\" is used without being declared")
        }
        return Self.conventionalPrefixes[String(prefix)] ?? "urn:x-herald:undeclared-prefix:\(prefix)"
    }

    /// Records a fault the parser worked around.
    func noteProblem(_ problem: String) {
        if !problems.contains(problem) { problems.append(problem) }
    }

    private static let conventionalPrefixes: [String: String] = [
        "dc": XMLNamespace.dublinCore, "dcterms": XMLNamespace.dublinCoreTerms, "content": XMLNamespace.content,
        "atom": XMLNamespace.atom10, "rdf": XMLNamespace.rdf, "media": XMLNamespace.media,
    ]

    // MARK: Structure

    private func startRoot(
        _ name: String, namespace: String, qualifiedName: String, attributes: XMLAttributes, base: URL?,
        language: String?
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
        case (_, let local) where local.lowercased() == "html":
            failure = FeedParseError(.notAFeed, "document is an HTML page, not a feed")
            return
        default:
            failure = FeedParseError(.notAFeed, "root element <\(qualifiedName)> is not RSS, RDF or Atom")
            return
        }
        feedDraft.language = language
        frames.append(Frame(role: role, base: base, language: language))
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

    private func recordAtomLink(_ attributes: XMLAttributes, base: URL?, inItem: Bool) {
        guard let href = attributes["href"].flatMap({ FeedURL.resolve($0, against: base) }) else { return }
        let rel = Self.trimmed(attributes["rel"])?.lowercased() ?? "alternate"
        // Atom 1.0 allows the IANA registry URI as a long form of the short relation names.
        let shortRel = rel.hasPrefix("http://www.iana.org/assignments/relation/") ? String(rel.dropFirst(41)) : rel
        let link = EntryDraft.AtomLink(rel: shortRel, type: attributes["type"]?.lowercased(), href: href)
        if inItem { itemDraft?.atomLinks.append(link) } else { feedDraft.atomLinks.append(link) }
        if inItem && shortRel == "enclosure" {
            itemDraft?.enclosures.append(
                Enclosure(url: href, type: Self.trimmed(attributes["type"]), length: Self.length(attributes["length"])))
        }
    }

    /// An RSS `enclosure`, or a Media RSS `content` or `thumbnail`, as an enclosure.
    private func enclosure(_ name: String, namespace: String, _ attributes: XMLAttributes, base: URL?) -> Enclosure? {
        let isRSS = name == "enclosure" && coreNamespaces.contains(namespace) && !isAtom
        let isMedia = namespace == XMLNamespace.media && (name == "content" || name == "thumbnail")
        guard isRSS || isMedia, let url = attributes["url"].flatMap({ FeedURL.resolve($0, against: base) }) else {
            return nil
        }
        var type = Self.trimmed(attributes["type"])
        if type == nil && name == "thumbnail" { type = "image" }
        return Enclosure(url: url, type: type, length: Self.length(attributes[isRSS ? "length" : "fileSize"]))
    }

    /// A declared byte size; nil when missing or not a non-negative number.
    private static func length(_ value: String?) -> Int64? {
        trimmed(value).flatMap { Int64($0) }.flatMap { $0 >= 0 ? $0 : nil }
    }

    // MARK: Fields

    /// The field an element of the feed or of an item fills, if Herald reads it.
    private func field(_ name: String, namespace: String, attributes: XMLAttributes) -> FeedField? {
        switch namespace {
        case XMLNamespace.dublinCore:
            switch name {
            case "creator": return .dcCreator
            case "date": return .dcDate
            case "subject": return .category(scheme: nil)
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
            case "author", "managingEditor": return .rssAuthor
            case "category": return .category(scheme: Self.trimmed(attributes["domain"]))
            case "language": return .language
            case "ttl": return .ttl
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
        let raw = capture.text
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
            draft.rssAuthor = draft.rssAuthor ?? Self.trimmed(HTMLText.decodedLine(raw))
        case .dcCreator:
            if let name = Self.trimmed(HTMLText.decodedLine(raw)) { draft.dcCreators.append(name) }
        case .authorName:
            person?.name = Self.trimmed(HTMLText.collapsedLine(raw))
        case .authorEmail:
            person?.email = Self.trimmed(raw)
        case .authorURL:
            person?.url = Self.trimmed(raw).flatMap { FeedURL.resolve($0, against: captureBase) }
        case .category(let scheme):
            if let term = Self.trimmed(HTMLText.decodedLine(raw)) {
                draft.categories.append(FeedCategory(term: term, scheme: scheme))
            }
        case .ttl:
            if let minutes = Self.trimmed(raw).flatMap({ Int($0) }), minutes >= 0, minutes < 1_000_000 {
                draft.ttl = .seconds(minutes * 60)
            }
        case .language:
            draft.language = Self.trimmed(raw) ?? draft.language
        }
    }

    private static func trimmed(_ value: String?) -> String? {
        guard let value = value?.trimmingWhitespace(), !value.isEmpty else { return nil }
        return value
    }
}
