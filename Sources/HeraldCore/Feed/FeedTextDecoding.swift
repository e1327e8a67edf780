import Foundation

/// Turns the raw text of a title or body element into Herald's HTML and plain-text forms,
/// according to how the format says that text is to be read.
enum FeedTextDecoding {
    /// A title or other one-line value; nil when the element carries nothing readable.
    static func line(_ raw: String, kind: FeedTextKind) -> String? {
        switch kind {
        case .text: HTMLText.collapsedLine(raw)
        case .escapedText: HTMLText.decodedLine(raw)
        case .html, .xhtml: HTMLText.plainLine(raw)
        case .base64(let decoded): base64(raw).flatMap { line($0, kind: decoded) }
        case .ignored: nil
        }
    }

    /// A summary or content body: HTML when the publisher gave markup (its relative links to be
    /// resolved against `base` when read), and its plain text — for markup, rendered only when read.
    static func body(_ raw: String, kind: FeedTextKind, base: URL? = nil) -> (html: FeedMarkup?, text: DeferredText)? {
        switch kind {
        case .text, .escapedText:
            let text = HTMLText.normalizedPlain(raw)
            return text.isEmpty ? nil : (nil, DeferredText(text))
        case .html, .xhtml:
            let html = raw.trimmingWhitespace()
            return html.isEmpty ? nil : (FeedMarkup(source: html, base: base), DeferredText(renderingHTML: html))
        case .base64(let decoded):
            return base64(raw).flatMap { body($0, kind: decoded, base: base) }
        case .ignored:
            return nil
        }
    }

    private static func base64(_ raw: String) -> String? {
        guard let data = Data(base64Encoded: raw, options: .ignoreUnknownCharacters) else { return nil }
        return String(data: data, encoding: .utf8)
    }
}
