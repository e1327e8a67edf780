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
        /// An iTunes `category`, which may hold subcategories.
        case iTunesCategory
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
    /// (An array: it holds one to three URIs, and comparing them is cheaper than hashing.)
    private var coreNamespaces: [String] = []
    private var frames: [Frame] = []
    private var capture: MarkupCapture?
    private var captureBase: URL?
    private var feedDraft = EntryDraft()
    private var itemDraft: EntryDraft?
    private var items: [Item] = []
    /// A capture buffer kept for its capacity between captures.
    private var spareBuffer: [UInt8] = []
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
        feed.title = feedDraft.title ?? feedDraft.fallbackTitle ?? ""
        feed.link = feedDraft.bestLink
        feed.subtitle = feedDraft.bestSummary.flatMap { $0.text.value.isEmpty ? nil : $0.text.value }
        feed.language = feedDraft.language
        feed.updated = feedDraft.updated ?? feedDraft.published ?? feedDraft.dcDate
        feed.id = feedDraft.atomID ?? feedDraft.guid
        feed.authors = feedDraft.persons
        feed.categories = feedDraft.uniqueCategories
        feed.ttl = feedDraft.ttl
        feed.problems = problems
        // Atom entries without an author inherit the feed's (RFC 4287 §4.2.1).
        let feedAuthors = isAtom ? feedDraft.persons : []
        // Filled in place: mapping would copy every item, every field retained and released.
        let feedAuthor = feedAuthors.isEmpty ? nil : feedDraft.author
        for index in items.indices {
            if items[index].authors.isEmpty, let feedAuthor {
                items[index].authors = feedAuthors
                items[index].author = feedAuthor
            }
            if items[index].language == nil { items[index].language = feed.language }
        }
        feed.items = items
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
        let language = Self.language(attributeDict["xml:lang"]) ?? frames.last?.language
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
            if isCore && !inItem
                && (elementName == "item" || elementName == "entry"
                    || (format == .cdf && elementName.lowercased() == "item"))
            {
                role = .item
            } else if isCore && isAtom && elementName == "author" {
                role = .author(inItem: inItem)
                person = Person()
            } else if isCore && isAtom && elementName == "link" && attributeDict["href"] != nil {
                recordAtomLink(attributeDict, base: base, inItem: inItem)
            } else if isCore && isAtom && elementName == "category" {
                if let term = Self.trimmed(attributeDict["term"] ?? attributeDict["label"]) {
                    let category = FeedCategory(
                        term: term, scheme: Self.trimmed(attributeDict["scheme"]),
                        label: Self.trimmed(attributeDict["label"]))
                    if inItem { itemDraft?.categories.append(category) } else { feedDraft.categories.append(category) }
                }
            } else if XMLNamespace.isITunes(namespace) && elementName == "category" {
                // Nested categories (Technology > Gadgets) each count.
                role = .iTunesCategory
                recordITunesCategory(attributeDict, inItem: inItem)
            } else if isCore && isAtom && elementName == "link" && attributeDict["href"] == nil {
                // Atom 0.3 drafts put the URL in the element's text.
                let rel = Self.trimmed(attributeDict["rel"])?.lowercased() ?? "alternate"
                startCapture(.atomLinkText(rel: rel, type: attributeDict["type"]?.lowercased()), base: base)
                return
            } else if inItem && XMLNamespace.isMedia(namespace) && elementName == "group" {
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
                "homepage": .authorURL,
            ]
            if isCore, let field = parts[elementName] {
                startCapture(field, base: base)
                return
            }
        case .mediaGroup:
            if let enclosure = enclosure(elementName, namespace: namespace, attributeDict, base: base) {
                itemDraft?.enclosures.append(enclosure)
            } else if XMLNamespace.isMedia(namespace),
                let field = field(elementName, namespace: namespace, attributes: attributeDict)
            {
                startCapture(field, base: base)
                return
            }
        case .iTunesCategory:
            if XMLNamespace.isITunes(namespace) && elementName == "category" {
                role = .iTunesCategory
                recordITunesCategory(attributeDict, inItem: itemDraft != nil)
            }
        case .other:
            break
        }
        if case .item = role {
            var draft = EntryDraft()
            // RDF items are resources: their URI is as good an identity as a guid.
            draft.rdfAbout = Self.trimmed(attributeDict.value(localName: "about"))
            draft.language = Self.language(attributeDict["xml:lang"]) ?? (language == parent.language ? nil : language)
            itemDraft = draft
            if format == .cdf { startCDFEntry(attributeDict, base: base, inItem: true) }
        }
        frames.append(Frame(role: role, base: base, language: language))
    }

    func endElement(_ elementName: String) {
        guard failure == nil else { return }
        // The capture is moved, never copied: copying it would retain and release its buffer.
        if capture != nil {
            if capture!.depth > 0 {
                capture!.endElement(elementName)
            } else if var current = capture.take() {
                finish(current)
                spareBuffer = current.recycledBuffer()
            }
            return
        }
        guard let frame = frames.popLast() else { return }
        switch frame.role {
        case .item:
            if let draft = itemDraft.take() { items.append(draft.makeItem()) }
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

    /// Whether decoded text may be appended straight to the capture (`appendText`).
    var capturesTextAsIs: Bool { capture?.takesTextAsIs ?? false }

    /// Appends decoded text straight to the capture, saving a copy.
    func appendText(_ body: (inout [UInt8]) throws(FeedParseError) -> Void) throws(FeedParseError) {
        guard capture != nil else { return }
        try capture!.appendText(body)
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
        // The root's name decides the format whatever its namespace: feeds put RSS and Atom roots in
        // made-up or misspelt namespaces, and readers have always accepted them.
        switch name {
        case "rss":
            coreNamespaces = [XMLNamespace.none, XMLNamespace.rss20Userland, namespace]
            format = Self.rssFormat(version: attributes["version"])
            if format == .rss091, doctypeID?.contains("Netscape") == true { format = .rss091Netscape }
        case "RDF" where namespace == XMLNamespace.rdf || namespace.isEmpty:
            // RSS 0.90 is told apart from 1.0 by its namespace (on the root or on channel and items).
            coreNamespaces = [XMLNamespace.rss10, XMLNamespace.rss090, XMLNamespace.none]
            format = rootDefaultNamespace == XMLNamespace.rss090 ? .rss090 : .rss10
        case "feed":
            coreNamespaces = [namespace]
            let isAtom03 =
                namespace == XMLNamespace.atom03
                || (namespace != XMLNamespace.atom10 && attributes["version"]?.hasPrefix("0.") == true)
            format = isAtom03 ? .atom03 : .atom10
            isAtom = true
            role = .channel
        case let other where other.lowercased() == "channel" && namespace.isEmpty:
            // Microsoft's Channel Definition Format: <CHANNEL HREF=... LASTMOD=...> with <ITEM>s.
            coreNamespaces = [XMLNamespace.none]
            format = .cdf
            role = .channel
            startCDFEntry(attributes, base: base, inItem: false)
        case let local where local.lowercased() == "html":
            failure = FeedParseError(.notAFeed, "document is an HTML page, not a feed")
            return
        default:
            failure = FeedParseError(.notAFeed, "root element <\(qualifiedName)> is not RSS, RDF or Atom")
            return
        }
        feedDraft.language = language
        frames.append(Frame(role: role, base: base, language: language))
    }

    /// The default namespace declared on the root element (set by the caller before `startElement`).
    var rootDefaultNamespace: String?
    /// The doctype's public identifier, if any (set by the caller before `startElement`).
    var doctypeID: String?

    /// A CDF channel's or item's `HREF` (its link) and `LASTMOD` (its update time).
    private func startCDFEntry(_ attributes: XMLAttributes, base: URL?, inItem: Bool) {
        let link = attributes.value(ignoringCase: "href").flatMap { FeedURL.resolve($0, against: base) }
        let updated = attributes.value(ignoringCase: "lastmod").flatMap(FeedDate.parse)
        if inItem {
            itemDraft?.rssLink = link
            itemDraft?.updated = updated
        } else {
            feedDraft.rssLink = link
            feedDraft.updated = updated
        }
    }

    private static func rssFormat(version: String?) -> FeedFormat {
        switch version?.trimmingCharacters(in: .whitespaces) {
        case "0.90": .rss090
        case "0.91": .rss091
        case "0.92": .rss092
        case "0.93": .rss093
        case "0.94": .rss094
        // No version at all: read as 2.0, its superset, but said so.
        case nil: .rssUnversioned
        // 2.0, 2.0.1, 2.1 and garbled versions are all read as 2.0.
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
        let isMedia = XMLNamespace.isMedia(namespace) && (name == "content" || name == "thumbnail")
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
        // The format's own elements first: they are most of any feed.
        let isCore = coreNamespaces.contains(namespace)
        switch namespace {
        case _ where isCore && isAtom:
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
        case _ where isCore:
            // RSS readers (iTunes first) match RSS element names without regard to case; so do
            // CDF documents, which are written in capitals. Names as the RSS spec writes them match
            // at once; only others are lower-cased and tried again.
            if let field = rssField(name, attributes: attributes) { return field }
            guard name.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return nil }
            return rssField(name.lowercased(), attributes: attributes)
        case XMLNamespace.dublinCore:
            switch name {
            case "creator", "author": return .dcCreator
            case "date": return .dcDate
            case "subject": return .category(scheme: nil, label: nil)
            case "language": return .language
            case "identifier": return .dcIdentifier
            case "title": return .fallbackTitle
            case "description": return .fallbackSummary(.html)
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
        case _ where XMLNamespace.isMedia(namespace):
            switch name {
            case "title": return .fallbackTitle
            case "description":
                return .fallbackSummary(attributes["type"]?.lowercased() == "html" ? .html : .escapedText)
            case "category":
                return .category(
                    scheme: Self.trimmed(attributes["scheme"]) ?? XMLNamespace.mediaCategoryScheme,
                    label: Self.trimmed(attributes["label"]))
            case "keywords": return .keywords(scheme: nil)
            default: return nil
            }
        case XMLNamespace.xhtml where name == "body" && !isAtom:
            return .content(.xhtml)
        case _ where XMLNamespace.isITunes(namespace):
            switch name {
            case "subtitle", "summary": return .fallbackSummary(.escapedText)
            case "keywords": return .keywords(scheme: nil)
            case "author": return .fallbackAuthor
            default: return nil
            }
        default:
            return nil
        }
    }

    private func rssField(_ name: String, attributes: XMLAttributes) -> FeedField? {
        switch name {
        case "title": return .title(.escapedText)
        case "link": return .link
        case "description": return .summary(.html)
        case "pubDate", "pubdate": return .published
        case "guid": return .guid(isPermaLink: attributes["isPermaLink"]?.lowercased() != "false")
        case "category": return .category(scheme: Self.trimmed(attributes["domain"]), label: nil)
        case "author", "managingEditor", "managingeditor": return .rssAuthor
        case "lastBuildDate", "lastbuilddate": return .updated
        case "language": return .language
        case "ttl": return .ttl
        case "summary": return .rssSummary
        case "abstract" where format == .cdf: return .summary(.html)
        case "fullitem": return .content(.html)
        case "tags": return .keywords(scheme: nil)
        default: return nil
        }
    }

    private func startCapture(_ field: FeedField, base: URL?) {
        let kind: FeedTextKind =
            switch field {
            case .title(let kind), .summary(let kind), .content(let kind): kind
            default: .text
            }
        capture = MarkupCapture(field: field, kind: kind, buffer: spareBuffer)
        spareBuffer = []
        captureBase = base
    }

    private func finish(_ capture: MarkupCapture) {
        let inItem =
            switch frames.last?.role {
            case .item?, .author(inItem: true)?, .mediaGroup?: true
            default: false
            }
        if inItem, itemDraft != nil {
            // Mutated in place: copying the draft out and back would retain and release every field.
            assign(capture, to: &itemDraft!)
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
            guard let body = FeedTextDecoding.body(raw, kind: kind, base: captureBase) else { return }
            (draft.summaryHTML, draft.summaryText) = (body.html, body.text)
        case .content(let kind):
            guard let body = FeedTextDecoding.body(raw, kind: kind, base: captureBase) else { return }
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
        case .category(let scheme, let label):
            if let term = Self.trimmed(HTMLText.decodedLine(raw)) {
                draft.categories.append(FeedCategory(term: term, scheme: scheme, label: label))
            }
        case .fallbackTitle:
            if draft.fallbackTitle == nil { draft.fallbackTitle = FeedTextDecoding.line(raw, kind: .escapedText) }
        case .fallbackSummary(let kind):
            if draft.fallbackSummary == nil {
                draft.fallbackSummary = FeedTextDecoding.body(raw, kind: kind, base: captureBase)
            }
        case .rssSummary:
            if let body = FeedTextDecoding.body(raw, kind: .html, base: captureBase) {
                draft.rssSummary = body
                // Whichever of `summary` and `description` comes first is the summary.
                draft.rssSummaryFirst = draft.summaryText == nil
            }
        case .fallbackAuthor:
            if draft.fallbackAuthor == nil { draft.fallbackAuthor = Self.trimmed(HTMLText.decodedLine(raw)) }
        case .keywords(let scheme):
            for keyword in HTMLText.decodedLine(raw).split(separator: ",") {
                if let term = Self.trimmed(String(keyword)) {
                    draft.categories.append(FeedCategory(term: term, scheme: scheme))
                }
            }
        case .atomLinkText(let rel, let type):
            guard let href = FeedURL.resolve(raw, against: captureBase) else { return }
            draft.atomLinks.append(EntryDraft.AtomLink(rel: rel, type: type, href: href))
        case .ttl:
            if let minutes = Self.trimmed(raw).flatMap({ Int($0) }), minutes >= 0, minutes < 1_000_000 {
                draft.ttl = .seconds(minutes * 60)
            }
        case .language:
            draft.language = Self.language(raw) ?? draft.language
        }
    }

    /// A language tag as written, trimmed, with '_' (en_US) read as '-'.
    static func language(_ value: String?) -> String? {
        trimmed(value).map { $0.replacingOccurrences(of: "_", with: "-") }
    }

    private func recordITunesCategory(_ attributes: XMLAttributes, inItem: Bool) {
        guard let term = Self.trimmed(attributes["text"]) else { return }
        let category = FeedCategory(term: term, scheme: XMLNamespace.iTunesCategoryScheme)
        if inItem { itemDraft?.categories.append(category) } else { feedDraft.categories.append(category) }
    }

    private static func trimmed(_ value: String?) -> String? {
        guard let value = value?.trimmingWhitespace(), !value.isEmpty else { return nil }
        return value
    }
}
