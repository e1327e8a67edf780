import HeraldCore
import Mustache

/// A sink's Mustache template (`template:` or `template_file:`), compiled once when the config is read.
///
/// Feed text never passes through Mustache: the context hands it placeholders (`TemplateSlot`), so
/// what Mustache renders is the template author's literal text with a placeholder wherever a value
/// goes, and `{{x}}` and `{{{x}}}` come out alike. The message layout then escapes each value for the
/// target's markup and fits it to the target's limit (`MessageLayout.render(_:)`): the author's text
/// is trusted markup, feed values never are.
public struct MessageTemplate: Sendable {
    let compiled: MustacheTemplate
    /// The template as written.
    public let source: String

    /// Compiles `source`; throws a `TemplateSyntaxError` with the line and column of the mistake.
    public init(_ source: String) throws(TemplateSyntaxError) {
        // The two noncharacters delimit placeholders in the output; no template has a use for them.
        let cleaned = String(
            String.UnicodeScalarView(source.unicodeScalars.filter { !TemplateSlot.delimiters.contains($0) }))
        do {
            compiled = try MustacheTemplate(string: cleaned)
        } catch let error as MustacheTemplate.ParserError {
            throw TemplateSyntaxError(error, source: cleaned)
        } catch {
            throw TemplateSyntaxError(line: 1, column: 1, excerpt: "", reason: "\(error)")
        }
        self.source = source
    }

    /// What the template makes of `alert`: the author's text and the alert's values, in order.
    ///
    /// `linkEncoding` lists the characters percent-encoded in links on top of `SafeLink`'s own;
    /// `withoutTags` drops the template's HTML tags, placeholders inside them included.
    func segments(for alert: Alert, linkEncoding: Set<Unicode.Scalar>, withoutTags: Bool = false) -> [TemplateSegment] {
        var values = TemplateValues()
        let context = values.context(for: alert, linkEncoding: linkEncoding)
        var output = compiled.render(context)
        if withoutTags {
            // Only the author's text can hold a `<` here: values are still placeholders.
            output = output.replacing(/<br\s*\/?>/.ignoresCase(), with: "\n").replacing(/<[^>]*>/, with: "")
        }
        return TemplateSegment.split(output, values: values.entries)
    }
}

/// A template that does not compile: where, and what is wrong, in words a config author can act on.
public struct TemplateSyntaxError: Error, Sendable, CustomStringConvertible {
    /// 1-based line and column inside the template.
    public var line: Int
    public var column: Int
    /// The template's line where the mistake is.
    public var excerpt: String
    public var reason: String

    init(line: Int, column: Int, excerpt: String, reason: String) {
        self.line = line
        self.column = column
        self.excerpt = excerpt
        self.reason = reason
    }

    init(_ error: MustacheTemplate.ParserError, source: String) {
        // Mustache notices an unclosed section at the end of the template; point at its opening tag.
        if case .expectedSectionEnd? = error.error as? MustacheTemplate.Error,
            let open = TemplateTag.unclosedSection(in: source)
        {
            self.init(
                line: open.line, column: open.column, excerpt: open.excerpt,
                reason: "the section {{\(open.sigil)\(open.name)}} is never closed: add {{/\(open.name)}}")
            return
        }
        // Mustache runs out of text inside an unterminated tag; point at where it opens.
        if let open = TemplateTag.unterminated(in: source) {
            self.init(
                line: open.line, column: open.column, excerpt: open.excerpt,
                reason: "the tag {{\(open.sigil)\(open.name) is never closed: add }}")
            return
        }
        let reason: String =
            switch error.error as? MustacheTemplate.Error {
            case .sectionCloseNameIncorrect?: "this closing tag does not match the section it closes"
            case .unfinishedName?: "a tag is not finished (a name followed by the closing }})"
            case .expectedSectionEnd?: "a section is never closed: add its {{/name}}"
            case .invalidSetDelimiter?: "the set-delimiter tag is malformed (write {{=<% %>=}})"
            case .invalidConfigVariableSyntax?, .unrecognisedConfigVariable?:
                "unknown pragma: only {{% CONTENT_TYPE: TEXT }} and HTML exist, and Herald escapes for the target anyway"
            case .transformAppliedToInheritanceSection?, .illegalTokenInsideInheritSection?,
                .textInsideInheritSection?:
                "template inheritance is not available in sink templates"
            case nil: "\(error.error)"
            }
        self.init(
            line: error.context.lineNumber, column: error.context.columnNumber, excerpt: error.context.line,
            reason: reason)
    }

    public var description: String {
        let shown = excerpt.count > 80 ? String(excerpt.prefix(80)) + "…" : excerpt
        return "template line \(line), column \(column): \(reason)" + (shown.isEmpty ? "" : " — `\(shown)`")
    }
}
