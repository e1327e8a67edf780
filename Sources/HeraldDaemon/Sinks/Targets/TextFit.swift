/// Fitting feed text into a service's limit: escape first, measure what the service will count, and cut only
/// between grapheme clusters, so a cut never splits a cluster, a surrogate pair or an escape sequence.
enum TextFit {
    /// The visible sign that text was cut.
    static let marker = "…"

    /// `text` escaped, cut so that its size is at most `limit` in `unit`, with `marker` after a cut.
    ///
    /// When `measureSource` is set the size is taken from what the reader sees: Telegram counts its limit after
    /// parsing entities, so `&lt;` costs one unit there, not four (a zero-width space still costs one).
    static func fit(
        _ text: String, limit: Int, unit: TextUnit, escaper: Escaper = .plain, measureSource: Bool = false
    ) -> String {
        guard limit > 0 else { return "" }
        let markerSize = unit.count(marker)
        var kept = ""
        var keptSize = 0
        // Where `kept` last had room for the marker after it, in UTF-8 offsets (each one a cluster boundary).
        var safeLength = 0
        // Stops at the limit rather than measuring all of a 100 KB text the service would never show.
        for character in text {
            let escaped = escaper.escape(character)
            let size = measureSource ? unit.count(escaper.visible(character)) : unit.count(escaped)
            if keptSize + markerSize <= limit { safeLength = kept.utf8.count }
            if keptSize + size > limit {
                let prefix = String(decoding: kept.utf8.prefix(safeLength), as: UTF8.self)
                return markerSize <= limit ? prefix + marker : prefix
            }
            kept += escaped
            keptSize += size
        }
        return kept
    }
}
