import HeraldCore

/// The tags of a template as written, with where they are: for messages about a template, not for
/// rendering (Mustache parses it for that). Only the default `{{ }}` delimiters are read: a template
/// that sets its own gets no such help.
struct TemplateTag {
    /// `#`, `^`, `/`, `{`, `&`, `!`, `>`, … or empty for a plain `{{name}}`.
    var sigil: String
    var name: String
    /// 1-based, in the template.
    var line: Int
    var column: Int
    /// The template's line the tag is on.
    var excerpt: String

    static func scan(_ source: String) -> [TemplateTag]? {
        guard !source.contains("{{=") else { return nil }
        var tags: [TemplateTag] = []
        for (index, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for match in line.matches(of: /\{\{(\{|[#^\/&!>%$<]?)\s*([^}]*?)\s*\}\}\}?/) {
                let column = line.distance(from: line.startIndex, to: match.range.lowerBound) + 1
                tags.append(
                    TemplateTag(
                        sigil: String(match.output.1), name: String(match.output.2), line: index + 1, column: column,
                        excerpt: String(line)))
            }
        }
        return tags
    }

    /// The first `{{` with no `}}` after it on its line: where the template ends inside a tag.
    static func unterminated(in source: String) -> TemplateTag? {
        guard !source.contains("{{=") else { return nil }
        for (index, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.firstRange(of: "{{") {
                guard let close = rest[open.upperBound...].firstRange(of: "}}") else {
                    let name = line[open.upperBound...].trimmingPrefix(while: { "{#^/&!>".contains($0) })
                    return TemplateTag(
                        sigil: String(line[open.upperBound..<name.startIndex]),
                        name: String(name.prefix { !$0.isWhitespace && $0 != "}" }), line: index + 1,
                        column: line.distance(from: line.startIndex, to: open.lowerBound) + 1, excerpt: String(line))
                }
                rest = rest[close.upperBound...]
            }
        }
        return nil
    }

    /// The last section opened and not closed.
    static func unclosedSection(in source: String) -> TemplateTag? {
        var open: [TemplateTag] = []
        for tag in scan(source) ?? [] {
            if tag.sigil == "#" || tag.sigil == "^" {
                open.append(tag)
            } else if tag.sigil == "/", open.last?.name == tag.name {
                open.removeLast()
            }
        }
        return open.last
    }

    /// The variable tags whose names no alert has: they render empty, which is rarely what was meant.
    /// Names inside `{{#story}}` may leave out `story.`; transforms (`last()`) are not checked.
    static func unknownNames(in source: String) -> [(tag: TemplateTag, suggestion: String?)] {
        var sections: [String] = []
        var unknown: [(TemplateTag, String?)] = []
        for tag in scan(source) ?? [] {
            switch tag.sigil {
            case "/":
                if sections.last == tag.name { sections.removeLast() }
                continue
            case "#", "^":
                sections.append(tag.name)
            case "", "{", "&":
                break
            default:
                continue
            }
            let name = tag.name.hasPrefix(".") && tag.name != "." ? String(tag.name.dropFirst()) : tag.name
            guard name != ".", !name.contains("("), !known(name, inStory: sections.contains("story")) else { continue }
            let candidates = TemplateValues.names.sorted() + TemplateValues.storyNames.sorted().map { "story." + $0 }
            unknown.append((tag, ConfigValues.suggestion(for: name, among: candidates)))
        }
        return unknown
    }

    private static func known(_ name: String, inStory: Bool) -> Bool {
        let parts = name.split(separator: ".").map(String.init)
        if parts.count == 1 {
            return TemplateValues.names.contains(name) || (inStory && TemplateValues.storyNames.contains(name))
        }
        return parts.count == 2 && parts[0] == "story" && TemplateValues.storyNames.contains(parts[1])
    }
}

extension HeraldConfig {
    /// Warnings about the sinks' templates for `herald check`: variable names Herald does not have,
    /// which render empty.
    public var templateWarnings: [String] {
        sinks.flatMap { sink -> [String] in
            guard let source = sink.template else { return [] }
            let file = sink.templateFile ?? self.file
            return TemplateTag.unknownNames(in: source).map { tag, suggestion in
                let hint = suggestion.map { "; did you mean '\($0)'?" } ?? " (docs/templates.md lists the variables)"
                return "\(file): sink '\(sink.name)': template line \(tag.line), column \(tag.column): "
                    + "'\(tag.name)' is not a Herald variable and renders empty\(hint)"
            }
        }
    }
}
