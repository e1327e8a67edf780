import Foundation

/// What the XML handler has gathered for one item, or for the feed itself, before precedence rules
/// choose among alternatives (RSS `author` vs `dc:creator`, several Atom links...).
struct EntryDraft {
    struct AtomLink {
        var rel: String
        var type: String?
        var href: String
    }

    var title: String?
    var rssLink: String?
    var atomLinks: [AtomLink] = []
    var guid: String?
    var permalinkGuid: String?
    var atomID: String?
    var dcIdentifier: String?
    var rdfAbout: String?
    var summaryHTML: FeedMarkup?
    var summaryText: DeferredText?
    var contentHTML: FeedMarkup?
    var contentText: DeferredText?
    var published: Date?
    var dcDate: Date?
    var updated: Date?
    var rssAuthor: String?
    var dcCreators: [String] = []
    var atomAuthors: [Person] = []
    var categories: [FeedCategory] = []
    var language: String?
    var enclosures: [Enclosure] = []
    var ttl: Duration?
    /// `dc:title`, `media:title`: used when there is no title.
    var fallbackTitle: String?
    /// `dc:description`, `media:description`, iTunes `summary`/`subtitle`: used when there is no summary.
    var fallbackSummary: (html: FeedMarkup?, text: DeferredText)?
    /// A non-standard RSS `summary`, which makes `description` the content.
    var rssSummary: (html: FeedMarkup?, text: DeferredText)?
    var rssSummaryFirst = false
    /// `itunes:author`: used when no other author is named.
    var fallbackAuthor: String?

    /// The link a reader would follow: RSS `link`; else the Atom alternate (an HTML one first); else
    /// any Atom link that is not about the feed machinery; else a permalink guid.
    var bestLink: String? {
        if let rssLink { return rssLink }
        let alternates = atomLinks.filter { $0.rel == "alternate" }
        let html = alternates.first { $0.type.map { $0.contains("html") } ?? true }
        let machinery: Set<String> = ["self", "edit", "edit-media", "replies", "enclosure", "license", "hub"]
        let fallback = atomLinks.first { !machinery.contains($0.rel) }
        return (html ?? alternates.first ?? fallback)?.href ?? permalinkGuid
    }

    /// Authors in precedence order: Dublin Core and Atom give names, RSS `author` an email address
    /// with the name in parentheses.
    var persons: [Person] {
        if !dcCreators.isEmpty { return dcCreators.map(Self.person(fromRSSAuthor:)) }
        if !atomAuthors.isEmpty { return atomAuthors }
        return (rssAuthor ?? fallbackAuthor).map { [Self.person(fromRSSAuthor: $0)] } ?? []
    }

    /// The authors' names, comma-separated: what `Item.author` holds.
    var author: String? { Self.names(persons) }

    static func names(_ persons: [Person]) -> String? {
        let names = persons.compactMap(\.displayName)
        return names.isEmpty ? nil : names.joined(separator: ", ")
    }

    /// "editor@example.com (Jane Doe)", "Jane Doe (editor@example.com)" and "Jane Doe
    /// <editor@example.com>" → Jane Doe at editor@example.com; a bare address is an email, anything
    /// else a name.
    static func person(fromRSSAuthor value: String) -> Person {
        let trimmed = value.trimmingWhitespace()
        // Nearly every value is a bare name.
        if !trimmed.utf8.contains(where: {
            $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "@")
        }) {
            return Person(name: trimmed)
        }
        for (open, close) in [("(", ")"), ("<", ">")] {
            guard let start = trimmed.firstIndex(of: Character(open)),
                let end = trimmed.lastIndex(of: Character(close)),
                start < end
            else { continue }
            let inside = trimmed[trimmed.index(after: start)..<end].trimmingWhitespace()
            let outside = (String(trimmed[..<start]) + String(trimmed[trimmed.index(after: end)...]))
                .trimmingWhitespace()
            let (email, name) = inside.contains("@") && !inside.contains(" ") ? (inside, outside) : (outside, inside)
            guard !name.isEmpty || !email.isEmpty else { continue }
            return Person(
                name: name.isEmpty ? nil : name, email: email.contains("@") ? email : nil)
        }
        if !trimmed.contains(" "), trimmed.contains("@") { return Person(email: trimmed) }
        return Person(name: trimmed)
    }

    /// "editor@example.com (Jane Doe)" → "Jane Doe"; anything else unchanged.
    static func nameFromEmailAddress(_ value: String) -> String {
        let person = person(fromRSSAuthor: value)
        return person.name ?? value
    }

    /// Categories without repeats of the same term, in document order.
    var uniqueCategories: [FeedCategory] {
        // Items have a handful of categories: comparing them is cheaper than hashing.
        var unique: [FeedCategory] = []
        unique.reserveCapacity(categories.count)
        for category in categories where !unique.contains(where: { $0.term == category.term }) {
            unique.append(category)
        }
        return unique
    }

    /// The summary: the element for it, else a non-standard RSS `summary`, else Dublin Core,
    /// Media RSS or iTunes.
    var bestSummary: (html: FeedMarkup?, text: DeferredText)? {
        if let rssSummary, rssSummaryFirst || summaryText == nil { return rssSummary }
        if let summaryText { return (summaryHTML, summaryText) }
        return fallbackSummary
    }

    /// The content; with a non-standard RSS `summary`, the `description` is the content.
    var bestContent: (html: FeedMarkup?, text: DeferredText)? {
        if let contentText { return (contentHTML, contentText) }
        guard let rssSummary, let summaryText else { return nil }
        return rssSummaryFirst ? (summaryHTML, summaryText) : rssSummary
    }

    func makeItem() -> Item {
        let persons = persons
        let categories = uniqueCategories
        let content = bestContent?.text.value ?? ""
        // The summary is rendered now only when it is the item's body text (no content, or content
        // without text); otherwise only `herald inspect` reads it, and it renders when read.
        var summary = bestSummary?.text ?? DeferredText("")
        if content.isEmpty { summary.render() }
        var item = Item(
            guid: guid ?? atomID ?? dcIdentifier ?? rdfAbout,
            link: bestLink,
            title: title ?? fallbackTitle ?? "",
            contentText: content,
            published: published ?? dcDate,
            updated: updated,
            author: Self.names(persons),
            categories: categories.map(\.term),
            enclosures: enclosures,
            language: language,
            authors: persons,
            categoryDetails: categories
        )
        item.deferredSummary = summary
        item.summaryMarkup = bestSummary?.html
        item.contentMarkup = bestContent?.html
        return item
    }
}
