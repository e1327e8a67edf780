import HeraldCore

extension MessageLayout {
    /// For outputs without a limit or a markup (stdout, Herald JSON): values as they are, never cut.
    static let unlimitedText = MessageLayout(limit: .max, unit: .utf8, escaper: .plain)

    /// `alert` through `template`, laid out within this layout's limit; nil without a template, or
    /// when the template's own text (its literal markup, repeated by sections) leaves no room: the
    /// target then sends its built-in message, which always fits.
    ///
    /// The template's text is markup, kept as written; each value is escaped with `escaper` and cut
    /// (with `TextFit.marker`) like any feed text. Values fill in the order they appear, the long
    /// ones (summary, snippet, explanation) last. Links are percent-encoded where the escaper would
    /// touch them, take the escaper's entities only (`&` → `&amp;` in HTML), and are never cut. A value
    /// right after the author's `@` or `<` starts with a zero-width space, so the two cannot join into a
    /// mention (`<` + `!channel>`, `@` + `everyone`).
    /// `plainText` drops the template's HTML tags (`<br>` becomes a line break) and the values inside
    /// them (an `href`), for a target's plain alternative to its HTML body.
    func render(_ template: MessageTemplate?, _ alert: Alert, plainText: Bool = false) -> String? {
        guard let template else { return nil }
        let encoded = WebhookTarget.linkEncoding.union(escaper.breakAfter).union(escaper.backslashed)
        let linkEscaper = Escaper(entities: escaper.entities)
        let hasMarkup = !escaper.entities.isEmpty || !escaper.breakAfter.isEmpty
        var pieces: [Piece] = []
        var pending = ""
        var literalSize = 0
        for segment in template.segments(for: alert, linkEncoding: encoded, withoutTags: plainText) {
            switch segment {
            case .literal(let text):
                pending += text
                literalSize += unit.count(text)
            case .value(let value):
                let order = pieces.count + (value.kind == .longText ? 1 << 20 : 0)
                let isLink = value.kind == .link
                var text = isLink ? linkEscaper.escape(value.text) : value.text
                if hasMarkup, !isLink, !text.isEmpty, let last = pending.unicodeScalars.last, last == "@" || last == "<"
                {
                    text = Escaper.zeroWidthSpace + text
                }
                pieces.append(
                    Piece(before: pending, text: text, priority: order, omitWhenEmpty: false, verbatim: isLink))
                pending = ""
            }
        }
        pieces.append(Piece(before: pending, text: "", priority: Int.max, omitWhenEmpty: false))
        guard literalSize <= limit else { return nil }
        var layout = self
        layout.separator = ""
        return layout.render(pieces)
    }
}
