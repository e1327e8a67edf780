/// Turns HTML into the plain text Herald matches rules against and shows in alerts.
///
/// Tags are stripped, `script`/`style` content dropped, entities decoded, block elements become
/// paragraph breaks ("\n\n") and `<br>` a line break ("\n"); inside a paragraph every run of
/// whitespace is one space. The work is a single pass over the UTF-8 bytes, and malformed markup
/// (unterminated tags, comments or entities) degrades to text rather than failing.
public enum HTMLText {
    /// The text of an HTML fragment or document, trimmed.
    public static func plainText(_ html: String) -> String {
        render(html, HTMLTextRenderer.Options(markup: true, breaks: .html))
    }

    /// One line of text from something that may carry entities but is not markup (an RSS title):
    /// entities decoded, all whitespace collapsed.
    static func decodedLine(_ text: String) -> String {
        render(text, HTMLTextRenderer.Options(markup: false, breaks: .none))
    }

    /// One line of text from HTML (an HTML-typed title): tags stripped and breaks flattened to spaces.
    static func plainLine(_ html: String) -> String {
        render(html, HTMLTextRenderer.Options(markup: true, breaks: .none))
    }

    /// One line of plain text: whitespace runs collapsed, nothing decoded (an Atom text title).
    static func collapsedLine(_ text: String) -> String {
        render(text, HTMLTextRenderer.Options(markup: false, entities: false, breaks: .none))
    }

    /// Plain text normalised like `plainText`'s output: blank lines separate paragraphs, other
    /// whitespace runs become one space. Nothing is decoded, since plain text has no entities.
    static func normalizedPlain(_ text: String) -> String {
        render(text, HTMLTextRenderer.Options(markup: false, entities: false, breaks: .blankLines))
    }

    /// Text escaped for inclusion in HTML; `quotes` also escapes '"' for attribute values.
    public static func escape(_ text: String, quotes: Bool = false) -> String {
        // Nearly always there is nothing to escape.
        if !text.utf8.contains(where: {
            $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
                || (quotes && $0 == UInt8(ascii: "\""))
        }) {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func render(_ text: String, _ options: HTMLTextRenderer.Options) -> String {
        var source = text
        return source.withUTF8 { bytes in
            var renderer = HTMLTextRenderer(bytes, options: options)
            return renderer.run()
        }
    }
}
