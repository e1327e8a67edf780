/// Where a query term is looked for: the scope a `field:` prefix sets.
enum RuleField: Sendable, Hashable {
    case title, text, source, feed, tag, lang, author, url
    /// The title and the first `RuleField.leadWords` words of the text: where a report says what it
    /// is about.
    case lead
    /// Unscoped: title or text.
    case any

    /// How many words of the text `lead:` covers.
    static let leadWords: Int32 = 60

    /// The field a query names before a colon (`title:`), matched case-insensitively.
    init?(name: some StringProtocol) {
        switch name.lowercased() {
        case "title": self = .title
        case "text": self = .text
        case "lead": self = .lead
        case "source": self = .source
        case "feed": self = .feed
        case "tag": self = .tag
        case "lang": self = .lang
        case "author": self = .author
        case "url": self = .url
        default: return nil
        }
    }

    static let names = "'title:', 'text:', 'lead:', 'source:', 'feed:', 'tag:', 'lang:', 'author:' and 'url:'"

    var name: String {
        switch self {
        case .title: "title"
        case .text: "text"
        case .lead: "lead"
        case .source: "source"
        case .feed: "feed"
        case .tag: "tag"
        case .lang: "lang"
        case .author: "author"
        case .url: "url"
        case .any: "any"
        }
    }

    /// The document fields searched, each with the number of leading words searched (nil: all).
    var slices: [FieldSlice] {
        switch self {
        case .any: [FieldSlice(field: .title), FieldSlice(field: .text)]
        case .lead: [FieldSlice(field: .title), FieldSlice(field: .text, limit: Self.leadWords)]
        case .title: [FieldSlice(field: .title)]
        case .text: [FieldSlice(field: .text)]
        case .source: [FieldSlice(field: .source)]
        case .feed: [FieldSlice(field: .feed)]
        case .tag: [FieldSlice(field: .tags)]
        case .lang: [FieldSlice(field: .language)]
        case .author: [FieldSlice(field: .author)]
        case .url: [FieldSlice(field: .url)]
        }
    }
}

/// One document field, or its first `limit` words.
struct FieldSlice: Sendable, Hashable {
    let field: DocumentField
    var limit: Int32 = .max
}
