import Foundation
import HeraldCore
import Mustache

/// Where a value goes in a template's output: Mustache renders it as `\u{FDD0}index\u{FDD1}`, and
/// the layout puts the escaped value there.
///
/// Both forms of a tag, `{{x}}` and `{{{x}}}`, render this placeholder; Mustache's HTML escaping
/// leaves it alone, since it has no `<`, `>`, `&` or quote.
struct TemplateSlot: MustacheCustomRenderable {
    // Noncharacters, meant for a program's internal use (Swift refuses them as literals).
    static let open = Unicode.Scalar(0xFDD0 as UInt32)!
    static let close = Unicode.Scalar(0xFDD1 as UInt32)!
    static let delimiters: Set<Unicode.Scalar> = [open, close]

    let index: Int
    /// An empty value counts as false in `{{#x}}` and true in `{{^x}}`, as a missing one does.
    let isEmpty: Bool

    var renderText: String { "\(Self.open)\(index)\(Self.close)" }
    var isNull: Bool { isEmpty }
}

/// One value a template can show, as the alert carries it.
struct TemplateValue: Equatable {
    enum Kind: Equatable {
        /// Feed or alert text: escaped for the target and cut to fit.
        case text
        /// Feed or alert text that may be long (the summary, the explanation): fitted after the rest.
        case longText
        /// A `SafeLink`, already encoded for the markup: kept whole or left out.
        case link
    }

    var text: String
    var kind: Kind
}

/// The values of one alert and the Mustache context that refers to them.
///
/// The variables are documented in docs/templates.md; keep the two in step.
struct TemplateValues {
    private(set) var entries: [TemplateValue] = []

    /// The top-level names `context(for:linkEncoding:)` can give, for `herald check`'s warnings.
    static let names: Set<String> = [
        "id", "kind", "rule", "feed", "source", "outlet", "title", "heading", "link", "summary", "snippet",
        "explanation", "matched", "matched_text", "details", "published", "published_human", "created", "is_match",
        "is_edit", "is_follow_up", "is_story_update", "is_notice", "story",
    ]
    /// The names under `story`.
    static let storyNames: Set<String> = ["id", "sources", "items", "languages", "outlets", "follow_up_of"]

    private mutating func slot(_ text: String, _ kind: TemplateValue.Kind = .text) -> TemplateSlot {
        entries.append(TemplateValue(text: text, kind: kind))
        return TemplateSlot(index: entries.count - 1, isEmpty: text.isEmpty)
    }

    /// The context for `alert`: optional values are left out when the alert has none, so `{{^link}}`
    /// works; lists (`matched`, `story.outlets`, `story.languages`) are arrays for `{{#…}}{{.}}{{/…}}`.
    mutating func context(for alert: Alert, linkEncoding: Set<Unicode.Scalar>) -> [String: Any] {
        let view = AlertView(alert, linkEncoding: linkEncoding)
        let title = AlertView.oneLine(alert.title)
        var context: [String: Any] = [
            "id": slot(alert.id), "kind": slot(alert.kind.rawValue), "rule": slot(alert.rule),
            "feed": slot(alert.feed), "outlet": slot(AlertView.oneLine(alert.source ?? alert.feed)),
            "title": slot(title), "heading": slot(view.heading), "summary": slot(view.summary, .longText),
            "matched": alert.matchedTerms.map { slot(AlertView.oneLine($0)) },
            "matched_text": slot(alert.matchedTerms.map(AlertView.oneLine).joined(separator: ", ")),
            "details": slot(view.details), "created": slot(Self.iso(alert.createdAt)),
            "is_match": alert.kind == .match, "is_edit": alert.kind == .edit,
            "is_follow_up": alert.kind == .followUp, "is_story_update": alert.kind == .storyUpdate,
            "is_notice": view.isNotice,
        ]
        if let source = alert.source { context["source"] = slot(AlertView.oneLine(source)) }
        if let link = view.link { context["link"] = slot(link, .link) }
        if let published = alert.published {
            context["published"] = slot(Self.iso(published))
            context["published_human"] = slot(AlertView.utcMinute(published))
        }
        if let explanation = alert.explanation {
            if !explanation.snippet.isEmpty { context["snippet"] = slot(explanation.snippet, .longText) }
            let lines = explanation.explanationLines()
            if !lines.isEmpty { context["explanation"] = slot(lines.joined(separator: "\n"), .longText) }
        }
        if let story = alert.story {
            var fields: [String: Any] = [
                "id": slot(story.id), "sources": slot(String(story.sources)), "items": slot(String(story.items)),
                "languages": story.languages.map { slot($0) },
                "outlets": story.outlets.map { slot(AlertView.oneLine($0)) },
            ]
            if let first = story.followUpOf { fields["follow_up_of"] = slot(first) }
            context["story"] = fields
        }
        return context
    }

    private static func iso(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}

/// A piece of a rendered template: the author's literal text, or one of the alert's values.
enum TemplateSegment: Equatable {
    case literal(String)
    case value(TemplateValue)

    /// Cuts Mustache's output at the placeholders and puts the values in.
    static func split(_ output: String, values: [TemplateValue]) -> [TemplateSegment] {
        var segments: [TemplateSegment] = []
        var literal = String.UnicodeScalarView()
        var scalars = output.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            guard scalar == TemplateSlot.open, let end = scalars.firstIndex(of: TemplateSlot.close),
                let index = Int(String(scalars[..<end])), values.indices.contains(index)
            else {
                literal.append(scalar)
                continue
            }
            if !literal.isEmpty { segments.append(.literal(String(literal))) }
            literal = String.UnicodeScalarView()
            segments.append(.value(values[index]))
            scalars = scalars[scalars.index(after: end)...]
        }
        if !literal.isEmpty { segments.append(.literal(String(literal))) }
        return segments
    }
}
