/// Lays out a chat message from pieces of feed text inside one service's limit.
///
/// Each piece is markup around feed text; the markup is Herald's and counts against the limit as
/// written, the feed text is escaped and cut (with `TextFit.marker`) to what is left. Pieces are
/// filled in priority order (the heading before the summary) and written in their own order.
struct MessageLayout {
    struct Piece {
        var before: String = ""
        var text: String
        var after: String = ""
        /// The most this piece's text may take, in `unit`, even when there is room.
        var cap: Int = .max
        /// Lower fills first.
        var priority: Int
        /// A piece whose text is empty is left out, markup and all.
        var omitWhenEmpty = true
        /// Text already safe for the markup (a `SafeLink`): not escaped, and never cut — it is
        /// left out whole when it does not fit, since half a link leads nowhere.
        var verbatim = false
    }

    var limit: Int
    var unit: TextUnit
    var escaper: Escaper
    var separator = "\n"
    /// Telegram counts its limit on the text after parsing its HTML: measure feed text unescaped.
    var measureSource = false

    func render(_ pieces: [Piece]) -> String {
        let present = pieces.filter { !$0.omitWhenEmpty || !$0.text.isEmpty }
        let separatorSize = unit.count(separator) * max(0, present.count - 1)
        var used = separatorSize + present.reduce(0) { $0 + unit.count($1.before) + unit.count($1.after) }
        var filled = [String](repeating: "", count: present.count)
        for index in present.indices.sorted(by: { present[$0].priority < present[$1].priority }) {
            let piece = present[index]
            let room = max(0, min(piece.cap, limit - used))
            let text =
                piece.verbatim
                ? (unit.count(piece.text) <= room ? piece.text : "")
                : TextFit.fit(piece.text, limit: room, unit: unit, escaper: escaper, measureSource: measureSource)
            used +=
                measureSource && !piece.verbatim
                ? unit.count(Self.unescapedSize(text, escaper: escaper)) : unit.count(text)
            filled[index] = text
        }
        return present.indices.map { present[$0].before + filled[$0] + present[$0].after }.joined(separator: separator)
    }

    /// For `measureSource`: the fitted text with entities turned back into the character they stand for,
    /// so it is measured the way the service measures it.
    private static func unescapedSize(_ text: String, escaper: Escaper) -> String {
        guard !escaper.entities.isEmpty else { return text }
        // One pass, so `&amp;lt;` becomes `&lt;` and not `<`.
        var out = ""
        var rest = Substring(text)
        while let first = rest.first {
            if first == "&", let (scalar, entity) = escaper.entities.first(where: { rest.hasPrefix($0.value) }) {
                out.unicodeScalars.append(scalar)
                rest = rest.dropFirst(entity.count)
            } else {
                out.append(first)
                rest = rest.dropFirst()
            }
        }
        return out
    }
}
