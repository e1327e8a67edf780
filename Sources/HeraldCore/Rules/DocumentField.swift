/// The parts of an item that a `MatchDocument` indexes separately, so a rule can look in one.
enum DocumentField: Int, Sendable, Hashable, CaseIterable, Codable {
    case title, text, source, feed, tags, language, author, url

    /// How explanations and field scopes name the field.
    var name: String {
        switch self {
        case .title: "title"
        case .text: "text"
        case .source: "source"
        case .feed: "feed"
        case .tags: "tag"
        case .language: "lang"
        case .author: "author"
        case .url: "url"
        }
    }
}
