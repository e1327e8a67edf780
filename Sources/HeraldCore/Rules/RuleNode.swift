/// Which part of an item a query term is looked for in.
enum RuleField: Sendable, Hashable {
    case title, text
    /// Unscoped: title or text.
    case any

    /// The field a query names before a colon (`title:`), matched case-insensitively.
    init?(name: some StringProtocol) {
        switch name.lowercased() {
        case "title": self = .title
        case "text": self = .text
        default: return nil
        }
    }

    var name: String {
        switch self {
        case .title: "title"
        case .text: "text"
        case .any: "any"
        }
    }
}

/// One term or quoted phrase of a query, ready to look up.
struct RuleTerm: Sendable, Hashable {
    /// Folded tokens; one for a plain word, several for a phrase or a word like "al-Shaibani".
    let tokens: [String]
    let field: RuleField
    /// As written in the query, without quotes, field prefix or `-`: what alerts report.
    let written: String
}

/// A parsed query. Terms are referred to by their index in `RuleQuery`'s term list, which is in
/// query order, so matched terms come out in query order by sorting indices.
indirect enum RuleNode: Sendable, Hashable {
    case term(Int)
    case and([RuleNode])
    case or([RuleNode])
    case not(RuleNode)
}
