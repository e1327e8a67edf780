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
    var summaryHTML: String?
    var summaryText: String?
    var contentHTML: String?
    var contentText: String?
    var published: Date?
    var dcDate: Date?
    var updated: Date?
    var rssAuthor: String?
    var dcCreators: [String] = []
    var authorNames: [String] = []
    var categories: [String] = []
    var language: String?

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

    /// Authors in precedence order: Dublin Core and Atom give names, RSS `author` an email address.
    var author: String? {
        if !dcCreators.isEmpty { return dcCreators.joined(separator: ", ") }
        if !authorNames.isEmpty { return authorNames.joined(separator: ", ") }
        return rssAuthor.map(Self.nameFromEmailAddress)
    }

    /// "editor@example.com (Jane Doe)" → "Jane Doe"; anything else unchanged.
    static func nameFromEmailAddress(_ value: String) -> String {
        guard let open = value.firstIndex(of: "("), let close = value.lastIndex(of: ")"), open < close else {
            return value
        }
        let name = value[value.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? value : name
    }

    func makeItem() -> Item {
        var seen = Set<String>()
        return Item(
            guid: guid ?? atomID ?? dcIdentifier ?? rdfAbout,
            link: bestLink,
            title: title ?? "",
            summaryHTML: summaryHTML,
            contentHTML: contentHTML,
            summaryText: summaryText ?? "",
            contentText: contentText ?? "",
            published: published ?? dcDate,
            updated: updated,
            author: author,
            categories: categories.filter { seen.insert($0).inserted }
        )
    }
}
