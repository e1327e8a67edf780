/// An item prepared for matching: each field tokenized, folded and indexed once (`FieldIndex`),
/// then reused for every rule, so each rule costs a few dictionary look-ups rather than a scan.
public struct MatchDocument: Sendable {
    let fields: [FieldIndex]

    /// - Parameters:
    ///   - title: the item's title.
    ///   - text: its plain text; blank lines separate paragraphs for `PARA`.
    ///   - source: the publisher as the item or feed names it.
    ///   - feed: the name of the feed in Herald's config.
    ///   - tags: categories; a phrase never runs from one tag into the next.
    ///   - language: a language tag such as "ar" or "en-GB"; `lang:en` matches "en-GB".
    ///   - author: the author's name.
    ///   - url: the item's link.
    public init(
        title: String, text: String, source: String = "", feed: String = "", tags: [String] = [],
        language: String? = nil, author: String? = nil, url: String? = nil
    ) {
        var fields = [FieldIndex](repeating: .empty, count: DocumentField.allCases.count)
        fields[DocumentField.title.rawValue] = FieldIndex(title)
        fields[DocumentField.text.rawValue] = FieldIndex(text)
        fields[DocumentField.source.rawValue] = FieldIndex(source)
        fields[DocumentField.feed.rawValue] = FieldIndex(feed)
        fields[DocumentField.tags.rawValue] = FieldIndex(tags.joined(separator: "\n\n"))
        fields[DocumentField.language.rawValue] = FieldIndex(language ?? "")
        fields[DocumentField.author.rawValue] = FieldIndex(author ?? "")
        fields[DocumentField.url.rawValue] = FieldIndex(url ?? "")
        self.fields = fields
    }

    /// How many words the document's fields hold, all together.
    public var wordCount: Int {
        fields.reduce(0) { $0 + $1.tokens.count }
    }

    subscript(field: DocumentField) -> FieldIndex {
        fields[field.rawValue]
    }
}
